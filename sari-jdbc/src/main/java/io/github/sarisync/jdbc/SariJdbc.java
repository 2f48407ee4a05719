package io.github.sarisync.jdbc;

import io.github.sarisync.client.HostPolicy;
import io.github.sarisync.internal.jdbc.Database;
import io.github.sarisync.internal.jdbc.Statements;
import io.github.sarisync.spi.CredentialsCipher;
import org.jdbi.v3.core.Jdbi;

import javax.sql.DataSource;
import java.sql.SQLException;
import java.time.Clock;
import java.util.Objects;

/**
 * sari-sync's ports on a relational database (PostgreSQL 14+ or H2 2.x), through Jdbi: the one
 * entry object of sari-jdbc. Built once, thread-safe; its stores share it.
 *
 * <pre>{@code
 * SariJdbc jdbc = SariJdbc.builder()
 *     .dataSource(dataSource)                       // or .jdbi(hostJdbi)
 *     .credentialsCipher(cipher)                    // needed for tenantStore()
 *     .hostPolicy(HostPolicy.strict())              // the default: tenants only on https SARI
 *     .build();                                     // detects the dialect, installs the schema on H2
 * SARISyncEngine engine = SARISyncEngine.builder()
 *     .tenantStore(jdbc.tenantStore()).courseStore(jdbc.courseStore()).syncLogStore(jdbc.syncLogStore())
 *     .lock(jdbc.syncLock())
 *     .build();
 * }</pre>
 *
 * Defaults: dialect detected from the connection metadata, table prefix {@code sari_}, schema
 * initialization {@link SchemaInitialization#EMBEDDED}, host policy {@link HostPolicy#strict()}, clock
 * {@link Clock#systemUTC()}.
 *
 * <p>The schema is the versioned migrations in the jar, {@code db/migration/sari/<dialect>/V*.sql}, and
 * nothing else: {@link #schemaInstaller()} applies those a database lacks and records them in
 * {@code <prefix>schema_history} in Flyway's layout, and a host that migrates itself runs the same files
 * with Flyway (see {@link SchemaInstaller}). The SQL the stores run is in
 * {@code io/github/sarisync/jdbc/statements.sql}, with per-dialect replacements only where the SQL differs.
 */
public final class SariJdbc {
    private final Jdbi jdbi;
    private final Dialect dialect;
    private final String tablePrefix;
    private final Clock clock;
    private final JdbcTenantStore tenantStore;
    private final JdbcCourseStore courseStore;
    private final JdbcSyncLogStore syncLogStore;
    private final JdbcSyncLock syncLock;
    private final JdbcEnrollmentOutbox enrollmentOutbox;

    private SariJdbc(Jdbi jdbi, Dialect dialect, String tablePrefix, CredentialsCipher cipher, HostPolicy hostPolicy,
                     Clock clock) {
        this.jdbi = jdbi;
        this.dialect = dialect;
        this.tablePrefix = tablePrefix;
        this.clock = clock;
        Database database = new Database(jdbi, Statements.load(dialect, tablePrefix));
        this.tenantStore = cipher == null ? null : new JdbcTenantStore(database, cipher, hostPolicy);
        this.courseStore = new JdbcCourseStore(database);
        this.syncLogStore = new JdbcSyncLogStore(database, clock);
        this.syncLock = new JdbcSyncLock(database);
        this.enrollmentOutbox = new JdbcEnrollmentOutbox(database, dialect);
    }

    public static Builder builder() {
        return new Builder();
    }

    /**
     * The tenants with their encrypted credentials.
     *
     * @throws IllegalStateException when no {@link Builder#credentialsCipher(CredentialsCipher)} was configured
     */
    public JdbcTenantStore tenantStore() {
        if (tenantStore == null) {
            throw new IllegalStateException("SariJdbc has no credentials cipher: configure credentialsCipher(...) "
                    + "on the builder to use tenantStore()");
        }
        return tenantStore;
    }

    public JdbcCourseStore courseStore() {
        return courseStore;
    }

    public JdbcSyncLogStore syncLogStore() {
        return syncLogStore;
    }

    public JdbcSyncLock syncLock() {
        return syncLock;
    }

    /** The durable outbox of the enrolment service ({@code EnrollmentService.builder().outbox(...)}). */
    public JdbcEnrollmentOutbox enrollmentOutbox() {
        return enrollmentOutbox;
    }

    public Dialect dialect() {
        return dialect;
    }

