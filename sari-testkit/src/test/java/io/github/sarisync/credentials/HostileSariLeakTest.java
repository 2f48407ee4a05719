package io.github.sarisync.credentials;

import io.github.sarisync.testkit.SariSimulator;
import com.github.tomakehurst.wiremock.client.ResponseDefinitionBuilder;
import com.github.tomakehurst.wiremock.junit5.WireMockExtension;
import io.github.sarisync.client.RateLimit;
import io.github.sarisync.client.SariCredentials;
import io.github.sarisync.memory.InMemoryCourseStore;
import io.github.sarisync.memory.InMemorySyncLogStore;
import io.github.sarisync.model.CourseType;
import io.github.sarisync.spi.Tenant;
import io.github.sarisync.sync.MemberPolicy;
import io.github.sarisync.sync.SARISyncEngine;
import io.github.sarisync.sync.SariClientFactory;
import io.github.sarisync.sync.SyncListener;
import io.github.sarisync.sync.SyncOptions;
import io.github.sarisync.sync.SyncOutcome;
import io.github.sarisync.sync.SyncReport;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import java.net.URI;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.getRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.okJson;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.wireMockConfig;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * Like {@link NoSecretLeakTest}, against a SARI stubbed to misbehave in ways the simulator does not:
 * an OAuth error description that echoes the client secret, a course detail cut off in the middle
 * of a student's record, impossible dates next to names, a 401 for a token SARI itself issued.
 * Every log event of every logger is captured at TRACE, and every exception, report, run-log row
 * and tenant state collected: none may contain a client secret, a password, an access or refresh
 * token, a student's name or birthdate, or a faberid in clear.
 */
class HostileSariLeakTest {
    private static final String TOKEN = "/oauth/v2/token";
    private static final String API = "/api/courseregistration";

    @RegisterExtension
    static WireMockExtension sari = WireMockExtension.newInstance().options(wireMockConfig().dynamicPort()).build();

    /** One school's secrets; each value is unique so that a leak is found by a plain search. */
    private record School(String id, SariCredentials credentials) {
        static School of(String id) {
            return new School(id, new SariCredentials("client-" + id, "Sec/" + id + "+Q7 &x=", "api-" + id,
                    "Pw " + id + "%9&y="));
        }
    }

    private final School healthy = School.of("healthy");
    private final School badClient = School.of("bad-client");
    private final School badPassword = School.of("bad-password");
    private final School expired = School.of("expired");
    private final School failing = School.of("server-errors");
    private final School malformed = School.of("malformed");
    private final School tampered = School.of("tampered");
    private final List<School> schools = List.of(healthy, badClient, badPassword, expired, failing, malformed, tampered);

    private final Set<String> tokens = new LinkedHashSet<>();

    private static final String[] PERSONAL = {
            "Zephyrina", "Quaxelbaum", "Balthasar", "Wunderlich", "Ottilie", "Fenstermacher", "Kunigunde",
            "Sperlingsfeld",
            "1987-03-14", "14.03.1987", "1991-07-09", "09.07.1991", "1979-11-02", "02.11.1979", "1985-13-45",
            "007731946", "7731946", "004418822", "4418822", "005561237", "5561237", "009988776", "9988776"};

