package io.github.sarisync.credentials;

import io.github.sarisync.client.HostPolicy;
import io.github.sarisync.client.RateLimit;
import io.github.sarisync.client.RetryPolicy;
import io.github.sarisync.client.SARIClient;
import io.github.sarisync.client.SariCredentials;
import io.github.sarisync.client.SariEnvironment;
import io.github.sarisync.spi.CredentialsContext;
import io.github.sarisync.spi.CredentialsException;
import io.github.sarisync.spi.Tenant;
import io.github.sarisync.spi.TenantStore;
import io.github.sarisync.sync.SariClientFactory;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.net.URI;
import java.time.Duration;
import java.util.NoSuchElementException;

/**
 * What a settings screen needs for a tenant's SARI credentials: save them (the {@link TenantStore}
 * encrypts them), read them back with the secrets masked, test credentials before saving them, and
 * enable or disable the tenant. No method returns, logs or puts into an exception message a client
 * secret, a password or a token.
 *
 * <pre>{@code
 * CredentialsService service = CredentialsService.builder().tenantStore(tenants).build();
 * ConnectionTestResult check = service.test(tenant, typed);   // token, then getVersion
 * if (check.ok()) {
 *     service.save(tenant.id(), typed);
 * }
 * MaskedCredentials shown = service.settings(tenant.id());   // secret "set, 16-31 chars"
 * service.retarget(tenant.id(), SariEnvironment.PRODUCTION); // moves the stored credentials to another target
 * }</pre>
 *
 * A connection test builds a client through the configured {@link SariClientFactory}; the default
 * one tries each step once (no retry, no rate limit) with a 10 s connect and 20 s request timeout,
 * so a person waiting for the answer is not kept waiting by backoff. A connection test sends
 * credentials only to an address the {@link HostPolicy} allows (default {@link HostPolicy#strict()}).
 * Thread-safe.
 */
public final class CredentialsService {
    private static final Logger log = LoggerFactory.getLogger(CredentialsService.class);
    private static final String TEST_TENANT_ID = "connection-test";

    private final TenantStore tenants;
    private final SariClientFactory clientFactory;
    private final HostPolicy hostPolicy;

    private CredentialsService(Builder b) {
        this.tenants = b.tenantStore;
        this.clientFactory = b.clientFactory;
        this.hostPolicy = b.hostPolicy;
    }

    public static Builder builder() {
        return new Builder();
    }

    /**
     * Replaces the stored credentials of an existing tenant; its other settings stay as they are.
     *
     * @throws IllegalArgumentException when {@code credentials} is null (a blank part is refused
     *                                  by {@link SariCredentials} itself)
     * @throws NoSuchElementException   when the tenant does not exist
     */
    public void save(String tenantId, SariCredentials credentials) {
        if (credentials == null) {
            throw new IllegalArgumentException("tenant " + tenantId + ": credentials must not be null");
        }
        Tenant tenant = require(tenantId);
        tenants.save(tenant, credentials);
        log.info("SARI credentials of tenant {} saved", tenantId);
    }

    /**
     * Points a tenant at another SARI installation and moves its stored credentials there: they are
     * read under the old binding and stored again bound to the new target (stored credentials are
     * bound to their target, so a plain {@link TenantStore#save} with null credentials refuses a new
     * target). For operators whose process has the encryption key.
     *
     * @throws NoSuchElementException   when the tenant does not exist
     * @throws IllegalArgumentException when the store's host policy refuses the new target
     * @throws CredentialsException     naming the tenant when its stored credentials cannot be read
     */
    public void retarget(String tenantId, SariEnvironment environment) {
        if (environment == null) {
            throw new IllegalArgumentException("tenant " + tenantId + ": environment must not be null");
        }
        Tenant tenant = require(tenantId);
        move(tenant, new Tenant(tenant.id(), tenant.name(), tenant.enabled(), tenant.paused(), environment, null,
                tenant.interval(), tenant.state()));
    }

    /** As {@link #retarget(String, SariEnvironment)}, to another base URI (a proxy). */
    public void retarget(String tenantId, URI baseUri) {
        if (baseUri == null) {
            throw new IllegalArgumentException("tenant " + tenantId + ": baseUri must not be null");
        }
        Tenant tenant = require(tenantId);
        hostPolicy.require(baseUri, "tenant " + tenantId);
        move(tenant, new Tenant(tenant.id(), tenant.name(), tenant.enabled(), tenant.paused(), null, baseUri,
                tenant.interval(), tenant.state()));
    }

    private void move(Tenant tenant, Tenant moved) {
        SariCredentials credentials = tenants.credentials(tenant.id());
        tenants.save(moved, credentials);
        log.info("SARI target of tenant {} changed from {} to {}; credentials re-encrypted for it", tenant.id(),
                CredentialsContext.of(tenant).target(), CredentialsContext.of(moved).target());
    }

