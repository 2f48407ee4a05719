package io.github.sarisync.client;

import io.github.sarisync.TestClock;
import com.github.tomakehurst.wiremock.client.ResponseDefinitionBuilder;
import com.github.tomakehurst.wiremock.http.Fault;
import com.github.tomakehurst.wiremock.junit5.WireMockExtension;
import io.github.sarisync.model.CourseType;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import java.time.Duration;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.delete;
import static com.github.tomakehurst.wiremock.client.WireMock.deleteRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.getRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.put;
import static com.github.tomakehurst.wiremock.client.WireMock.putRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static io.github.sarisync.client.SariStubs.API;
import static io.github.sarisync.client.SariStubs.START;
import static io.github.sarisync.client.SariStubs.ok;
import static io.github.sarisync.client.SariStubs.status;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

class SARIClientRetryTest {
    private static final String COURSES = API + "/courses/PGS";
    private static final String PERSONCOURSE = API + "/personcourse";
    private static final LocalDate BIRTHDATE = LocalDate.of(1990, 1, 31);

    @RegisterExtension
    static WireMockExtension wm = SariStubs.wireMock();

    private TestClock clock;
    private RecordingSleeper sleeper;
    private SARIClient.Builder builder;
    private SARIClient client;

    @BeforeEach
    void setUp() {
        clock = new TestClock(START);
        sleeper = new RecordingSleeper(clock);
        builder = SariStubs.client(wm, clock, sleeper);
        client = builder.build();
        SariStubs.stubToken(wm);
    }

    private void answerCourses(ResponseDefinitionBuilder... answers) {
        SariStubs.sequence(wm, () -> get(urlEqualTo(COURSES)), answers);
    }

    @ParameterizedTest
    @ValueSource(ints = {500, 502, 503, 504})
    void anHttpServerFaultIsRetriedWithExponentialBackoff(int http) {
        answerCourses(aResponse().withStatus(http), aResponse().withStatus(http), ok("[]"));

        assertThat(client.courses(CourseType.PGS)).isEmpty();

        wm.verify(3, getRequestedFor(urlEqualTo(COURSES)));
        assertThat(sleeper.sleeps()).containsExactly(Duration.ofSeconds(1), Duration.ofSeconds(2));
    }

    @Test
    void theInternalServerErrorStatusIsRetried() {
        answerCourses(status(200, "INTERNAL_SERVER_ERROR"), ok("[]"));

        assertThat(client.courses(CourseType.PGS)).isEmpty();

        wm.verify(2, getRequestedFor(urlEqualTo(COURSES)));
        assertThat(sleeper.sleeps()).containsExactly(Duration.ofSeconds(1));
    }

    @Test
    void tooManyRequestsHonoursRetryAfterInSeconds() {
        answerCourses(aResponse().withStatus(429).withHeader("Retry-After", "7"), ok("[]"));

        client.courses(CourseType.PGS);

        assertThat(sleeper.sleeps()).containsExactly(Duration.ofSeconds(7));
    }

    @Test
    void retryAfterAsAnHttpDateIsTakenRelativeToTheClock() {
        String in12Seconds = DateTimeFormatter.RFC_1123_DATE_TIME.format(START.plusSeconds(12).atOffset(ZoneOffset.UTC));
        answerCourses(aResponse().withStatus(503).withHeader("Retry-After", in12Seconds), ok("[]"));

        client.courses(CourseType.PGS);

        assertThat(sleeper.sleeps()).containsExactly(Duration.ofSeconds(12));
    }

    @Test
    void tooManyRequestsWithoutAnEnvelopeEndsAsRateLimitedWhenRetriesRunOut() {
        wm.stubFor(get(urlEqualTo(COURSES)).willReturn(aResponse().withStatus(429)));

        SariException e = catchThrowableOfType(SariException.class,
                () -> client.courses(CourseType.PGS));

        assertThat(e.code()).isEqualTo(SariErrorCode.RATE_LIMITED);
        assertThat(e.retryable()).isTrue();
        assertThat(e.getMessage()).contains("gave up after 4 attempts");
    }

