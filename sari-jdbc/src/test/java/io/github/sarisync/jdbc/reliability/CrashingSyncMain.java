package io.github.sarisync.jdbc.reliability;

import io.github.sarisync.testkit.SariSimulator;
import io.github.sarisync.client.RateLimit;
import io.github.sarisync.jdbc.SariJdbc;
import io.github.sarisync.sync.MemberPolicy;
import io.github.sarisync.sync.SARISyncEngine;
import io.github.sarisync.sync.SariClientFactory;
import io.github.sarisync.sync.SyncOptions;
import org.postgresql.ds.PGSimpleDataSource;

import java.net.http.HttpClient;
import java.time.Duration;

/**
 * The process {@link CrashRecoveryTest} kills: syncs every tenant of a PostgreSQL database once,
 * with a {@link WriteBlocker} that freezes the sync in the middle of writing and says so on
 * standard output. Never ends by itself once frozen.
 *
 * <p>Arguments: the JDBC URL (with the user), the write transaction from which on writing stands
 * still, and the number of tenants synced at once (that many transactions stand still before the
 * marker line is printed).
 */
public final class CrashingSyncMain {
    static final String INSTANCE_ID = "crashing-instance";
    /** Long enough never to expire while the test runs: the test lets lease time pass in the database. */
    static final Duration LEASE = Duration.ofMinutes(10);

    private CrashingSyncMain() {
    }

    public static void main(String[] args) {
        if (args.length != 3) {
            throw new IllegalArgumentException("usage: CrashingSyncMain <jdbc url> <block at transaction> <parallelism>");
        }
        int blockAt = Integer.parseInt(args[1]);
        int parallelism = Integer.parseInt(args[2]);
        PGSimpleDataSource dataSource = new PGSimpleDataSource();
        dataSource.setURL(args[0]);
        WriteBlocker blocker = new WriteBlocker(blockAt, parallelism, System.out);
        SariJdbc jdbc = SariJdbc.builder().hostPolicy(SariSimulator.hostPolicy()).dataSource(blocker.wrap(dataSource))
                .credentialsCipher(ReliabilityDatabase.CIPHER).build();
        HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();
        SARISyncEngine engine = SARISyncEngine.builder()
                .tenantStore(jdbc.tenantStore()).courseStore(jdbc.courseStore()).syncLogStore(jdbc.syncLogStore())
                .lock(jdbc.syncLock())
                .clientFactory(SariClientFactory.customized(b -> b.httpClient(http).rateLimit(RateLimit.unlimited())))
                .listener(blocker)
                .options(SyncOptions.builder().hostPolicy(SariSimulator.hostPolicy())
                .instanceId(INSTANCE_ID).parallelism(parallelism).leaseDuration(LEASE)
                        .memberPolicy(MemberPolicy.ALL).build())
                .build();
        engine.syncAll();
        System.out.println("SARI-CRASH-TEST the sync finished without standing still");
    }
}
