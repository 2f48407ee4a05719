package io.github.sarisync.sync;

import io.github.sarisync.client.SARIClient;
import io.github.sarisync.client.SariCredentials;
import io.github.sarisync.spi.Tenant;

import java.util.function.UnaryOperator;

/**
 * Builds the {@link SARIClient} of a tenant. The engine calls it once per tenant and keeps the
 * client across runs (so tokens are reused), building a new one only when the tenant's address
 * or credentials changed.
 */
@FunctionalInterface
public interface SariClientFactory {
    SARIClient create(Tenant tenant, SariCredentials credentials);

    /** A client with the library's defaults for the tenant's address. */
    static SariClientFactory defaults() {
        return customized(UnaryOperator.identity());
    }

    /**
     * A client for the tenant's address and credentials, with further settings (timeouts, retry,
     * rate limit, HTTP client, clock) applied by {@code customizer}.
     */
    static SariClientFactory customized(UnaryOperator<SARIClient.Builder> customizer) {
        return (tenant, credentials) -> {
            SARIClient.Builder builder = SARIClient.builder().credentials(credentials);
            if (tenant.baseUri() != null) {
                builder.baseUri(tenant.baseUri());
            } else {
                builder.environment(tenant.environment());
            }
            return customizer.apply(builder).build();
        };
    }
}
