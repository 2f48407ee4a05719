package io.github.sarisync.internal.sync;

import io.github.sarisync.client.SARIClient;
import io.github.sarisync.client.SariCredentials;
import io.github.sarisync.spi.Tenant;
import io.github.sarisync.sync.SariClientFactory;

import java.net.URI;
import java.util.Objects;
import java.util.concurrent.ConcurrentHashMap;

/**
 * One {@link SARIClient} per tenant, kept across runs so its access token is reused, and rebuilt
 * only when the tenant's address or credentials changed.
 */
public final class ClientCache {
    private record Entry(URI baseUri, SariCredentials credentials, SARIClient client) {
    }

    private final SariClientFactory factory;
    private final ConcurrentHashMap<String, Entry> clients = new ConcurrentHashMap<>();

    public ClientCache(SariClientFactory factory) {
        this.factory = Objects.requireNonNull(factory, "clientFactory");
    }

    /** The tenant's client, built (by the factory) when there is none or its settings changed. */
    public SARIClient clientFor(Tenant tenant, SariCredentials credentials) {
        URI baseUri = tenant.effectiveBaseUri();
        return clients.compute(tenant.id(), (id, old) -> {
            if (old != null && old.baseUri().equals(baseUri) && old.credentials().equals(credentials)) {
                return old;
            }
            SARIClient client = Objects.requireNonNull(factory.create(tenant, credentials),
                    "the SariClientFactory returned null for tenant " + id);
            return new Entry(baseUri, credentials, client);
        }).client();
    }

    /** Forgets every client (their HTTP connections close with their shared HTTP client). */
    public void clear() {
        clients.clear();
    }
}