    @Test
    void aSyncAgainstAHostileSariLeaksNoSecretTokenOrPersonalDataAnywhere() {
        stubSari();
        AesGcmCredentialsCipher cipher = AesGcmCredentialsCipher.fromConfiguration(
                "k1:" + AesGcmCredentialsCipher.generateKey());
        SealedTenantStore tenants = new SealedTenantStore(cipher);
        URI address = URI.create(sari.baseUrl());
        schools.forEach(s -> tenants.save(Tenant.of(s.id(), "School " + s.id(), address), s.credentials()));
        String value = tenants.sealed.get(tampered.id());
        tenants.sealed.put(tampered.id(), value.substring(0, value.length() - 10) + "AAAAAAAAA=");
        InMemoryCourseStore courses = new InMemoryCourseStore();
        InMemorySyncLogStore runLog = new InMemorySyncLogStore();
        LeakCheck check = new LeakCheck();
        SyncListener listener = check.listener();

        SyncReport first;
        SyncReport second;
        int logEvents;
        try (LogCapture logs = new LogCapture();
             SARISyncEngine engine = SARISyncEngine.builder()
                     .options(SyncOptions.builder().hostPolicy(SariSimulator.hostPolicy()).build())
                     .tenantStore(tenants).courseStore(courses).syncLogStore(runLog)
                     .clientFactory(SariClientFactory.customized(b -> b.sleeper(d -> { })
                             .rateLimit(RateLimit.unlimited())))
                     .options(SyncOptions.builder().hostPolicy(SariSimulator.hostPolicy())
                     .memberPolicy(MemberPolicy.ALL).parallelism(3).build())
                     .listener(listener)
                     .build()) {
            first = engine.syncAll();
            second = engine.syncAll();
            for (School s : schools) {
                check.add(engine.syncTenant(s.id()).toString());
                try {
                    check.add(engine.clientFor(s.id()).toString());
                    engine.clientFor(s.id()).courses(CourseType.PGS);
                } catch (RuntimeException e) {
                    check.addThrown(e);
                }
            }
            logEvents = logs.size();
            check.addAll(logs.texts());
        }

        assertThat(outcome(first, healthy)).isEqualTo(SyncOutcome.SUCCESS);
        assertThat(outcome(first, expired)).isEqualTo(SyncOutcome.SUCCESS);
        assertThat(outcome(first, badClient)).isEqualTo(SyncOutcome.FAILED);
        assertThat(outcome(first, badPassword)).isEqualTo(SyncOutcome.FAILED);
        assertThat(outcome(first, failing)).isEqualTo(SyncOutcome.FAILED);
        assertThat(outcome(first, malformed)).isIn(SyncOutcome.FAILED, SyncOutcome.PARTIAL);
        assertThat(outcome(first, tampered)).isEqualTo(SyncOutcome.FAILED);
        assertThat(sari.findAll(getRequestedFor(urlPathEqualTo(TOKEN)).withQueryParam("grant_type",
                equalTo("refresh_token")))).as("the expired token was renewed").isNotEmpty();
        assertThat(courses.findMembers(healthy.id(), 101)).extracting(m -> m.firstName())
                .as("the personal data did reach the member table, so the check below is not vacuous")
                .contains("Zephyrina", "Balthasar");
        assertThat(logEvents).as("log events captured").isGreaterThan(20);

        check.addReport(first);
        check.addReport(second);
        check.addStores(tenants, runLog);
        schools.forEach(s -> check.forbidSecretsOf(s.credentials()));
        check.forbid(tokens).forbid(List.of(PERSONAL));

        assertThat(check.texts()).as("texts checked").hasSizeGreaterThan(50);
        assertThat(check.texts()).as("DEBUG lines about members were captured, with the faberid masked")
                .anyMatch(t -> t.startsWith("DEBUG") && t.contains("****946"));
        assertThat(check.leaks()).isEmpty();
    }

    private static SyncOutcome outcome(SyncReport report, School school) {
        return report.results().stream().filter(r -> r.tenantId().equals(school.id())).findFirst().orElseThrow()
                .outcome();
    }

    // ---- the SARI answers of each school ----

