package io.github.sarisync.spi;

import io.github.sarisync.client.SariEnvironment;

import java.net.URI;
import java.time.Duration;
import java.util.Objects;

/**
 * A driving school whose courses are synced. Its id is the host application's own. The
 * credentials are not part of it: they are read through {@link TenantStore#credentials(String)}
 * only when a client is built.
 *
 * @param id          the host's tenant id, not blank
 * @param name        a display name
 * @param enabled     false: never synced
 * @param paused      true: skipped by schedules until resumed (a manual sync still runs)
 * @param environment the SARI installation, used when {@code baseUri} is null
 * @param baseUri     another SARI address (simulator, proxy), or null
 * @param interval    this tenant's sync interval, or null for the engine's default
 * @param state       schedule state
 */
public record Tenant(String id, String name, boolean enabled, boolean paused, SariEnvironment environment, URI baseUri,
                     Duration interval, TenantState state) {
    public Tenant {
        if (id == null || id.isBlank()) {
            throw new IllegalArgumentException("tenant id must not be blank");
        }
        if (environment == null && baseUri == null) {
            environment = SariEnvironment.PRODUCTION;
        }
        if (interval != null && (interval.isZero() || interval.isNegative())) {
            throw new IllegalArgumentException("tenant " + id + ": interval must be > 0, was " + interval);
        }
        name = name == null ? id : name;
        state = Objects.requireNonNullElse(state, TenantState.NEW);
    }

    /** A new, enabled tenant on the given SARI installation. */
    public static Tenant of(String id, String name, SariEnvironment environment) {
        return new Tenant(id, name, true, false, environment, null, null, TenantState.NEW);
    }

    /** A new, enabled tenant on another SARI address (a simulator, a proxy). */
    public static Tenant of(String id, String name, URI baseUri) {
        return new Tenant(id, name, true, false, null, baseUri, null, TenantState.NEW);
    }

    public Tenant withState(TenantState newState) {
        return new Tenant(id, name, enabled, paused, environment, baseUri, interval, newState);
    }

    public Tenant withEnabled(boolean value) {
        return new Tenant(id, name, value, paused, environment, baseUri, interval, state);
    }

    public Tenant withPaused(boolean value) {
        return new Tenant(id, name, enabled, value, environment, baseUri, interval, state);
    }

    public Tenant withInterval(Duration value) {
        return new Tenant(id, name, enabled, paused, environment, baseUri, value, state);
    }

    /** The address the client talks to. */
    public URI effectiveBaseUri() {
        return baseUri != null ? baseUri : environment.baseUri();
    }
}
