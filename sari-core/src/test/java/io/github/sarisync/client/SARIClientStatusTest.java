package io.github.sarisync.client;

import io.github.sarisync.TestClock;
import com.github.tomakehurst.wiremock.junit5.WireMockExtension;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.getRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.okJson;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static io.github.sarisync.client.SariStubs.API;
import static io.github.sarisync.client.SariStubs.START;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

class SARIClientStatusTest {
    private static final String DETAIL = API + "/coursedetail/61";

    @RegisterExtension
    static WireMockExtension wm = SariStubs.wireMock();

    private SARIClient.Builder builder;
    private SARIClient client;

    @BeforeEach
    void setUp() {
        TestClock clock = new TestClock(START);
        builder = SariStubs.client(wm, clock, new RecordingSleeper(clock));
        client = builder.build();
        SariStubs.stubToken(wm);
    }

    @ParameterizedTest
    @ValueSource(strings = {"INVALID_PARAMETER", "NO_PERMISSION", "PERSON_NOT_FOUND", "DRIVINGSCHOOL_NOT_FOUND",
            "SECTION_NOT_FOUND", "COURSE_NOT_FOUND", "PERSON_ALREADY_ADDED", "COURSE_NOT_ALLOWED_OR_ENABLED",
            "LICENSE_EXPIRED", "COURSEMEMBER_NOT_FOUND", "COURSEMEMBER_ALREADY_CONFIRMED",
            "COURSE_PERSON_DEADLINE_VIOLATED", "MISMATCH_BIRTHDATE_FABERID"})
    void everyDocumentedBusinessStatusMapsToItsCodeAndIsNotRetried(String status) {
        wm.stubFor(get(urlEqualTo(DETAIL)).willReturn(SariStubs.status(200, status)));

        SariException e = catchThrowableOfType(SariException.class, () -> client.courseDetail(61));

        assertThat(e.code()).isEqualTo(SariErrorCode.valueOf(status));
        assertThat(e.status()).isEqualTo(status);
        assertThat(e.operation()).isEqualTo("getCourseDetail");
        assertThat(e.httpStatus()).isEqualTo(200);
        assertThat(e.retryable()).isFalse();
        assertThat(e.getMessage()).contains("getCourseDetail", status, "HTTP 200");
        wm.verify(1, getRequestedFor(urlEqualTo(DETAIL)));
    }

    @Test
    void internalServerErrorStatusMapsToItsRetryableCode() {
        wm.stubFor(get(urlEqualTo(DETAIL)).willReturn(SariStubs.status(200, "INTERNAL_SERVER_ERROR")));

        SARIClient withoutRetries = builder.retry(RetryPolicy.none()).build();

        SariException e = catchThrowableOfType(SariException.class, () -> withoutRetries.courseDetail(61));

        assertThat(e.code()).isEqualTo(SariErrorCode.INTERNAL_SERVER_ERROR);
        assertThat(e.retryable()).isTrue();
    }

    @Test
    void anUnknownStatusIsKeptVerbatim() {
        wm.stubFor(get(urlEqualTo(DETAIL)).willReturn(SariStubs.status(200, "COURSE_ON_FIRE")));

        SariException e = catchThrowableOfType(SariException.class, () -> client.courseDetail(61));

        assertThat(e.code()).isEqualTo(SariErrorCode.UNKNOWN);
        assertThat(e.status()).isEqualTo("COURSE_ON_FIRE");
        assertThat(e.getMessage()).contains("COURSE_ON_FIRE");
        wm.verify(1, getRequestedFor(urlEqualTo(DETAIL)));
    }

    @Test
    void theStatusIsReadWhateverTheHttpCode() {
        wm.stubFor(get(urlEqualTo(DETAIL)).willReturn(SariStubs.status(400, "INVALID_PARAMETER")));

        SariException e = catchThrowableOfType(SariException.class, () -> client.courseDetail(61));

        assertThat(e.code()).isEqualTo(SariErrorCode.INVALID_PARAMETER);
        assertThat(e.httpStatus()).isEqualTo(400);
    }

    @Test
    void anOkStatusWinsOverAnOddHttpCode() {
        wm.stubFor(get(urlEqualTo(DETAIL)).willReturn(aResponse().withStatus(202)
                .withBody(SariStubs.envelope("[]", "OK"))));

        assertThat(client.courseDetail(61)).isEmpty();
    }

    @ParameterizedTest
    @ValueSource(strings = {"{\"result\":[],\"status\":\"COURSE_NOT_FOUND\"}",
            "{\"result\":{},\"status\":\"COURSE_NOT_FOUND\"}",
            "{\"result\":\"\",\"status\":\"COURSE_NOT_FOUND\"}",
            "{\"result\":null,\"status\":\"COURSE_NOT_FOUND\"}",
            "{\"status\":\"COURSE_NOT_FOUND\"}"})
    void anErrorIsReadWhateverItsPayload(String body) {
        wm.stubFor(get(urlEqualTo(DETAIL)).willReturn(okJson(body)));

        SariException e = catchThrowableOfType(SariException.class, () -> client.courseDetail(61));

        assertThat(e.code()).isEqualTo(SariErrorCode.COURSE_NOT_FOUND);
    }
}
