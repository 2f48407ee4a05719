package io.github.sarisync.credentials;

import io.github.sarisync.client.RateLimit;
import io.github.sarisync.client.SariCredentials;
import io.github.sarisync.memory.InMemoryCourseStore;
import io.github.sarisync.memory.InMemorySyncLogStore;
import io.github.sarisync.model.CourseLocation;
import io.github.sarisync.model.CourseType;
import io.github.sarisync.model.Customer;
import io.github.sarisync.model.License;
import io.github.sarisync.spi.StoredMember;
import io.github.sarisync.spi.Tenant;
import io.github.sarisync.sync.MemberPolicy;
import io.github.sarisync.sync.SARISyncEngine;
import io.github.sarisync.sync.SariClientFactory;
import io.github.sarisync.sync.SyncListener;
import io.github.sarisync.sync.SyncOptions;
import io.github.sarisync.sync.SyncOutcome;
import io.github.sarisync.sync.SyncReport;
import io.github.sarisync.testkit.Fault;
import io.github.sarisync.testkit.FaultRule;
import io.github.sarisync.testkit.Operation;
import io.github.sarisync.testkit.PartSpec;
import io.github.sarisync.testkit.SariSimulator;
import io.github.sarisync.testkit.SimulatedSchool;
import org.junit.jupiter.api.Test;

