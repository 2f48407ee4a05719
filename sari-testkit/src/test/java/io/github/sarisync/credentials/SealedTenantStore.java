package io.github.sarisync.credentials;

import io.github.sarisync.client.SariCredentials;
import io.github.sarisync.memory.InMemoryTenantStore;
import io.github.sarisync.spi.CredentialsCipher;
import io.github.sarisync.spi.CredentialsContext;
import io.github.sarisync.spi.Tenant;
import io.github.sarisync.spi.TenantState;
import io.github.sarisync.spi.TenantStore;
import io.github.sarisync.testkit.SariSimulator;

import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The in-memory tenant store with credentials kept as a persistent store keeps them: sealed by a
 * {@link CredentialsCipher} and opened on every read, so a test can corrupt one stored value.
 */
final class SealedTenantStore implements TenantStore {
    private static final SariCredentials PLACEHOLDER = new SariCredentials("sealed", "sealed", "sealed", "sealed");

    private final InMemoryTenantStore tenants = new InMemoryTenantStore(SariSimulator.hostPolicy());
    private final CredentialsCipher cipher;
    final Map<String, String> sealed = new ConcurrentHashMap<>();

    SealedTenantStore(CredentialsCipher cipher) {
        this.cipher = cipher;
    }

    @Override
    public List<Tenant> findEnabled() {
        return tenants.findEnabled();
    }

    @Override
    public List<Tenant> findAll() {
        return tenants.findAll();
    }

    @Override
    public Optional<Tenant> find(String tenantId) {
        return tenants.find(tenantId);
    }

    @Override
    public SariCredentials credentials(String tenantId) {
        tenants.credentials(tenantId);
        Tenant tenant = tenants.find(tenantId).orElseThrow();
        return CredentialsCodec.open(cipher, sealed.get(tenantId), CredentialsContext.of(tenant));
    }

    @Override
    public void save(Tenant tenant, SariCredentials credentials) {
        tenants.save(tenant, credentials == null ? null : PLACEHOLDER);
        if (credentials != null) {
            sealed.put(tenant.id(), CredentialsCodec.seal(cipher, credentials, CredentialsContext.of(tenant)));
        }
    }

    @Override
    public void updateState(String tenantId, TenantState state, io.github.sarisync.spi.Lease lease) {
        tenants.updateState(tenantId, state, lease);
    }

    @Override
    public void setFlags(String tenantId, boolean enabled, boolean paused) {
        tenants.setFlags(tenantId, enabled, paused);
    }

    @Override
    public boolean delete(String tenantId) {
        sealed.remove(tenantId);
        return tenants.delete(tenantId);
    }
}
