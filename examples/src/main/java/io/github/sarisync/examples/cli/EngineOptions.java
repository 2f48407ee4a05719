package io.github.sarisync.examples.cli;

import io.github.sarisync.sync.MemberPolicy;
import picocli.CommandLine.Option;

import java.util.EnumMap;
import java.util.Map;

/** The options of the commands that sync ({@code sync}, {@code run}); each also an env variable / property. */
final class EngineOptions {

    @Option(names = "--parallelism", paramLabel = "N", description = "Tenants synced at once (default: 4).")
    Integer parallelism;

    @Option(names = "--member-policy", paramLabel = "POLICY",
            description = "Which parts get their students synced: ALL, NONE or CHANGED (default: CHANGED).")
    MemberPolicy memberPolicy;

    @Option(names = "--rate-limit", paramLabel = "N",
            description = "SARI requests per minute per school, 0 = no limit (default: 10; 0 with the simulator).")
    Integer rateLimit;

    @Option(names = "--demo-schools", paramLabel = "N",
            description = "Demo schools the simulator registers on an empty database (default: 3).")
    Integer demoSchools;

    Map<Setting, String> flags() {
        Map<Setting, String> flags = new EnumMap<>(Setting.class);
        SariSyncCli.putIfSet(flags, Setting.PARALLELISM, parallelism);
        SariSyncCli.putIfSet(flags, Setting.MEMBER_POLICY, memberPolicy);
        SariSyncCli.putIfSet(flags, Setting.RATE_LIMIT, rateLimit);
        SariSyncCli.putIfSet(flags, Setting.DEMO_SCHOOLS, demoSchools);
        return flags;
    }
}
