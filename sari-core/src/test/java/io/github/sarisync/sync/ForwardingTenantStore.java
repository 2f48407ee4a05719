package io.github.sarisync.sync;

import io.github.sarisync.client.SariCredentials;
import io.github.sarisync.spi.Tenant;
import io.github.sarisync.spi.TenantState;
import io.github.sarisync.spi.TenantStore;

import java.util.List;
import java.util.Optional;

/** A tenant store that hands every call to another; a test overrides the calls it wants to change or watch. */
class ForwardingTenantStore implements TenantStore {
    private final TenantStore delegate;

    ForwardingTenantStore(TenantStore delegate) {
        this.delegate = delegate;
    }

    @Override
    public List<Tenant> findEnabled() {
        return delegate.findEnabled();
    }

    @Override
    public List<Tenant> findAll() {
        return delegate.findAll();
    }

    @Override
    public Optional<Tenant> find(String tenantId) {
        return delegate.find(tenantId);
    }

    @Override
    public SariCredentials credentials(String tenantId) {
        return delegate.credentials(tenantId);
    }

    @Override
    public void save(Tenant tenant, SariCredentials credentials) {
        delegate.save(tenant, credentials);
    }

    @Override
    public void updateState(String tenantId, TenantState state, io.github.sarisync.spi.Lease lease) {
        delegate.updateState(tenantId, state, lease);
    }

    @Override
    public void setFlags(String tenantId, boolean enabled, boolean paused) {
        delegate.setFlags(tenantId, enabled, paused);
    }

    @Override
    public boolean delete(String tenantId) {
        return delegate.delete(tenantId);
    }
}
