package io.github.sarisync.memory;

import io.github.sarisync.client.HostPolicy;
import io.github.sarisync.client.SariCredentials;
import io.github.sarisync.spi.CredentialsContext;
import io.github.sarisync.spi.CredentialsException;
import io.github.sarisync.spi.Lease;
import io.github.sarisync.spi.Tenant;
import io.github.sarisync.spi.TenantState;
import io.github.sarisync.spi.TenantStore;

import java.util.List;
import java.util.NoSuchElementException;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.ConcurrentSkipListMap;

/**
 * A {@link TenantStore} in memory, for tests, demos and small hosts. Credentials are kept in clear
 * in the process (never printed: {@link SariCredentials#toString()} masks them). Thread-safe:
 * every change of one tenant is atomic.
 *
 * <p>Built with the engines' {@link InMemorySyncLock}, a state write with a lease lands only while
 * that take of the lease is current; built without one, it refuses only a lease older than the
 * newest it has seen.
 *
 * <p>As the database stores do, it refuses at {@link #save} a tenant whose address its
 * {@link HostPolicy} does not allow (default {@link HostPolicy#strict()}: https to the SARI
 * installations only; {@code new InMemoryTenantStore(HostPolicy.builder().allowLoopback().build())}
 * for a simulator), and a change of a tenant's environment or base URI without new credentials.
 */
public final class InMemoryTenantStore implements TenantStore {
    private record Entry(Tenant tenant, SariCredentials credentials) {
    }

    private final ConcurrentSkipListMap<String, Entry> tenants = new ConcurrentSkipListMap<>();
    private final LeaseGuard guard;
    private final HostPolicy hostPolicy;

    /**
     * A store that accepts only https addresses of the SARI installations ({@link HostPolicy#strict()})
     * and fences state writes only against older fences it has seen (no lock to ask).
     */
    public InMemoryTenantStore() {
        this(HostPolicy.strict(), null);
    }

    /** A store that accepts the addresses {@code hostPolicy} allows (no lock to ask). */
    public InMemoryTenantStore(HostPolicy hostPolicy) {
        this(hostPolicy, null);
    }

    /** A strict store whose fenced state writes land only while the writer holds its lease in {@code lock}. */
    public InMemoryTenantStore(InMemorySyncLock lock) {
        this(HostPolicy.strict(), lock);
    }

    /**
     * A store that accepts the addresses {@code hostPolicy} allows and whose fenced state writes land
     * only while the writer holds its lease in {@code lock} (null: no lock to ask).
     */
    public InMemoryTenantStore(HostPolicy hostPolicy, InMemorySyncLock lock) {
        this.hostPolicy = Objects.requireNonNull(hostPolicy, "hostPolicy");
        this.guard = new LeaseGuard(lock);
    }

    @Override
    public List<Tenant> findEnabled() {
        return tenants.values().stream().map(Entry::tenant).filter(Tenant::enabled).toList();
    }

    @Override
    public List<Tenant> findAll() {
        return tenants.values().stream().map(Entry::tenant).toList();
    }

    @Override
    public List<Tenant> findPage(String afterId, int limit) {
        if (limit < 1) {
            throw new IllegalArgumentException("limit must be >= 1, was " + limit);
        }
        var from = afterId == null ? tenants : tenants.tailMap(afterId, false);
        return from.values().stream().limit(limit).map(Entry::tenant).toList();
    }

        @Override
    public Optional<Tenant> find(String tenantId) {
        return Optional.ofNullable(tenantId == null ? null : tenants.get(tenantId)).map(Entry::tenant);
    }

    @Override
    public SariCredentials credentials(String tenantId) {
        Entry entry = tenantId == null ? null : tenants.get(tenantId);
        if (entry == null) {
            throw new CredentialsException("tenant " + tenantId + " has no stored SARI credentials (unknown tenant)");
        }
        return entry.credentials();
    }

    /**
     * {@inheritDoc}
     *
     * @throws IllegalArgumentException naming the tenant when its address is not allowed by this
     *                                  store's {@link HostPolicy}, or when its environment or base URI
     *                                  changes and {@code credentials} is null (they are bound to the old one)
     */
    @Override
    public void save(Tenant tenant, SariCredentials credentials) {
        Objects.requireNonNull(tenant, "tenant");
        hostPolicy.require(tenant.effectiveBaseUri(), "tenant " + tenant.id());
        tenants.compute(tenant.id(), (id, old) -> {
            if (old == null) {
                if (credentials == null) {
                    throw new IllegalArgumentException("tenant " + id + " is new: credentials must not be null");
                }
                return new Entry(tenant, credentials);
            }
            String oldTarget = CredentialsContext.of(old.tenant()).target();
            String newTarget = CredentialsContext.of(tenant).target();
            if (credentials == null && !oldTarget.equals(newTarget)) {
                throw new IllegalArgumentException("tenant " + id + ": its SARI target changes from " + oldTarget
                        + " to " + newTarget + ", but the stored credentials belong to the old target: give the"
                        + " credentials again, or move them with CredentialsService.retarget");
            }
            return new Entry(tenant.withState(old.tenant().state()),
                    credentials != null ? credentials : old.credentials());
        });
    }

    @Override
    public void updateState(String tenantId, TenantState state, Lease lease) {
        Objects.requireNonNull(state, "state");
        guard.write(lease, "tenantStore.updateState of tenant " + tenantId,
                () -> update(tenantId, e -> new Entry(e.tenant().withState(state), e.credentials())));
    }

    @Override
    public void setFlags(String tenantId, boolean enabled, boolean paused) {
        update(tenantId, e -> new Entry(e.tenant().withEnabled(enabled).withPaused(paused), e.credentials()));
    }

    @Override
    public boolean delete(String tenantId) {
        return tenantId != null && tenants.remove(tenantId) != null;
    }

    private void update(String tenantId, java.util.function.UnaryOperator<Entry> change) {
        if (tenantId == null || tenants.computeIfPresent(tenantId, (id, e) -> change.apply(e)) == null) {
            throw new NoSuchElementException("no tenant " + tenantId);
        }
    }
}
