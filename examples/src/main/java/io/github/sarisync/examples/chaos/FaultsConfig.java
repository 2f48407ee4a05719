package io.github.sarisync.examples.chaos;

/**
 * The size of scenario 1 ({@link FaultsScenario}).
 *
 * @param tenants     driving schools, each a tenant and a school of the simulator
 * @param rounds      sync rounds with faults (one clean round follows)
 * @param faultRate   share of all requests answered with a fault, in (0, 1]
 * @param seed        seeds the schools, the weather and the faults
 * @param parallelism tenants synced at once
 */
public record FaultsConfig(int tenants, int rounds, double faultRate, long seed, int parallelism) {
    public FaultsConfig {
        if (tenants < 1) {
            throw new IllegalArgumentException("tenants must be >= 1, was " + tenants);
        }
        if (rounds < 1) {
            throw new IllegalArgumentException("rounds must be >= 1, was " + rounds);
        }
        if (!(faultRate > 0.0 && faultRate <= 1.0)) {
            throw new IllegalArgumentException("fault rate must be > 0 and <= 1, was " + faultRate);
        }
        if (parallelism < 1) {
            throw new IllegalArgumentException("parallelism must be >= 1, was " + parallelism);
        }
    }
}
