package io.github.sarisync.examples.cli;

import io.github.sarisync.client.HostPolicy;
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
     * https, so that the host policy of simulator mode can allow exactly this address (plain http
     * is refused for any host but loopback).
     */
    public static final URI SIMULATOR_PLACEHOLDER = URI.create("https://sari-simulator.invalid");
    /** The placeholder stored by earlier versions; such demo schools are stored again on the new one. */
    static final URI LEGACY_SIMULATOR_PLACEHOLDER = URI.create("http://sari-simulator.invalid");

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
        return SIMULATOR_PLACEHOLDER.equals(tenant.baseUri()) || LEGACY_SIMULATOR_PLACEHOLDER.equals(tenant.baseUri());
    }

    /** How a tenant's SARI is shown in lists. */
    public static String describe(Tenant tenant) {
        if (isSimulatorTenant(tenant)) {
            return "SIMULATOR";
        }
        return tenant.baseUri() != null ? tenant.baseUri().toString() : tenant.environment().name();
    }

    /**
     * Where this target lets credentials be sent: with the simulator, loopback (where it runs) and
     * the placeholder of demo schools; with {@code --sari-url}, that address; else the SARI
     * installations only ({@link HostPolicy#strict()}).
     */
    public HostPolicy hostPolicy() {
        if (isSimulator()) {
            return HostPolicy.builder().allowLoopback().allow(SIMULATOR_PLACEHOLDER).build();
        }
        return uri != null ? HostPolicy.builder().allow(uri).build() : HostPolicy.strict();
    }

    @Override
    public String toString() {
        return isSimulator() ? "the built-in simulator" : uri != null ? "SARI at " + uri : "SARI " + environment;
    }
}