    @Test
    void retryingStopsAfterMaxRetries() {
        wm.stubFor(get(urlEqualTo(COURSES)).willReturn(aResponse().withStatus(500)));

        SariException e = catchThrowableOfType(SariException.class,
                () -> client.courses(CourseType.PGS));

        assertThat(e.code()).isEqualTo(SariErrorCode.SERVER_ERROR);
        assertThat(e.httpStatus()).isEqualTo(500);
        wm.verify(4, getRequestedFor(urlEqualTo(COURSES)));
        assertThat(sleeper.sleeps()).containsExactly(Duration.ofSeconds(1), Duration.ofSeconds(2), Duration.ofSeconds(4));
    }

    @Test
    void retryingStopsWhenTheNextWaitWouldPassMaxTotal() {
        SARIClient bounded = builder.retry(RetryPolicy.builder().jitter(0).maxRetries(10)
                .maxTotal(Duration.ofSeconds(5)).build()).build();
        wm.stubFor(get(urlEqualTo(COURSES)).willReturn(aResponse().withStatus(502)));

        catchThrowableOfType(SariException.class, () -> bounded.courses(CourseType.PGS));

        assertThat(sleeper.sleeps()).containsExactly(Duration.ofSeconds(1), Duration.ofSeconds(2));
        wm.verify(3, getRequestedFor(urlEqualTo(COURSES)));
    }

    @Test
    void aRetryAfterBeyondMaxTotalIsNotWaitedFor() {
        wm.stubFor(get(urlEqualTo(COURSES)).willReturn(aResponse().withStatus(503).withHeader("Retry-After", "120")));

        SariException e = catchThrowableOfType(SariException.class,
                () -> client.courses(CourseType.PGS));

        assertThat(e.code()).isEqualTo(SariErrorCode.SERVER_ERROR);
        assertThat(sleeper.sleeps()).isEmpty();
        wm.verify(1, getRequestedFor(urlEqualTo(COURSES)));
    }

    @Test
    void jitterKeepsEachWaitWithinItsShareOfTheBaseDelay() {
        SARIClient jittery = builder.retry(RetryPolicy.builder().jitter(0.5).build()).build();
        wm.stubFor(get(urlEqualTo(COURSES)).willReturn(aResponse().withStatus(500)));

        catchThrowableOfType(SariException.class, () -> jittery.courses(CourseType.PGS));

        assertThat(sleeper.sleeps()).hasSize(3);
        assertThat(sleeper.sleeps().get(0)).isBetween(Duration.ofMillis(500), Duration.ofMillis(1500));
        assertThat(sleeper.sleeps().get(1)).isBetween(Duration.ofMillis(1000), Duration.ofMillis(3000));
        assertThat(sleeper.sleeps().get(2)).isBetween(Duration.ofMillis(2000), Duration.ofMillis(6000));
    }

    @Test
    void aBusinessStatusIsNeverRetriedEvenWithAServerErrorCode() {
        wm.stubFor(get(urlEqualTo(COURSES)).willReturn(status(500, "SECTION_NOT_FOUND")));

        SariException e = catchThrowableOfType(SariException.class,
                () -> client.courses(CourseType.PGS));

        assertThat(e.code()).isEqualTo(SariErrorCode.SECTION_NOT_FOUND);
        wm.verify(1, getRequestedFor(urlEqualTo(COURSES)));
        assertThat(sleeper.sleeps()).isEmpty();
    }

    @Test
    void anUnknownStatusWithAServerErrorCodeIsRetriedAndKeptVerbatim() {
        wm.stubFor(get(urlEqualTo(COURSES)).willReturn(status(503, "MAINTENANCE")));

        SariException e = catchThrowableOfType(SariException.class,
                () -> client.courses(CourseType.PGS));

        assertThat(e.status()).isEqualTo("MAINTENANCE");
        wm.verify(4, getRequestedFor(urlEqualTo(COURSES)));
    }

