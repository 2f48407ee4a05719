package io.github.sarisync.spi;

import io.github.sarisync.client.SariCredentials;

import java.util.List;
import java.util.Optional;

/**
 * Where the driving schools to sync live, with their credentials and schedule state. Hosts with
 * a tenants table of their own implement it on that table.
 *
 * <p>The engine reads {@link #findEnabled()} once at the start of {@code syncAll}/{@code syncDue},
 * {@link #credentials(String)} when it first builds a client for a tenant (and again after the
 * tenant's settings changed), and calls {@link #updateState(String, TenantState, Lease)} once per tenant
 * run, after the run, while it holds the tenant's lease. No call is made inside another port's
 * transaction. Implementations must be thread-safe: the engine runs tenants in parallel.
 */
public interface TenantStore {

    /** Every enabled tenant, paused ones included, ordered by id. */
    List<Tenant> findEnabled();

    /** Every tenant, ordered by id. */
    List<Tenant> findAll();

    /**
     * One page of {@link #findAll()}: at most {@code limit} tenants ordered by id whose id comes
     * after {@code afterId} (from the first when null). Pass the last id of a page to get the next;
     * a page shorter than {@code limit} is the last. Called by monitoring views (the Actuator
     * endpoint, admin pages), never by the engine. The default reads every tenant; a store holding
     * many tenants overrides it with a query.
     *
     * @throws IllegalArgumentException when {@code limit < 1}
     */
    default List<Tenant> findPage(String afterId, int limit) {
        if (limit < 1) {
            throw new IllegalArgumentException("limit must be >= 1, was " + limit);
        }
        return findAll().stream().filter(t -> afterId == null || t.id().compareTo(afterId) > 0).limit(limit)
                .toList();
    }

    Optional<Tenant> find(String tenantId);

    /**
     * The tenant's SARI credentials in clear, for building a client. Never logged by the engine.
     *
     * @throws CredentialsException naming the tenant when there are none or they cannot be decrypted
     */
    SariCredentials credentials(String tenantId);

    /**
     * Creates the tenant or updates its settings (name, enabled, paused, environment, base URI,
     * interval). The state in {@code tenant} is written only when the tenant is new.
     *
     * <p>Stored credentials are bound to the tenant's SARI target (environment or base URI, see
     * {@link CredentialsContext}): a store refuses a changed target without new credentials, and an
     * address its {@link io.github.sarisync.client.HostPolicy} does not allow.
     *
     * @param credentials new credentials to store (encrypted where the store persists), or null to keep the stored ones
     * @throws IllegalArgumentException naming the tenant when the tenant is new and {@code credentials}
     *                                  is null, when its target changes and {@code credentials} is null,
     *                                  or when the host policy refuses its address
     */
    void save(Tenant tenant, SariCredentials credentials);

    /**
     * Writes a tenant's schedule state after a run. Called with the tenant's lease held, so no
     * other engine writes the same tenant's state at the same time; the store writes only while
     * that take of the lease is still the current one, checked atomically with the write.
     *
     * @param lease the writer's lease, or null for an unfenced write
     * @throws java.util.NoSuchElementException when the tenant does not exist
     * @throws LeaseLostException when {@code lease} is no longer held; nothing was written
     */
    void updateState(String tenantId, TenantState state, Lease lease);

    /** {@link #updateState(String, TenantState, Lease)} without a lease: an unfenced write. */
    default void updateState(String tenantId, TenantState state) {
        updateState(tenantId, state, null);
    }

    /**
     * Enables/disables or pauses/resumes a tenant without touching anything else.
     *
     * @throws java.util.NoSuchElementException when the tenant does not exist
     */
    void setFlags(String tenantId, boolean enabled, boolean paused);

    /** Removes a tenant (its courses and run log stay). Returns false when it did not exist. */
    boolean delete(String tenantId);
}
