package io.github.sarisync.examples.cli;

import io.github.sarisync.client.SariEnvironment;
import io.github.sarisync.spi.Tenant;

import java.net.URI;

/**
 * Which SARI the command line talks to: the built-in simulator (the default), one of the two
 * SARI installations, or another address.
 *
 * @param environment the installation, null for the simulator or an address
 * @param uri         the other address, null otherwise
 */
public record SariTarget(SariEnvironment environment, URI uri) {
    /**
     * The base URI stored for demo schools. The {@code .invalid} top-level domain never resolves:
     * the command line points these tenants at the simulator it starts, on whatever port it gets.
     */
    public static final URI SIMULATOR_PLACEHOLDER = URI.create("http://sari-simulator.invalid");

    public static SariTarget simulator() {
        return new SariTarget(null, null);
    }

    public boolean isSimulator() {
        return environment == null && uri == null;
    }

    /** A new tenant on this target. */
    public Tenant newTenant(String id, String name) {
        if (uri != null) {
            return Tenant.of(id, name, uri);
        }
        if (environment != null) {
            return Tenant.of(id, name, environment);
        }
        return Tenant.of(id, name, SIMULATOR_PLACEHOLDER);
    }

    /** True when a tenant's stored address is the simulator placeholder. */
    public static boolean isSimulatorTenant(Tenant tenant) {
        return SIMULATOR_PLACEHOLDER.equals(tenant.baseUri());
    }

    /** How a tenant's SARI is shown in lists. */
    public static String describe(Tenant tenant) {
        if (isSimulatorTenant(tenant)) {
            return "SIMULATOR";
        }
        return tenant.baseUri() != null ? tenant.baseUri().toString() : tenant.environment().name();
    }

    @Override
    public String toString() {
        return isSimulator() ? "the built-in simulator" : uri != null ? "SARI at " + uri : "SARI " + environment;
    }
}
