package io.github.sarisync.testkit;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.net.http.HttpClient;
import java.net.http.HttpResponse;
import java.net.http.HttpTimeoutException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

import static io.github.sarisync.testkit.RawSari.result;
import static io.github.sarisync.testkit.RawSari.status;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** Injected faults: each kind, scoped to an operation or school, scheduled, probabilistic, cleared. */
class SimulatorFaultsTest {
    private SariSimulator sari;
    private SimulatedSchool school;
    private RawSari raw;
    private String token;

    @BeforeEach
    void start() {
        sari = SimFixtures.builder().start();
        school = SimFixtures.populate(sari);
        raw = new RawSari(sari);
        token = raw.token(school.credentials());
    }

    @AfterEach
    void stop() {
        sari.close();
    }

    private HttpResponse<String> courses() {
        return raw.api("/courses/VKU", token);
    }

    @Test
    void internalServerErrorIsAnEnvelopeStatusWithHttp200() {
        sari.inject(FaultRule.of(Fault.internalServerError()));

        HttpResponse<String> answer = courses();
        assertThat(answer.statusCode()).isEqualTo(200);
        assertThat(status(answer)).isEqualTo("INTERNAL_SERVER_ERROR");
        assertThat(status(courses())).isEqualTo("OK");
    }

    @Test
    void httpErrorStatusesAreAnsweredAsInjected() {
        sari.inject(FaultRule.of(Fault.httpStatus(500)));
        sari.inject(FaultRule.of(Fault.httpStatus(502)));
        sari.inject(FaultRule.of(Fault.httpStatus(503)));

        assertThat(List.of(courses().statusCode(), courses().statusCode(), courses().statusCode(),
                courses().statusCode())).containsExactly(500, 502, 503, 200);
    }

    @Test
    void tooManyRequestsCarriesRetryAfter() {
        sari.inject(FaultRule.of(Fault.tooManyRequests(Duration.ofSeconds(7))));

        HttpResponse<String> answer = courses();
        assertThat(answer.statusCode()).isEqualTo(429);
        assertThat(answer.headers().firstValue("Retry-After")).hasValue("7");
    }

    @Test
    void malformedJsonCannotBeParsed() {
        sari.inject(FaultRule.of(Fault.malformedJson()));

        HttpResponse<String> answer = courses();
        assertThat(answer.statusCode()).isEqualTo(200);
        assertThatThrownBy(() -> RawSari.JSON.readTree(answer.body())).isInstanceOf(Exception.class);
    }

    @Test
    void htmlPageIsSentWithItsStatus() {
        sari.inject(FaultRule.of(Fault.htmlPage(502)));

        HttpResponse<String> answer = courses();
        assertThat(answer.statusCode()).isEqualTo(502);
        assertThat(answer.headers().firstValue("Content-Type")).hasValueSatisfying(v -> assertThat(v).startsWith("text/html"));
        assertThat(answer.body()).startsWith("<!DOCTYPE html>");
    }

    @Test
    void emptyCoursesAnswersAnEmptyArrayOnlyForGetCourses() {
        sari.inject(FaultRule.of(Fault.emptyCourses()).always());

        assertThat(status(courses())).isEqualTo("OK");
        assertThat(result(courses())).isEmpty();
        assertThat(result(raw.api("/version/x", token)).asText()).isEqualTo("x");
    }

    @Test
    void latencyDelaysTheNormalAnswer() {
        sari.inject(FaultRule.of(Fault.latency(Duration.ofMillis(50))));

        assertThat(status(courses())).isEqualTo("OK");
    }

    @Test
    void hangNeverAnswersAndDoesNotBlockOtherRequests() {
        sari.inject(FaultRule.of(Fault.hang()).operation(Operation.COURSES));
        HttpClient http = RawSari.http();

        assertThatThrownBy(() -> http.send(raw.request("/api/courseregistration/courses/VKU", token)
                .timeout(Duration.ofMillis(300)).GET().build(), HttpResponse.BodyHandlers.ofString()))
                .isInstanceOf(HttpTimeoutException.class);
        assertThat(status(courses())).isEqualTo("OK");
    }

    @Test
    void faultsAreScopedToAnOperation() {
        sari.inject(FaultRule.of(Fault.httpStatus(503)).operation(Operation.COURSE_DETAIL));

        assertThat(courses().statusCode()).isEqualTo(200);
        assertThat(raw.api("/coursedetail/61", token).statusCode()).isEqualTo(503);
    }

    @Test
    void faultsAreScopedToASchool() {
        String otherToken = raw.token(sari.school("other").credentials());
        sari.inject(FaultRule.of(Fault.httpStatus(503)).school("other").always());

        assertThat(courses().statusCode()).isEqualTo(200);
        assertThat(raw.api("/courses/VKU", otherToken).statusCode()).isEqualTo(503);
        assertThat(raw.passwordGrant(sari.school("other").credentials()).statusCode()).isEqualTo(503);
        assertThat(raw.passwordGrant(school.credentials()).statusCode()).isEqualTo(200);
    }

    @Test
    void theNextNCallsFail() {
        sari.inject(FaultRule.of(Fault.internalServerError()).times(2));

        assertThat(List.of(status(courses()), status(courses()), status(courses())))
                .containsExactly("INTERNAL_SERVER_ERROR", "INTERNAL_SERVER_ERROR", "OK");
    }

    @Test
    void onlyTheThirdCallFails() {
        sari.inject(FaultRule.of(Fault.httpStatus(500)).onCall(3));

        List<Integer> codes = new ArrayList<>();
        for (int i = 0; i < 5; i++) {
            codes.add(courses().statusCode());
        }
        assertThat(codes).containsExactly(200, 200, 500, 200, 200);
    }

    @Test
    void probabilisticFaultsAreReproducibleFromTheSeed() {
        List<Integer> first = chaosRun(42);
        List<Integer> second = chaosRun(42);

        assertThat(first).isEqualTo(second).contains(200, 503);
    }

    private List<Integer> chaosRun(long seed) {
        try (SariSimulator chaos = SimFixtures.builder().start()) {
            SimulatedSchool s = SimFixtures.populate(chaos);
            RawSari r = new RawSari(chaos);
            String t = r.token(s.credentials());
            chaos.inject(FaultRule.of(Fault.httpStatus(503)).probability(0.3, seed).always());
            List<Integer> codes = new ArrayList<>();
            for (int i = 0; i < 30; i++) {
                codes.add(r.api("/version/x", t).statusCode());
            }
            return codes;
        }
    }

    @Test
    void clearedFaultsNoLongerApply() {
        sari.inject(FaultRule.of(Fault.httpStatus(500)).always());
        assertThat(courses().statusCode()).isEqualTo(500);

        sari.clearFaults();
        assertThat(courses().statusCode()).isEqualTo(200);
    }

    @Test
    void faultRulesRejectNonsense() {
        assertThatThrownBy(() -> Fault.httpStatus(200)).hasMessageContaining("4xx or 5xx");
        assertThatThrownBy(() -> FaultRule.of(Fault.hang()).times(0)).hasMessageContaining("times");
        assertThatThrownBy(() -> FaultRule.of(Fault.hang()).onCall(0)).hasMessageContaining("onCall");
        assertThatThrownBy(() -> FaultRule.of(Fault.hang()).probability(1.5, 1)).hasMessageContaining("probability");
    }
}