    public Jdbi jdbi() {
        return jdbi;
    }

    public String tablePrefix() {
        return tablePrefix;
    }

    /** An installer for this database's schema (what {@link Builder#build()} runs per {@link SchemaInitialization}). */
    public SchemaInstaller schemaInstaller() {
        return new SchemaInstaller(jdbi, dialect, tablePrefix, clock);
    }

    /** Settings of a {@link SariJdbc}; {@link #build()} validates them and fails naming the bad one. */
    public static final class Builder {
        private DataSource dataSource;
        private Jdbi jdbi;
        private Dialect dialect;
        private String tablePrefix = SchemaInstaller.DEFAULT_PREFIX;
        private SchemaInitialization initializeSchema = SchemaInitialization.EMBEDDED;
        private CredentialsCipher credentialsCipher;
        private HostPolicy hostPolicy = HostPolicy.strict();
        private Clock clock = Clock.systemUTC();

        private Builder() {
        }

        /** The database; sari-jdbc makes its own {@link Jdbi} on it. Set this or {@link #jdbi(Jdbi)}. */
        public Builder dataSource(DataSource value) {
            this.dataSource = value;
            return this;
        }

        /** A host's {@link Jdbi}; its settings are not changed. Set this or {@link #dataSource(DataSource)}. */
        public Builder jdbi(Jdbi value) {
            this.jdbi = value;
            return this;
        }

        /** The database's dialect; by default detected from the connection metadata. */
        public Builder dialect(Dialect value) {
            this.dialect = value;
            return this;
        }

        /** Prefix of every table and index, {@code [a-z][a-z0-9_]*}; default {@code sari_}. */
        public Builder tablePrefix(String value) {
            this.tablePrefix = value;
            return this;
        }

        /** When {@link #build()} creates missing tables; default {@link SchemaInitialization#EMBEDDED}. */
        public Builder initializeSchema(SchemaInitialization value) {
            this.initializeSchema = value;
            return this;
        }

        /** Encrypts stored credentials; required for {@link SariJdbc#tenantStore()}. */
        public Builder credentialsCipher(CredentialsCipher value) {
            this.credentialsCipher = value;
            return this;
        }

        /**
         * The addresses {@link SariJdbc#tenantStore()} accepts when a tenant is saved. Default
         * {@link HostPolicy#strict()}: https to the SARI installations only.
         */
        public Builder hostPolicy(HostPolicy value) {
            this.hostPolicy = value;
            return this;
        }

        /** The clock of the convenience methods that take a duration (e.g. stats over the last 24 h). */
        public Builder clock(Clock value) {
            this.clock = value;
            return this;
        }

        /**
         * Validates the settings, detects the dialect when not set and installs the schema as
         * {@link #initializeSchema(SchemaInitialization)} says.
         *
         * @throws IllegalArgumentException naming the bad setting, or the unsupported database product
         */
        public SariJdbc build() {
            if (dataSource == null && jdbi == null) {
                throw new IllegalArgumentException("SariJdbc: set dataSource(...) or jdbi(...)");
            }
            if (dataSource != null && jdbi != null) {
                throw new IllegalArgumentException("SariJdbc: set either dataSource(...) or jdbi(...), not both");
            }
            SchemaInstaller.requireValidPrefix(tablePrefix);
            if (initializeSchema == null) {
                throw new IllegalArgumentException("SariJdbc: initializeSchema must not be null");
            }
            if (clock == null) {
                throw new IllegalArgumentException("SariJdbc: clock must not be null");
            }
            if (hostPolicy == null) {
                throw new IllegalArgumentException("SariJdbc: hostPolicy must not be null");
            }
            Jdbi effectiveJdbi = jdbi != null ? jdbi : Jdbi.create(dataSource);
            Dialect effectiveDialect = dialect != null ? dialect : detect(effectiveJdbi);
            SariJdbc result = new SariJdbc(effectiveJdbi, effectiveDialect, tablePrefix, credentialsCipher, hostPolicy,
                    clock);
            if (initializeSchema.appliesTo(effectiveDialect)) {
                result.schemaInstaller().install();
            }
            return result;
        }

        private static Dialect detect(Jdbi jdbi) {
            try {
                return jdbi.withHandle(handle -> Dialect.detect(handle.getConnection()));
            } catch (SQLException e) {
                throw new IllegalStateException("SariJdbc: cannot read the database's metadata to detect the dialect: "
                        + e.getMessage(), e);
            }
        }
    }
}
