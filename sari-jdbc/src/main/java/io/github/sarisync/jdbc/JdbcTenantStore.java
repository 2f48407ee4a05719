package io.github.sarisync.jdbc;

import io.github.sarisync.client.HostPolicy;
import io.github.sarisync.client.SariCredentials;
import io.github.sarisync.client.SariEnvironment;
import io.github.sarisync.credentials.CredentialsCodec;
import io.github.sarisync.credentials.CredentialsRotation;
import io.github.sarisync.internal.jdbc.Database;
import io.github.sarisync.internal.jdbc.SqlValues;
import io.github.sarisync.spi.CredentialsCipher;
import io.github.sarisync.spi.CredentialsContext;
import io.github.sarisync.spi.CredentialsException;
import io.github.sarisync.spi.Lease;
import io.github.sarisync.spi.LeaseLostException;
import io.github.sarisync.spi.RunStatus;
import io.github.sarisync.spi.Tenant;
import io.github.sarisync.spi.TenantState;
import io.github.sarisync.spi.TenantStore;
import org.jdbi.v3.core.statement.Update;

import java.net.URI;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import java.util.List;
import java.util.NoSuchElementException;
import java.util.Objects;
import java.util.Optional;

/**
 * Tenants in the {@code <prefix>tenants} table. Credentials are stored only encrypted: serialized to a
 * small JSON object and encrypted as a whole by the {@link CredentialsCipher} (see
 * {@link CredentialsCodec}), bound to the row's tenant id and SARI target (its {@code environment}
 * or {@code base_uri} column, see {@link CredentialsContext}): a value copied onto another row, or a
 * row whose address was changed by SQL, fails to decrypt naming the tenant. The value names its key,
 * so keys can rotate ({@link #reencryptCredentials()}, which also migrates unbound values).
 *
 * <p>{@link #save} refuses an address the {@link HostPolicy} does not allow, and a new target
 * without new credentials. Every method is one statement except {@link #reencryptCredentials()} and
 * {@link #save} without credentials (a read of the stored target, then an update guarded by it).
 */
public final class JdbcTenantStore implements TenantStore, CredentialsRotation.Target {
    private static final int MAX_MESSAGE = 2000;

    private final Database database;
    private final CredentialsCipher cipher;
    private final HostPolicy hostPolicy;

    JdbcTenantStore(Database database, CredentialsCipher cipher, HostPolicy hostPolicy) {
        this.database = database;
        this.cipher = cipher;
        this.hostPolicy = hostPolicy;
    }

    @Override
    public List<Tenant> findEnabled() {
        return database.withHandle(handle -> handle.createQuery(database.sql("tenant.findEnabled"))
                .map((rs, ctx) -> tenant(rs)).list());
    }

    @Override
    public List<Tenant> findAll() {
        return database.withHandle(handle -> handle.createQuery(database.sql("tenant.findAll"))
                .map((rs, ctx) -> tenant(rs)).list());
    }

    /** One statement: ids compared by the database's ordering of the id column, as {@link #findAll()} sorts them. */
    @Override
    public List<Tenant> findPage(String afterId, int limit) {
        if (limit < 1) {
            throw new IllegalArgumentException("limit must be >= 1, was " + limit);
        }
        // "" sorts before every tenant id (ids are never blank), so one statement serves the first page too
        return database.withHandle(handle -> handle.createQuery(database.sql("tenant.findPage"))
                .bind("after", afterId == null ? "" : afterId).bind("limit", limit)
                .map((rs, ctx) -> tenant(rs)).list());
    }

    @Override
    public Optional<Tenant> find(String tenantId) {
        Objects.requireNonNull(tenantId, "tenantId");
        return database.withHandle(handle -> handle.createQuery(database.sql("tenant.find"))
                .bind("id", tenantId).map((rs, ctx) -> tenant(rs)).findOne());
    }

