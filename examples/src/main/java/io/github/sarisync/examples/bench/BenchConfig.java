package io.github.sarisync.examples.bench;

import io.github.sarisync.sync.MemberPolicy;

import java.time.Duration;
import java.util.Objects;

/**
 * What one benchmark run does: how many driving schools with how many courses, how slow the
 * simulated SARI answers, how many tenants are synced at once, and where the data goes.
 *
 * @param tenants          driving schools (each a tenant and a school of the simulator)
 * @param vkuGroups        VKU groups per school
 * @param vkuParts         parts per VKU group
 * @param pgsGroups        PGS groups per school
 * @param pgsParts         parts per PGS group
 * @param members          students per part
 * @param latency          simulated round trip of every SARI request
 * @param parallelism      tenants synced at once
 * @param warmPolicy       member policy of the warm rounds (the cold round always uses ALL)
 * @param database         {@code postgres} (embedded), {@code h2} or a JDBC URL
 * @param warmRounds       warm rounds after the cold one
 * @param fairUse          the simulator's per-school limit of requests per minute (the client is
 *                         limited to the same), 0 for none
 * @param simulatorThreads threads the simulator handles requests on
 * @param warmupTenants    schools synced (cold, then warm) in tables of their own before the measured
 *                         rounds, so the JIT compiler has done its work; 0 for none
 */
public record BenchConfig(int tenants, int vkuGroups, int vkuParts, int pgsGroups, int pgsParts, int members,
                          Duration latency, int parallelism, MemberPolicy warmPolicy, String database,
                          int warmRounds, int fairUse, int simulatorThreads, int warmupTenants) {

    public BenchConfig {
        atLeast("tenants", tenants, 1);
        atLeast("VKU groups", vkuGroups, 0);
        atLeast("VKU parts per group", vkuParts, 1);
        atLeast("PGS groups", pgsGroups, 0);
        atLeast("PGS parts per group", pgsParts, 1);
        atLeast("members per part", members, 0);
        atLeast("parallelism", parallelism, 1);
        atLeast("rounds", warmRounds, 1);
        atLeast("fair-use limit", fairUse, 0);
        atLeast("simulator threads", simulatorThreads, 1);
        atLeast("warm-up schools", warmupTenants, 0);
        Objects.requireNonNull(latency, "latency");
        if (latency.isNegative()) {
            throw new IllegalArgumentException("latency must not be negative, was " + latency);
        }
        Objects.requireNonNull(warmPolicy, "member policy");
        if (database == null || database.isBlank()) {
            throw new IllegalArgumentException("database must be postgres, h2 or a JDBC URL");
        }
    }

    /** The defaults of the {@code bench} command: 1,000 schools of VKU 6x4 and PGS 3x2 parts, 50 ms, 32 at once. */
    public static BenchConfig defaults() {
        return new BenchConfig(1000, 6, 4, 3, 2, 5, Duration.ofMillis(50), 32, MemberPolicy.CHANGED, "postgres", 1, 0,
                8, 100);
    }

    /** Parts per school. */
    public int partsPerTenant() {
        return vkuGroups * vkuParts + pgsGroups * pgsParts;
    }

    private static void atLeast(String what, int value, int min) {
        if (value < min) {
            throw new IllegalArgumentException(what + " must be >= " + min + ", was " + value);
        }
    }
}