    /**
     * The stored credentials with client secret and password masked.
     *
     * @throws NoSuchElementException when the tenant does not exist
     * @throws CredentialsException   naming the tenant when its credentials are missing or cannot be decrypted
     */
    public MaskedCredentials settings(String tenantId) {
        require(tenantId);
        try {
            return MaskedCredentials.of(tenantId, tenants.credentials(tenantId));
        } catch (CredentialsException e) {
            if (e.getMessage() != null && e.getMessage().contains(tenantId)) {
                throw e;
            }
            throw new CredentialsException("tenant " + tenantId + ": " + e.getMessage(), e);
        }
    }

    /** Tests credentials (saved or not) against a SARI address: a token, then getVersion. */
    public ConnectionTestResult test(URI baseUri, SariCredentials credentials) {
        if (baseUri == null) {
            throw new IllegalArgumentException("baseUri must not be null");
        }
        return test(Tenant.of(TEST_TENANT_ID, null, baseUri), credentials);
    }

    /** Tests credentials (saved or not) against a SARI installation: a token, then getVersion. */
    public ConnectionTestResult test(SariEnvironment environment, SariCredentials credentials) {
        if (environment == null) {
            throw new IllegalArgumentException("environment must not be null");
        }
        return test(Tenant.of(TEST_TENANT_ID, null, environment), credentials);
    }

    /**
     * Tests credentials (saved or not) against the address of a tenant (saved or not): a token,
     * then getVersion. Nothing is stored.
     */
    public ConnectionTestResult test(Tenant tenant, SariCredentials credentials) {
        if (tenant == null) {
            throw new IllegalArgumentException("tenant must not be null");
        }
        if (credentials == null) {
            throw new IllegalArgumentException("credentials must not be null");
        }
        hostPolicy.require(tenant.effectiveBaseUri(), "connection test of tenant " + tenant.id());
        SARIClient client = clientFactory.create(tenant, credentials);
        hostPolicy.require(client.baseUri(), "connection test of tenant " + tenant.id());
        ConnectionTestResult result = ConnectionTester.run(client, credentials);
        log.info("SARI connection test for tenant {} at {}: {}{}", tenant.id(),
                ConnectionTester.describe(client.baseUri()), result.outcome(),
                result.ok() ? "" : " at step " + result.failedStep());
        return result;
    }

    /**
     * Tests the stored credentials of a tenant against its address.
     *
     * @throws NoSuchElementException when the tenant does not exist
     * @throws CredentialsException   naming the tenant when its credentials cannot be read
     */
    public ConnectionTestResult testSaved(String tenantId) {
        Tenant tenant = require(tenantId);
        return test(tenant, tenants.credentials(tenantId));
    }

    /** Lets schedules and manual triggers sync the tenant again; its paused flag stays. */
    public void enable(String tenantId) {
        Tenant tenant = require(tenantId);
        tenants.setFlags(tenantId, true, tenant.paused());
        log.info("tenant {} enabled", tenantId);
    }

    /** Stops every sync of the tenant (scheduled and manual) until enabled; its data stays. */
    public void disable(String tenantId) {
        Tenant tenant = require(tenantId);
        tenants.setFlags(tenantId, false, tenant.paused());
        log.info("tenant {} disabled", tenantId);
    }

    private Tenant require(String tenantId) {
        if (tenantId == null || tenantId.isBlank()) {
            throw new IllegalArgumentException("tenant id must not be blank");
        }
        return tenants.find(tenantId).orElseThrow(() -> new NoSuchElementException("unknown tenant: " + tenantId));
    }

    /** The client factory a connection test uses by default: one attempt per step, short timeouts. */
    public static SariClientFactory defaultTestClientFactory() {
        return SariClientFactory.customized(b -> b.retry(RetryPolicy.none()).rateLimit(RateLimit.unlimited())
                .connectTimeout(Duration.ofSeconds(10)).requestTimeout(Duration.ofSeconds(20)));
    }

    /** Builds a {@link CredentialsService}. Required: the tenant store. */
    public static final class Builder {
        private TenantStore tenantStore;
        private SariClientFactory clientFactory = defaultTestClientFactory();
        private HostPolicy hostPolicy = HostPolicy.strict();

        private Builder() {
        }

        /**
         * Where a connection test may send credentials (checked on the tenant's address and on the
         * address of the client the factory built). Default {@link HostPolicy#strict()}.
         */
        public Builder hostPolicy(HostPolicy value) {
            this.hostPolicy = value;
            return this;
        }

        public Builder tenantStore(TenantStore value) {
            this.tenantStore = value;
            return this;
        }

        /** How a connection test builds its client (address, timeouts, HTTP client). */
        public Builder clientFactory(SariClientFactory value) {
            this.clientFactory = value;
            return this;
        }

        public CredentialsService build() {
            if (tenantStore == null) {
                throw new IllegalArgumentException("CredentialsService: tenantStore is required");
            }
            if (clientFactory == null) {
                throw new IllegalArgumentException("CredentialsService: clientFactory must not be null");
            }
            if (hostPolicy == null) {
                throw new IllegalArgumentException("CredentialsService: hostPolicy must not be null");
            }
            return new CredentialsService(this);
        }
    }
}