    @Override
    public SariCredentials credentials(String tenantId) {
        Objects.requireNonNull(tenantId, "tenantId");
        CredentialsRotation.Stored stored = database.withHandle(handle -> handle.createQuery(
                database.sql("tenant.credentials")).bind("id", tenantId).map((rs, ctx) -> stored(rs)).findOne())
                .orElse(null);
        if (stored == null) {
            throw new CredentialsException("tenant " + tenantId + ": no such tenant, so no SARI credentials");
        }
        return CredentialsCodec.open(cipher, stored.value(), stored.context());
    }

    /**
     * {@inheritDoc}
     *
     * @throws IllegalArgumentException naming the tenant when its address is not allowed by the
     *                                  {@link HostPolicy} of {@link SariJdbc.Builder#hostPolicy}, or when
     *                                  its environment or base URI changes and {@code credentials} is null
     */
    @Override
    public void save(Tenant tenant, SariCredentials credentials) {
        Objects.requireNonNull(tenant, "tenant");
        hostPolicy.require(tenant.effectiveBaseUri(), "tenant " + tenant.id());
        if (credentials == null) {
            saveSettings(tenant);
            return;
        }
        String encrypted = CredentialsCodec.seal(cipher, credentials, CredentialsContext.of(tenant));
        database.withHandle(handle -> bindState(bindSettings(
                handle.createUpdate(database.sql("tenant.saveWithCredentials")), tenant), tenant.state())
                .bind("credentials", encrypted).execute());
    }

    private void saveSettings(Tenant tenant) {
        Tenant stored = find(tenant.id()).orElseThrow(() ->
                new IllegalArgumentException("tenant " + tenant.id() + " is new: credentials are required"));
        String storedTarget = CredentialsContext.of(stored).target();
        String newTarget = CredentialsContext.of(tenant).target();
        if (!storedTarget.equals(newTarget)) {
            throw new IllegalArgumentException("tenant " + tenant.id() + ": its SARI target changes from "
                    + storedTarget + " to " + newTarget + ", but the stored credentials belong to the old target:"
                    + " give the credentials again, or move them with CredentialsService.retarget");
        }
        int rows = database.withHandle(handle -> bindSettings(handle.createUpdate(database.sql("tenant.saveSettings")),
                tenant).bind("storedEnvironment", stored.environment() == null ? null : stored.environment().name())
                .bind("storedBaseUri", stored.baseUri() == null ? null : stored.baseUri().toString()).execute());
        if (rows == 0) {
            throw new IllegalStateException("tenant " + tenant.id() + ": its SARI target or the tenant itself changed"
                    + " while saving; read it again and repeat");
        }
    }

    @Override
    public void updateState(String tenantId, TenantState state, Lease lease) {
        Objects.requireNonNull(tenantId, "tenantId");
        Objects.requireNonNull(state, "state");
        if (lease == null) {
            int rows = database.withHandle(handle -> bindState(handle.createUpdate(database.sql("tenant.updateState")),
                    state).bind("id", tenantId).execute());
            requireFound(tenantId, rows);
            return;
        }
        // one statement in the warm path: the lease condition is part of the update
        int rows = database.withHandle(handle -> bindState(
                handle.createUpdate(database.sql("tenant.updateStateFenced")), state).bind("id", tenantId)
                .bind("leaseName", lease.name()).bind("leaseOwner", lease.owner()).bind("fence", lease.fence())
                .execute());
        if (rows == 0 && find(tenantId).isPresent()) {
            throw new LeaseLostException(lease, "tenantStore.updateState of tenant " + tenantId);
        }
        requireFound(tenantId, rows);
    }

    @Override
    public void setFlags(String tenantId, boolean enabled, boolean paused) {
        Objects.requireNonNull(tenantId, "tenantId");
        int rows = database.withHandle(handle -> handle.createUpdate(database.sql("tenant.setFlags"))
                .bind("id", tenantId).bind("enabled", enabled).bind("paused", paused).execute());
        requireFound(tenantId, rows);
    }

    @Override
    public boolean delete(String tenantId) {
        Objects.requireNonNull(tenantId, "tenantId");
        return database.withHandle(handle -> handle.createUpdate(database.sql("tenant.delete"))
                .bind("id", tenantId).execute()) > 0;
    }

