package io.github.sarisync.jdbc.reliability;

import io.github.sarisync.client.RateLimit;
import io.github.sarisync.model.CourseType;
import io.github.sarisync.spi.RunStatus;
import io.github.sarisync.spi.SyncRun;
import io.github.sarisync.sync.MemberPolicy;
import io.github.sarisync.sync.SARISyncEngine;
import io.github.sarisync.sync.SariClientFactory;
import io.github.sarisync.sync.SyncOptions;
import io.github.sarisync.sync.SyncOutcome;
import io.github.sarisync.sync.SyncReport;
import io.github.sarisync.testkit.SariSimulator;
import io.github.sarisync.testkit.SchoolGenerator;
import io.github.sarisync.testkit.SimulatedSchool;
import io.github.sarisync.testkit.SimulatorClock;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.net.http.HttpClient;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Scenario 2 of issue 11: a separate JVM syncing on PostgreSQL is killed with SIGKILL in the middle
 * of writing. The next instance leaves the dead instance's tenants alone while their leases last,
 * marks the dead runs ABANDONED once their heartbeat is stale, syncs the tenants once the leases
 * have expired, and the database then mirrors the simulator.
 */
class CrashRecoveryTest {
    private static final int SCHOOLS = 16;
    private static final int PARALLELISM = 4;
    /** The dead instance commits this many write transactions minus one before it stands still. */
    private static final int BLOCK_AT = 7;
    /** Generous: a cold JVM on a loaded machine; the marker normally comes within seconds. */
    private static final long MARKER_TIMEOUT_SECONDS = 120;

    private final SariSimulator sari = SariSimulator.start();
    private final ReliabilityDatabase db = ReliabilityDatabase.create();
    private final List<String> childOutput = new ArrayList<>();

    @AfterEach
    void close() {
        sari.close();
        db.close();
    }

    @Test
    void aSyncKilledMidWriteIsAbandonedAndTheNextInstanceCompletesItOnceTheLeasesExpire() throws Exception {
        List<SimulatedSchool> schools = SchoolGenerator.builder().schools(SCHOOLS).vku(3, 3).pgs(2, 2)
                .membersPerPart(3).seed(11).build().populate(sari);
        db.registerTenants(sari, schools);

        List<String> frozen = killMidWrite();

        assertThat(frozen).as("transactions standing still when the process was killed").hasSize(PARALLELISM);
        for (String tenantAndType : frozen) {
            String[] parts = tenantAndType.split("/");
            assertThat(rowsOf(sari.school(parts[0]), CourseType.valueOf(parts[1])))
                    .as("rows the killed transaction of %s left", tenantAndType).isZero();
        }
        Set<String> deadTenants = frozen.stream().map(t -> t.split("/")[0]).collect(Collectors.toSet());
        List<SyncRun> deadRuns = db.jdbc().syncLogStore().runningRuns();
        assertThat(deadRuns).as("runs the killed process left STARTED")
                .extracting(SyncRun::tenantId).containsExactlyInAnyOrderElementsOf(deadTenants);

        SimulatorClock clock = SimulatorClock.system();
        try (SARISyncEngine engine = engine(clock)) {
            SyncReport whileLeased = engine.syncAll();
            assertThat(outcomes(whileLeased, deadTenants)).as("the dead instance's tenants while its leases last")
                    .containsOnly("SKIPPED LOCKED");
            assertThat(outcomes(whileLeased, otherTenants(schools, deadTenants))).containsOnly("SUCCESS");
            assertThat(statusOf(deadRuns)).as("dead runs with a fresh heartbeat").containsOnly(RunStatus.STARTED);

            clock.advance(SyncOptions.defaults().abandonAfter().plusMinutes(1));
            SyncReport staleHeartbeat = engine.syncAll();
            assertThat(statusOf(deadRuns)).as("dead runs with a stale heartbeat").containsOnly(RunStatus.ABANDONED);
            assertThat(outcomes(staleHeartbeat, deadTenants)).as("abandoned runs whose leases still last")
                    .containsOnly("SKIPPED LOCKED");

            db.letLeaseTimePass(CrashingSyncMain.LEASE.plusMinutes(1));
            SyncReport afterExpiry = engine.syncAll();
            assertThat(afterExpiry.results()).as("every tenant once the dead leases expired")
                    .allSatisfy(r -> assertThat(r.outcome()).as(r.tenantId() + ": " + r.errorMessage())
                            .isEqualTo(SyncOutcome.SUCCESS));
        }

        SimulatorMirror mirror = SimulatorMirror.of(db.jdbc());
        assertThat(mirror.mismatches(schools)).isEmpty();
        assertThat(mirror.duplicates()).isEmpty();
        assertThat(db.jdbc().syncLogStore().runningRuns()).isEmpty();
        assertThat(db.texts("SELECT run_id FROM sari_sync_runs WHERE status = 'ABANDONED'"))
                .containsExactlyInAnyOrderElementsOf(deadRuns.stream().map(SyncRun::runId).toList());
        assertThat(db.number("SELECT COUNT(DISTINCT tenant_id) FROM sari_sync_runs WHERE status = 'SUCCEEDED'"))
                .isEqualTo(SCHOOLS);
    }

