package io.github.sarisync.credentials;

import io.github.sarisync.client.SariCredentials;
import io.github.sarisync.spi.CredentialsCipher;
import io.github.sarisync.spi.CredentialsContext;
import io.github.sarisync.spi.CredentialsException;
import io.github.sarisync.spi.Tenant;
import io.github.sarisync.spi.TenantState;
import io.github.sarisync.spi.TenantStore;

import java.util.List;
import java.util.Map;
import java.util.NoSuchElementException;
import java.util.Optional;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;

/**
 * A tenant store for these tests that keeps credentials the way a persistent store must: only
 * as values sealed by a {@link CredentialsCipher}, which the tests can read and tamper with.
 */
final class EncryptingTenantStore implements TenantStore, CredentialsRotation.Target {
    private final CredentialsCipher cipher;
    final Map<String, Tenant> tenants = new ConcurrentHashMap<>();
    final Map<String, String> sealed = new ConcurrentHashMap<>();

    EncryptingTenantStore(CredentialsCipher cipher) {
        this.cipher = cipher;
    }

    @Override
    public List<Tenant> findEnabled() {
        return findAll().stream().filter(Tenant::enabled).toList();
    }

    @Override
    public List<Tenant> findAll() {
        return List.copyOf(new TreeMap<>(tenants).values());
    }

    @Override
    public Optional<Tenant> find(String tenantId) {
        return Optional.ofNullable(tenants.get(tenantId));
    }

    @Override
    public SariCredentials credentials(String tenantId) {
        String value = sealed.get(tenantId);
        if (value == null) {
            throw new CredentialsException("tenant " + tenantId + ": no credentials stored");
        }
        return CredentialsCodec.open(cipher, value, context(tenantId));
    }

    @Override
    public synchronized void save(Tenant tenant, SariCredentials credentials) {
        Tenant existing = tenants.get(tenant.id());
        if (existing == null && credentials == null) {
            throw new IllegalArgumentException("tenant " + tenant.id() + " is new: credentials are required");
        }
        tenants.put(tenant.id(), existing == null ? tenant : tenant.withState(existing.state()));
        if (credentials != null) {
            sealed.put(tenant.id(), CredentialsCodec.seal(cipher, credentials, CredentialsContext.of(tenant)));
        }
    }

    @Override
    public void updateState(String tenantId, TenantState state, io.github.sarisync.spi.Lease lease) {
        tenants.computeIfPresent(tenantId, (id, t) -> t.withState(state));
    }

    @Override
    public synchronized void setFlags(String tenantId, boolean enabled, boolean paused) {
        Tenant t = tenants.get(tenantId);
        if (t == null) {
            throw new NoSuchElementException("unknown tenant: " + tenantId);
        }
        tenants.put(tenantId, t.withEnabled(enabled).withPaused(paused));
    }

    @Override
    public boolean delete(String tenantId) {
        sealed.remove(tenantId);
        return tenants.remove(tenantId) != null;
    }

    /** What a tenant's value is bound to: its tenant's target, PRODUCTION for a value put without a tenant. */
    CredentialsContext context(String tenantId) {
        Tenant tenant = tenants.get(tenantId);
        return tenant != null ? CredentialsContext.of(tenant) : CredentialsContext.of(tenantId, null, null);
    }

    @Override
    public List<CredentialsRotation.Stored> encryptedCredentials() {
        return new TreeMap<>(sealed).entrySet().stream()
                .map(e -> new CredentialsRotation.Stored(context(e.getKey()), e.getValue())).toList();
    }

    @Override
    public boolean replaceEncryptedCredentials(String tenantId, String expected, String replacement) {
        return sealed.replace(tenantId, expected, replacement);
    }
}