    /**
     * Re-encrypts every stored credential that is not under the cipher's current key (the last step
     * of a key rotation), and binds values of the old unbound format to their row's tenant and
     * target (see {@link CredentialsRotation}). A value that cannot be decrypted is left as it is and
     * logged naming the tenant; a value saved meanwhile is never overwritten.
     *
     * @return how many rows were re-encrypted
     */
    public int reencryptCredentials() {
        return CredentialsRotation.rotate(cipher, this).reencrypted();
    }

    /** Every tenant's stored (encrypted) credentials with its row's binding; for {@link CredentialsRotation}. */
    @Override
    public List<CredentialsRotation.Stored> encryptedCredentials() {
        return database.withHandle(handle -> handle.createQuery(database.sql("tenant.allCredentials"))
                .map((rs, ctx) -> stored(rs)).list());
    }

    /** A row's value with the tenant id and target it is bound to (the columns as they are now). */
    private static CredentialsRotation.Stored stored(ResultSet rs) throws SQLException {
        String environment = rs.getString("environment");
        String baseUri = rs.getString("base_uri");
        CredentialsContext context = CredentialsContext.of(rs.getString("id"),
                environment == null ? null : SariEnvironment.valueOf(environment),
                baseUri == null ? null : URI.create(baseUri));
        return new CredentialsRotation.Stored(context, rs.getString("credentials"));
    }

    /** Replaces a tenant's stored value only if it still is {@code expected}; for {@link CredentialsRotation}. */
    @Override
    public boolean replaceEncryptedCredentials(String tenantId, String expected, String replacement) {
        return database.withHandle(handle -> handle.createUpdate(database.sql("tenant.replaceCredentials"))
                .bind("id", tenantId).bind("credentials", replacement).bind("previous", expected).execute()) == 1;
    }

    private static Update bindSettings(Update update, Tenant t) {
        return update.bind("id", t.id()).bind("name", t.name()).bind("enabled", t.enabled())
                .bind("paused", t.paused())
                .bind("environment", t.environment() == null ? null : t.environment().name())
                .bind("baseUri", t.baseUri() == null ? null : t.baseUri().toString())
                .bind("intervalSeconds", t.interval() == null ? null : t.interval().toSeconds());
    }

    private static Update bindState(Update update, TenantState s) {
        return update.bind("lastAttemptAt", SqlValues.instant(s.lastAttemptAt()))
                .bind("lastSuccessAt", SqlValues.instant(s.lastSuccessAt()))
                .bind("lastOutcome", s.lastOutcome() == null ? null : s.lastOutcome().name())
                .bind("consecutiveFailures", s.consecutiveFailures())
                .bind("lastErrorCode", s.lastErrorCode())
                .bind("lastErrorMessage", SqlValues.truncate(s.lastErrorMessage(), MAX_MESSAGE));
    }

    private static Tenant tenant(ResultSet rs) throws SQLException {
        String environment = rs.getString("environment");
        String baseUri = rs.getString("base_uri");
        Long intervalSeconds = SqlValues.nullableLong(rs, "interval_seconds");
        String outcome = rs.getString("last_outcome");
        TenantState state = new TenantState(SqlValues.instant(rs, "last_attempt_at"),
                SqlValues.instant(rs, "last_success_at"), outcome == null ? null : RunStatus.valueOf(outcome),
                rs.getInt("consecutive_failures"), rs.getString("last_error_code"),
                rs.getString("last_error_message"));
        return new Tenant(rs.getString("id"), rs.getString("name"), rs.getBoolean("enabled"), rs.getBoolean("paused"),
                environment == null ? null : SariEnvironment.valueOf(environment),
                baseUri == null ? null : URI.create(baseUri),
                intervalSeconds == null ? null : Duration.ofSeconds(intervalSeconds), state);
    }

    private static void requireFound(String tenantId, int rows) {
        if (rows == 0) {
            throw new NoSuchElementException("no tenant " + tenantId);
        }
    }
}