    /** Starts the syncing JVM, waits until it stands still mid-write, kills it; returns what it was writing. */
    private List<String> killMidWrite() throws Exception {
        String java = ProcessHandle.current().info().command().orElseThrow();
        Process child = new ProcessBuilder(java, "-Xmx256m", "-XX:TieredStopAtLevel=1", "-XX:+UseSerialGC",
                "-cp", System.getProperty("java.class.path"), CrashingSyncMain.class.getName(),
                db.jdbcUrl(), Integer.toString(BLOCK_AT), Integer.toString(PARALLELISM))
                .redirectErrorStream(true).start();
        try {
            CompletableFuture<String> marker = CompletableFuture.supplyAsync(() -> readMarker(child));
            String line = marker.get(MARKER_TIMEOUT_SECONDS, TimeUnit.SECONDS);
            assertThat(line).as("the syncing process's output: %s", childOutput).isNotNull();
            child.destroyForcibly();
            assertThat(child.waitFor(30, TimeUnit.SECONDS)).as("the killed process is gone").isTrue();
            return Arrays.asList(line.substring(WriteBlocker.MARKER.length()).split(","));
        } finally {
            child.destroyForcibly();
        }
    }

    private String readMarker(Process child) {
        try (BufferedReader out = new BufferedReader(new InputStreamReader(child.getInputStream(),
                StandardCharsets.UTF_8))) {
            for (String line = out.readLine(); line != null; line = out.readLine()) {
                if (line.startsWith(WriteBlocker.MARKER)) {
                    return line;
                }
                synchronized (childOutput) {
                    childOutput.add(line);
                }
            }
            return null;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private SARISyncEngine engine(SimulatorClock clock) {
        HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();
        return SARISyncEngine.builder()
                .tenantStore(db.jdbc().tenantStore()).courseStore(db.jdbc().courseStore())
                .syncLogStore(db.jdbc().syncLogStore()).lock(db.jdbc().syncLock())
                .clientFactory(SariClientFactory.customized(b -> b.httpClient(http).rateLimit(RateLimit.unlimited())))
                .clock(clock)
                .options(SyncOptions.builder().hostPolicy(SariSimulator.hostPolicy())
                .instanceId("recovering-instance").parallelism(PARALLELISM)
                        .memberPolicy(MemberPolicy.ALL).build())
                .build();
    }

    /** Stored rows of a school's course type: parts, groups, and members of the school's parts of that type. */
    private long rowsOf(SimulatedSchool school, CourseType type) {
        String tenant = "'" + school.id() + "'";
        String typed = tenant + " AND course_type = '" + type + "'";
        String partIds = school.courses(type).stream().flatMap(g -> g.courses().stream())
                .map(c -> Long.toString(c.id())).collect(Collectors.joining(","));
        return db.number("SELECT COUNT(*) FROM sari_courses WHERE tenant_id = " + typed)
                + db.number("SELECT COUNT(*) FROM sari_course_groups WHERE tenant_id = " + typed)
                + db.number("SELECT COUNT(*) FROM sari_course_members WHERE tenant_id = " + tenant
                + " AND part_id IN (" + partIds + ")");
    }

    private List<RunStatus> statusOf(List<SyncRun> runs) {
        Set<String> ids = runs.stream().map(SyncRun::runId).collect(Collectors.toSet());
        return db.jdbc().syncLogStore().recentRuns(null, 10_000).stream().filter(r -> ids.contains(r.runId()))
                .map(SyncRun::status).toList();
    }

    private static List<String> outcomes(SyncReport report, Set<String> tenants) {
        return report.results().stream().filter(r -> tenants.contains(r.tenantId()))
                .map(r -> r.outcome() + (r.errorCode() == null ? "" : " " + r.errorCode())).toList();
    }

    private static Set<String> otherTenants(List<SimulatedSchool> schools, Set<String> excluded) {
        return schools.stream().map(SimulatedSchool::id).filter(id -> !excluded.contains(id))
                .collect(Collectors.toSet());
    }
}
