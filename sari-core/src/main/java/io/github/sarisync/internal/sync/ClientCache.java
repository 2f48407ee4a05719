package io.github.sarisync.internal.sync;

import io.github.sarisync.client.HostNotAllowedException;
import io.github.sarisync.client.HostPolicy;
import io.github.sarisync.client.SARIClient;
import io.github.sarisync.client.SariCredentials;
import io.github.sarisync.spi.Tenant;
import io.github.sarisync.sync.SariClientFactory;

import java.net.URI;
import java.util.Collection;
import java.util.Objects;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/**
 * One {@link SARIClient} per tenant, kept across runs so its access token is reused, and rebuilt
 * only when the tenant's address or credentials changed. A client (with its credentials and token)
 * is dropped when its tenant is no longer enabled ({@link #retainOnly}) or gone ({@link #drop}), so
 * a disabled or deleted school's secrets do not stay in memory. Every address is checked against
 * the engine's {@link HostPolicy}: the tenant's before a client is built, the client's after.
 */
public final class ClientCache {
    private record Entry(URI baseUri, SariCredentials credentials, SARIClient client) {
    }

    private final SariClientFactory factory;
    private final HostPolicy hostPolicy;
    private final ConcurrentHashMap<String, Entry> clients = new ConcurrentHashMap<>();

    public ClientCache(SariClientFactory factory, HostPolicy hostPolicy) {
        this.factory = Objects.requireNonNull(factory, "clientFactory");
        this.hostPolicy = Objects.requireNonNull(hostPolicy, "hostPolicy");
    }

    /**
     * Refuses a tenant whose stored address the host policy does not allow (before its credentials
     * are read), dropping a client kept for it.
     *
     * @throws HostNotAllowedException naming the tenant, the address and the rule
     */
    public void requireAllowed(Tenant tenant) {
        try {
            hostPolicy.require(tenant.effectiveBaseUri(), "tenant " + tenant.id());
        } catch (HostNotAllowedException e) {
            clients.remove(tenant.id());
            throw e;
        }
    }

    /**
     * The tenant's client, built (by the factory) when there is none or its settings changed; the
     * replaced client and its token are dropped.
     *
     * @throws HostNotAllowedException when the host policy refuses the tenant's or the built client's address
     */
    public SARIClient clientFor(Tenant tenant, SariCredentials credentials) {
        requireAllowed(tenant);
        URI baseUri = tenant.effectiveBaseUri();
        return clients.compute(tenant.id(), (id, old) -> {
            if (old != null && old.baseUri().equals(baseUri) && old.credentials().equals(credentials)) {
                return old;
            }
            SARIClient client = Objects.requireNonNull(factory.create(tenant, credentials),
                    "the SariClientFactory returned null for tenant " + id);
            // a factory may talk to another address than the stored one (a proxy, the simulator)
            hostPolicy.require(client.baseUri(), "tenant " + id + " (address of the client the factory built)");
            return new Entry(baseUri, credentials, client);
        }).client();
    }

    /** Drops the clients of every tenant not in {@code enabledTenantIds} (disabled or deleted ones). */
    public void retainOnly(Collection<String> enabledTenantIds) {
        Set<String> keep = Set.copyOf(enabledTenantIds);
        clients.keySet().removeIf(id -> !keep.contains(id));
    }

    /** Drops a tenant's client with its credentials and token. */
    public void drop(String tenantId) {
        clients.remove(tenantId);
    }

    /** Forgets every client (their HTTP connections close with their shared HTTP client). */
    public void clear() {
        clients.clear();
    }
}