    private void stubSari() {
        passwordGrant(healthy, "acc-healthy-5f1c9e", "ref-healthy-8d2b7a");
        courses("acc-healthy-5f1c9e", CourseType.VKU, ok(groups(part(101, "2027-03-01 18:00"), part(102, "2027-03-08 18:00"))));
        courses("acc-healthy-5f1c9e", CourseType.PGS, ok("null"));
        detail("acc-healthy-5f1c9e", 101, ok("[" + member("007731946", "Zephyrina", "Quaxelbaum", "1987-03-14", "2026-11-20")
                + "," + member("004418822", "Balthasar", "Wunderlich", "1991-07-09", null) + "]"));
        detail("acc-healthy-5f1c9e", 102, ok("[" + member("007731946", "Zephyrina", "Quaxelbaum", "1987-03-14", null) + "]"));

        tokenAnswer(badClient, aResponse().withStatus(401).withHeader("Content-Type", "application/json")
                .withBody("{\"error\":\"invalid_client\",\"error_description\":\"client secret "
                        + badClient.credentials().clientSecret() + " is wrong\"}"));
        tokenAnswer(badPassword, aResponse().withStatus(400).withHeader("Content-Type", "application/json")
                .withBody("{\"error\":\"invalid_grant\",\"error_description\":\"Invalid username and password\"}"));

        passwordGrant(expired, "acc-expired-1-c4d3e2", "ref-expired-1-b6a5f4");
        tokens.addAll(List.of("acc-expired-2-97e8d1", "ref-expired-2-a1b2c3"));
        sari.stubFor(get(urlPathEqualTo(TOKEN)).withQueryParam("grant_type", equalTo("refresh_token"))
                .withQueryParam("refresh_token", equalTo("ref-expired-1-b6a5f4"))
                .willReturn(okJson(tokenJson("acc-expired-2-97e8d1", "ref-expired-2-a1b2c3"))));
        for (String path : List.of("/courses/VKU", "/courses/PGS", "/coursedetail/401")) {
            sari.stubFor(get(urlEqualTo(API + path)).withHeader("Authorization", equalTo("Bearer acc-expired-1-c4d3e2"))
                    .willReturn(aResponse().withStatus(401)));
        }
        courses("acc-expired-2-97e8d1", CourseType.VKU, ok(groups(part(401, "2027-04-01 18:00"))));
        courses("acc-expired-2-97e8d1", CourseType.PGS, ok("[]"));
        detail("acc-expired-2-97e8d1", 401, ok("[" + member("5561237", "Ottilie", "Fenstermacher", "1979-11-02", null) + "]"));

        passwordGrant(failing, "acc-failing-0a9b8c", "ref-failing-7d6e5f");
        courses("acc-failing-0a9b8c", CourseType.VKU, aResponse().withStatus(500).withBody("<html>boom</html>"));
        courses("acc-failing-0a9b8c", CourseType.PGS, okJson("{\"result\":[],\"status\":\"INTERNAL_SERVER_ERROR\"}"));

        passwordGrant(malformed, "acc-malformed-3c2b1a", "ref-malformed-4f3e2d");
        courses("acc-malformed-3c2b1a", CourseType.VKU, ok(groups(part(601, "2027-05-01 18:00"),
                part(602, "2027-02-30 18:00"), part(603, "2027-05-08 18:00"))));
        courses("acc-malformed-3c2b1a", CourseType.PGS, okJson("{\"result\":[{\"name\":\"PGS\",\"courses\":["));
        detail("acc-malformed-3c2b1a", 603, okJson("{\"result\":[{\"faberid\":\"009988776\",\"firstname\":\"Kunigunde\","
                + "\"lastname\":\"Sperlingsfeld\",\"birthdate\":\"1985-13-"));
        detail("acc-malformed-3c2b1a", 601, ok("[" + member("009988776", "Kunigunde", "Sperlingsfeld", "1985-13-45", null)
                + "," + member("004418822", "Balthasar", "Wunderlich", "1991-07-09", "not a date") + "]"));

        passwordGrant(tampered, "acc-tampered-unused-11", "ref-tampered-unused-22");
    }

    private void passwordGrant(School school, String access, String refresh) {
        tokens.add(access);
        tokens.add(refresh);
        tokenAnswer(school, okJson(tokenJson(access, refresh)));
    }

    private static void tokenAnswer(School school, ResponseDefinitionBuilder answer) {
        sari.stubFor(get(urlPathEqualTo(TOKEN)).withQueryParam("client_id", equalTo(school.credentials().clientId()))
                .withQueryParam("grant_type", equalTo("password")).willReturn(answer));
    }

    private static String tokenJson(String access, String refresh) {
        return "{\"access_token\":\"" + access + "\",\"expires_in\":3600,\"token_type\":\"bearer\",\"scope\":\"user\","
                + "\"refresh_token\":\"" + refresh + "\"}";
    }

    private static void courses(String token, CourseType type, ResponseDefinitionBuilder answer) {
        sari.stubFor(get(urlEqualTo(API + "/courses/" + type)).withHeader("Authorization", equalTo("Bearer " + token))
                .willReturn(answer));
    }

    private static void detail(String token, long partId, ResponseDefinitionBuilder answer) {
        sari.stubFor(get(urlEqualTo(API + "/coursedetail/" + partId))
                .withHeader("Authorization", equalTo("Bearer " + token)).willReturn(answer));
    }

    private static ResponseDefinitionBuilder ok(String resultJson) {
        return okJson("{\"result\":" + resultJson + ",\"status\":\"OK\"}");
    }

    private static String groups(String... parts) {
        return "[{\"name\":\"VKU 4-teilig\",\"date\":\"2027-01-01 00:00\",\"courses\":[" + String.join(",", parts) + "]}]";
    }

    private static String part(long id, String date) {
        return "{\"id\":" + id + ",\"name\":\"VKU Teil 1\",\"date\":\"" + date + "\",\"address\":{\"name\":\"Schulhaus\","
                + "\"address\":\"Bahnhofstrasse 1\",\"zip\":8001,\"city\":\"Zürich\"},\"freeplaces\":5}";
    }

    private static String member(String faberId, String first, String last, String birthdate, String confirmed) {
        return "{\"faberid\":\"" + faberId + "\",\"firstname\":\"" + first + "\",\"lastname\":\"" + last
                + "\",\"birthdate\":\"" + birthdate + "\",\"confirmed\":" + (confirmed == null ? "null" : "\"" + confirmed + "\"") + "}";
    }
}