import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Full {@code syncAll} runs of several driving schools against the SARI simulator, most failing in
 * a different way (refused client, refused password, tokens expired between runs, HTTP 500,
 * INTERNAL_SERVER_ERROR, malformed JSON, an HTML error page, a tampered stored value). Every log
 * event of every logger is captured at TRACE, and every exception (with causes), report, tenant
 * result, run-log row and tenant state is collected: none may contain a client secret or password
 * (plain or URL-encoded), an access or refresh token (the simulator's are 48 hex digits), a
 * student's name or birthdate, or a faberid in clear.
 */
class NoSecretLeakTest {
    private static final Pattern SIMULATOR_TOKEN = Pattern.compile("[0-9a-f]{48}");
    private static final CourseLocation HALL = new CourseLocation("Schulhaus Nord", "Bahnhofstrasse 1", "8001", "Zürich");
    private static final LocalDateTime START = LocalDateTime.of(2027, 3, 1, 18, 0);

    private static final Customer ZEPHYRINA = student("7731946", 1987, 3, 14, "Zephyrina", "Quaxelbaum");
    private static final Customer BALTHASAR = student("004418822", 1991, 7, 9, "Balthasar", "Wunderlich");
    private static final Customer OTTILIE = student("5561237", 1979, 11, 2, "Ottilie", "Fenstermacher");
    private static final Customer KUNIGUNDE = student("9988776", 1985, 6, 30, "Kunigunde", "Sperlingsfeld");
    private static final List<Customer> STUDENTS = List.of(ZEPHYRINA, BALTHASAR, OTTILIE, KUNIGUNDE);

    private static Customer student(String faberId, int year, int month, int day, String first, String last) {
        return new Customer(faberId, LocalDate.of(year, month, day), first, last, "Gartenweg 7", "3000", "Bern",
                List.of(new License("B", LocalDate.of(2030, 1, 1))));
    }

    private static SariCredentials credentials(String school) {
        return new SariCredentials("client-" + school, "Sec/" + school + "+Q7 &x=", "api-" + school,
                "Pw " + school + "%9&y=");
    }

    @Test
    void fullSyncsWithFailuresLeakNoSecretTokenOrPersonalDataAnywhere() {
        try (SariSimulator sari = SariSimulator.start()) {
            List<String> ids = List.of("healthy", "expired", "bad-client", "bad-password", "http-500", "internal",
                    "malformed", "tampered");
            STUDENTS.forEach(sari::addStudent);
            List<SariCredentials> typed = new ArrayList<>();
            for (int i = 0; i < ids.size(); i++) {
                SimulatedSchool school = sari.addSchool(ids.get(i), credentials(ids.get(i)));
                long first = 100L * (i + 1);
                school.addGroup(CourseType.VKU, "VKU " + ids.get(i), List.of(
                        PartSpec.of(first + 1, "VKU Teil 1", START.plusDays(i), HALL, 8),
                        PartSpec.of(first + 2, "VKU Teil 2", START.plusDays(i + 7), HALL, 8)));
                school.addGroup(CourseType.PGS, "PGS " + ids.get(i), List.of(
                        PartSpec.of(first + 51, "PGS Tag 1", START.plusDays(i + 14), HALL, 4)));
                STUDENTS.forEach(s -> school.addMember(first + 1, s.faberId(), LocalDate.of(2026, 11, 20)));
                school.addMember(first + 2, ZEPHYRINA.faberId());
                school.addMember(first + 51, KUNIGUNDE.faberId());
                typed.add(credentials(ids.get(i)));
            }
            SariCredentials badClient = new SariCredentials("client-bad-client", "Wrong/Secret+C &", "api-bad-client",
                    credentials("bad-client").password());
            SariCredentials badPassword = new SariCredentials("client-bad-password",
                    credentials("bad-password").clientSecret(), "api-bad-password", "Wrong pass%&=");
            typed.addAll(List.of(badClient, badPassword));
            sari.inject(FaultRule.of(Fault.httpStatus(500)).school("http-500").operation(Operation.COURSES).always());
            sari.inject(FaultRule.of(Fault.internalServerError()).school("internal").operation(Operation.COURSE_DETAIL)
                    .always());
            sari.inject(FaultRule.of(Fault.malformedJson()).school("malformed").operation(Operation.COURSES).always());
            sari.inject(FaultRule.of(Fault.htmlPage(502)).school("malformed").operation(Operation.COURSE_DETAIL)
                    .always());

            SealedTenantStore tenants = new SealedTenantStore(AesGcmCredentialsCipher.fromConfiguration(
                    "k1:" + AesGcmCredentialsCipher.generateKey()));
            for (String id : ids) {
                SariCredentials stored = id.equals("bad-client") ? badClient
                        : id.equals("bad-password") ? badPassword : credentials(id);
                tenants.save(Tenant.of(id, "Fahrschule " + id, sari.baseUri()), stored);
            }
            String sealed = tenants.sealed.get("tampered");
            tenants.sealed.put("tampered", sealed.substring(0, sealed.length() - 12) + "AAAAAAAAAAA=");

            InMemoryCourseStore courses = new InMemoryCourseStore();
            InMemorySyncLogStore runLog = new InMemorySyncLogStore();
            LeakCheck check = new LeakCheck();
            SyncListener listener = check.listener();

            List<SyncReport> reports = new ArrayList<>();
            try (LogCapture logs = new LogCapture();
                 SARISyncEngine engine = SARISyncEngine.builder()
                         .options(SyncOptions.builder().hostPolicy(SariSimulator.hostPolicy()).build())
                         .tenantStore(tenants).courseStore(courses).syncLogStore(runLog)
                         .clientFactory(SariClientFactory.customized(b -> b.sleeper(d -> { })
                                 .rateLimit(RateLimit.unlimited())))
                         .options(SyncOptions.builder().hostPolicy(SariSimulator.hostPolicy())
                         .memberPolicy(MemberPolicy.ALL).parallelism(4).build())
                         .listener(listener)
                         .build()) {
                reports.add(engine.syncAll());
                sari.expireAllTokens();
                reports.add(engine.syncAll());
                for (String id : ids) {
                    check.add(engine.syncTenant(id).toString());
                    try {
                        check.add(engine.clientFor(id).toString());
                        engine.clientFor(id).courses(CourseType.VKU);
                        engine.clientFor(id).courseDetail(100L * (ids.indexOf(id) + 1) + 1);
                    } catch (RuntimeException e) {
                        check.addThrown(e);
                    }
                }
                check.addAll(logs.texts());
            }

            SyncReport first = reports.get(0);
            assertThat(outcome(first, "healthy")).isEqualTo(SyncOutcome.SUCCESS);
            assertThat(outcome(first, "expired")).isEqualTo(SyncOutcome.SUCCESS);
            assertThat(outcome(reports.get(1), "expired")).as("renewed after the tokens expired")
                    .isEqualTo(SyncOutcome.SUCCESS);
            for (String failed : List.of("bad-client", "bad-password", "http-500", "malformed", "tampered")) {
                assertThat(outcome(first, failed)).as(failed).isEqualTo(SyncOutcome.FAILED);
            }
            assertThat(outcome(first, "internal")).as("ran into the injected faults").isNotEqualTo(SyncOutcome.SKIPPED);
            assertThat(courses.findMembers("healthy", 101)).extracting(StoredMember::lastName)
                    .as("personal data reached the member table, so finding none elsewhere means something")
                    .contains("Quaxelbaum", "Wunderlich", "Fenstermacher", "Sperlingsfeld");

            reports.forEach(check::addReport);
            check.addStores(tenants, runLog);
            typed.forEach(check::forbidSecretsOf);
            ids.forEach(id -> check.forbidSecretsOf(credentials(id)));
            check.forbid(SIMULATOR_TOKEN).forbid(personalData());

            assertThat(check.texts()).as("DEBUG lines about members were captured, with the faberid masked")
                    .anyMatch(t -> t.startsWith("DEBUG") && t.contains("****946"));
            assertThat(check.texts()).as("texts checked").hasSizeGreaterThan(100);
            assertThat(check.leaks()).isEmpty();
        }
    }

    /** Names, birthdates (ISO and Swiss notation) and faberids (as given, canonical and padded to 9 digits). */
    private static List<String> personalData() {
        List<String> values = new ArrayList<>();
        for (Customer s : STUDENTS) {
            values.add(s.firstName());
            values.add(s.lastName());
            values.add(s.birthdate().toString());
            values.add(s.birthdate().format(DateTimeFormatter.ofPattern("dd.MM.yyyy")));
            String canonical = s.faberId().replaceFirst("^0+", "");
            values.add(canonical);
            values.add("0".repeat(9 - canonical.length()) + canonical);
        }
        return values;
    }

    private static SyncOutcome outcome(SyncReport report, String tenantId) {
        return report.results().stream().filter(r -> r.tenantId().equals(tenantId)).findFirst().orElseThrow()
                .outcome();
    }
}
