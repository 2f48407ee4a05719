package io.github.sarisync.jdbc.outbox;

import io.github.sarisync.testkit.SariSimulator;
import io.github.sarisync.jdbc.Dialect;
import io.github.sarisync.jdbc.SariJdbc;
import io.github.sarisync.jdbc.SchemaInitialization;
import org.h2.jdbcx.JdbcDataSource;

import javax.sql.DataSource;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.UUID;

/** Databases for the outbox tests: set up by SariJdbc's schema installer, or by running migrations by hand. */
final class OutboxDatabases {
    private static final List<String> MIGRATIONS = List.of("V1__sari_schema.sql", "V2__sari_enrollment_outbox.sql",
            "V3__sari_outbox_claims.sql", "V4__sari_lease_fence.sql", "V5__sari_outbox_give_ups.sql");

    private OutboxDatabases() {
    }

    static JdbcDataSource newH2() {
        JdbcDataSource ds = new JdbcDataSource();
        ds.setURL("jdbc:h2:mem:outbox-" + UUID.randomUUID() + ";DB_CLOSE_DELAY=-1;LOCK_TIMEOUT=10000");
        ds.setUser("sa");
        return ds;
    }

    /** A SariJdbc whose schema SariJdbc installed itself (the migrations the database lacked). */
    static SariJdbc installedBySariJdbc(DataSource dataSource, Dialect dialect) {
        return SariJdbc.builder().hostPolicy(SariSimulator.hostPolicy()).dataSource(dataSource).dialect(dialect)
                .initializeSchema(SchemaInitialization.ALWAYS).build();
    }

    /** A SariJdbc on a schema set up by the versioned migrations run by hand, in order, without history. */
    static SariJdbc installedByMigrations(DataSource dataSource, Dialect dialect) {
        return installedByMigrations(dataSource, dialect, MIGRATIONS);
    }

    /** A SariJdbc on a schema set up by the first {@code count} migrations only (an older release's schema). */
    static SariJdbc installedByFirstMigrations(DataSource dataSource, Dialect dialect, int count) {
        return installedByMigrations(dataSource, dialect, MIGRATIONS.subList(0, count));
    }

    /** A SariJdbc on a schema the first {@code applied} migrations set up, brought up to date by the later ones. */
    static SariJdbc upgradedByLaterMigrations(DataSource dataSource, Dialect dialect, int applied) {
        return installedByMigrations(dataSource, dialect, MIGRATIONS.subList(applied, MIGRATIONS.size()));
    }

    private static SariJdbc installedByMigrations(DataSource dataSource, Dialect dialect, List<String> migrations) {
        SariJdbc jdbc = SariJdbc.builder().hostPolicy(SariSimulator.hostPolicy())
                .dataSource(dataSource).dialect(dialect)
                .initializeSchema(SchemaInitialization.NEVER).build();
        jdbc.jdbi().useHandle(handle -> {
            for (String migration : migrations) {
                for (String statement : statements(read("db/migration/sari/" + dialect.resourceSuffix() + "/"
                        + migration).replace("${sari_prefix}", jdbc.tablePrefix()))) {
                    handle.execute(statement);
                }
            }
        });
        return jdbc;
    }

    /** The database's clock now. */
    static Instant databaseNow(SariJdbc jdbc) {
        return jdbc.jdbi().withHandle(h -> h.createQuery("SELECT CURRENT_TIMESTAMP")
                .map((rs, ctx) -> rs.getObject(1, OffsetDateTime.class).toInstant()).one());
    }

    /** Lets time pass for the claims held: moves their expiry back, as the database clock cannot be set. */
    static void passClaimTime(SariJdbc jdbc, Duration duration) {
        String shifted = jdbc.dialect() == Dialect.POSTGRESQL
                ? "claimed_until - " + duration.toMillis() + " * INTERVAL '1 millisecond'"
                : "DATEADD(MILLISECOND, -" + duration.toMillis() + ", claimed_until)";
        jdbc.jdbi().useHandle(h -> h.execute("UPDATE " + jdbc.tablePrefix() + "enrollment_outbox SET claimed_until = "
                + shifted + " WHERE claimed_until IS NOT NULL"));
    }

    /** Empties the outbox table. */
    static void clear(SariJdbc jdbc) {
        jdbc.jdbi().useHandle(h -> h.execute("DELETE FROM " + jdbc.tablePrefix() + "enrollment_outbox"));
    }

    private static String read(String resource) {
        try (InputStream in = OutboxDatabases.class.getClassLoader().getResourceAsStream(resource)) {
            if (in == null) {
                throw new IllegalStateException("missing resource " + resource);
            }
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static List<String> statements(String script) {
        StringBuilder withoutComments = new StringBuilder();
        script.lines().filter(l -> !l.strip().startsWith("--")).forEach(l -> withoutComments.append(l).append('\n'));
        return List.of(withoutComments.toString().split(";")).stream().map(String::strip)
                .filter(s -> !s.isEmpty()).toList();
    }
}