    @Test
    void aResetConnectionIsRetriedAndEndsAsIoError() {
        wm.stubFor(get(urlEqualTo(COURSES)).willReturn(aResponse().withFault(Fault.CONNECTION_RESET_BY_PEER)));

        SariException e = catchThrowableOfType(SariException.class,
                () -> client.courses(CourseType.PGS));

        assertThat(e.code()).isEqualTo(SariErrorCode.IO_ERROR);
        assertThat(e.httpStatus()).isZero();
        assertThat(e.retryable()).isTrue();
        // the JDK client itself repeats a GET once on a reset connection, so count the client's waits
        assertThat(sleeper.sleeps()).containsExactly(Duration.ofSeconds(1), Duration.ofSeconds(2), Duration.ofSeconds(4));
    }

    @Test
    void aSlowAnswerTimesOutAndIsRetried() {
        SARIClient impatient = builder.requestTimeout(Duration.ofSeconds(1))
                .retry(RetryPolicy.builder().jitter(0).maxRetries(1).build()).build();
        wm.stubFor(get(urlEqualTo(COURSES)).willReturn(ok("[]").withFixedDelay(2500)));

        SariException e = catchThrowableOfType(SariException.class,
                () -> impatient.courses(CourseType.PGS));

        assertThat(e.code()).isEqualTo(SariErrorCode.TIMEOUT);
        assertThat(e.operation()).isEqualTo("getCourses");
        assertThat(e.getMessage()).contains("getCourses", "1000 ms");
        wm.verify(2, getRequestedFor(urlEqualTo(COURSES)));
    }

    @Test
    void aRetriedEnrollAnsweredPersonAlreadyAddedSucceeds() {
        SariStubs.sequence(wm, () -> put(urlEqualTo(PERSONCOURSE)), aResponse().withStatus(502),
                status(200, "PERSON_ALREADY_ADDED"));

        assertThatCode(() -> client.enroll(61, "001234567", BIRTHDATE)).doesNotThrowAnyException();

        wm.verify(2, putRequestedFor(urlEqualTo(PERSONCOURSE)));
    }

    @Test
    void aFirstEnrollAnsweredPersonAlreadyAddedFails() {
        wm.stubFor(put(urlEqualTo(PERSONCOURSE)).willReturn(status(200, "PERSON_ALREADY_ADDED")));

        SariException e = catchThrowableOfType(SariException.class, () -> client.enroll(61, "001234567", BIRTHDATE));

        assertThat(e.code()).isEqualTo(SariErrorCode.PERSON_ALREADY_ADDED);
    }

    @Test
    void aRetriedUnenrollAnsweredCoursememberNotFoundSucceeds() {
        SariStubs.sequence(wm, () -> delete(urlEqualTo(PERSONCOURSE)), status(200, "INTERNAL_SERVER_ERROR"),
                status(200, "COURSEMEMBER_NOT_FOUND"));

        assertThatCode(() -> client.unenroll(61, "001234567")).doesNotThrowAnyException();

        wm.verify(2, deleteRequestedFor(urlEqualTo(PERSONCOURSE)));
    }

    @Test
    void aFirstUnenrollAnsweredCoursememberNotFoundFails() {
        wm.stubFor(delete(urlEqualTo(PERSONCOURSE)).willReturn(status(200, "COURSEMEMBER_NOT_FOUND")));

        SariException e = catchThrowableOfType(SariException.class, () -> client.unenroll(61, "001234567"));

        assertThat(e.code()).isEqualTo(SariErrorCode.COURSEMEMBER_NOT_FOUND);
    }

    @Test
    void aRetriedEnrollStillFailsOnAnotherBusinessStatus() {
        SariStubs.sequence(wm, () -> put(urlEqualTo(PERSONCOURSE)), aResponse().withStatus(503),
                status(200, "LICENSE_EXPIRED"));

        SariException e = catchThrowableOfType(SariException.class, () -> client.enroll(61, "001234567", BIRTHDATE));

        assertThat(e.code()).isEqualTo(SariErrorCode.LICENSE_EXPIRED);
    }
}
