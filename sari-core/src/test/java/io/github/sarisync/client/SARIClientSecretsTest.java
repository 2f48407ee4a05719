package io.github.sarisync.client;

import io.github.sarisync.TestClock;
import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.classic.spi.ThrowableProxyUtil;
import ch.qos.logback.core.read.ListAppender;
import com.github.tomakehurst.wiremock.http.Fault;
import com.github.tomakehurst.wiremock.junit5.WireMockExtension;
import io.github.sarisync.internal.client.Secrets;
import io.github.sarisync.model.CourseType;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.slf4j.LoggerFactory;

import java.io.IOException;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.delete;
import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.okJson;
import static com.github.tomakehurst.wiremock.client.WireMock.put;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static io.github.sarisync.client.SariStubs.ACCESS_TOKEN;
import static io.github.sarisync.client.SariStubs.API;
import static io.github.sarisync.client.SariStubs.CLIENT_SECRET;
import static io.github.sarisync.client.SariStubs.PASSWORD;
import static io.github.sarisync.client.SariStubs.REFRESH_TOKEN;
import static io.github.sarisync.client.SariStubs.START;
import static io.github.sarisync.client.SariStubs.ok;
import static io.github.sarisync.client.SariStubs.tokenJson;
import static io.github.sarisync.client.SariStubs.tokenRequest;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * Captures every log line (root logger at TRACE) across succeeding and failing calls and checks
 * that no secret, token or personal data appears in a log line, an exception message or any cause.
 * Lines logged by the WireMock server itself (which sees the secrets by design) are not ours and
 * are left out.
 */
class SARIClientSecretsTest {
    private static final String SECOND_ACCESS = "access-token-BBB222";
    private static final String SECOND_REFRESH = "refresh-token-SSS888";
    private static final String FABER_ID = "001234567";
    private static final LocalDate BIRTHDATE = LocalDate.of(1990, 1, 31);
    private static final List<String> FORBIDDEN = List.of(CLIENT_SECRET, PASSWORD,
            URLEncoder.encode(CLIENT_SECRET, StandardCharsets.UTF_8), URLEncoder.encode(PASSWORD, StandardCharsets.UTF_8),
            ACCESS_TOKEN, REFRESH_TOKEN, SECOND_ACCESS, SECOND_REFRESH,
            FABER_ID, "1234567", "1990-01-31", "Anna", "Muster");

    @RegisterExtension
    static WireMockExtension wm = SariStubs.wireMock();

    private final ListAppender<ILoggingEvent> appender = new ListAppender<>();
    private final List<Throwable> thrown = new ArrayList<>();
    private Logger root;
    private Level rootLevel;
    private TestClock clock;
    private SARIClient client;

    @BeforeEach
    void captureLogs() {
        root = (Logger) LoggerFactory.getLogger(org.slf4j.Logger.ROOT_LOGGER_NAME);
        rootLevel = root.getLevel();
        root.setLevel(Level.TRACE);
        ((Logger) LoggerFactory.getLogger("io.github.sarisync")).setLevel(Level.TRACE);
        appender.start();
        root.addAppender(appender);
        clock = new TestClock(START);
        client = SariStubs.client(wm, clock, new RecordingSleeper(clock))
                .retry(RetryPolicy.builder().jitter(0).maxRetries(1).build())
                .requestTimeout(Duration.ofSeconds(1)).build();
    }

    @AfterEach
    void restoreLogs() {
        root.detachAppender(appender);
        root.setLevel(rootLevel);
        ((Logger) LoggerFactory.getLogger("io.github.sarisync")).setLevel(Level.DEBUG);
    }

    private void attempt(Runnable call) {
        try {
            call.run();
        } catch (RuntimeException e) {
            thrown.add(e);
        }
    }

    @Test
    void noSecretTokenOrPersonalDataReachesALogLineOrAnException() {
        SariStubs.stubToken(wm);
        wm.stubFor(tokenRequest("refresh_token").withQueryParam("refresh_token", equalTo(REFRESH_TOKEN))
                .willReturn(okJson(tokenJson(SECOND_ACCESS, SECOND_REFRESH, 3600))));
        wm.stubFor(tokenRequest("refresh_token").withQueryParam("refresh_token", equalTo(SECOND_REFRESH))
                .willReturn(aResponse().withStatus(400).withBody("{\"error\":\"invalid_grant\",\"error_description\":\""
                        + SECOND_REFRESH + " expired\"}")));
        wm.stubFor(get(urlEqualTo(API + "/customer/" + FABER_ID + "/1990-01-31")).willReturn(ok("""
                {"faberid":"001234567","birthdate":"1990-01-31","firstname":"Anna","lastname":"Muster"}""")));
        wm.stubFor(get(urlEqualTo(API + "/coursedetail/61")).willReturn(ok("""
                [{"faberid":"001234567","firstname":"Anna","lastname":"Muster","birthdate":"1990-01-31"},
                 {"faberid":"1234567","firstname":"Anna","lastname":"Muster","birthdate":"31.01.1990"}]""")));
        wm.stubFor(get(urlEqualTo(API + "/courses/VKU")).willReturn(aResponse().withStatus(503)
                .withBody("<html>" + PASSWORD + "</html>")));
        wm.stubFor(put(urlEqualTo(API + "/personcourse")).willReturn(SariStubs.status(200, "LICENSE_EXPIRED")));
        wm.stubFor(delete(urlEqualTo(API + "/personcourse")).willReturn(aResponse().withStatus(401)));
        wm.stubFor(get(urlEqualTo(API + "/version/slow")).willReturn(ok("\"slow\"").withFixedDelay(2500)));
        wm.stubFor(get(urlEqualTo(API + "/version/reset")).willReturn(aResponse().withFault(Fault.CONNECTION_RESET_BY_PEER)));

        attempt(() -> client.customer(FABER_ID, BIRTHDATE));
        attempt(() -> client.courseDetail(61));
        attempt(() -> client.courses(CourseType.VKU));
        attempt(() -> client.enroll(61, FABER_ID, BIRTHDATE));
        attempt(() -> client.unenroll(61, FABER_ID));          // 401, renewal by refresh grant, 401 again
        attempt(() -> client.version("slow"));
        attempt(() -> client.version("reset"));
        clock.advance(Duration.ofHours(2));
        wm.stubFor(tokenRequest("refresh_token").willReturn(aResponse().withStatus(400)
                .withBody("{\"error\":\"invalid_grant\"}")));
        wm.stubFor(tokenRequest("password").willReturn(aResponse().withStatus(401)
                .withBody("{\"error\":\"invalid_client\",\"error_description\":\"" + CLIENT_SECRET + "\"}")));
        attempt(() -> client.courseDetail(61));               // refresh refused, password refused
        wm.stubFor(tokenRequest("password").willReturn(aResponse().withFault(Fault.CONNECTION_RESET_BY_PEER)));
        attempt(() -> client.authenticate());

        assertThat(thrown).hasSize(7);
        assertThat(thrown).extracting(t -> ((SariException) t).code()).contains(SariErrorCode.AUTHENTICATION_FAILED,
                SariErrorCode.UNAUTHORIZED, SariErrorCode.TIMEOUT, SariErrorCode.IO_ERROR, SariErrorCode.SERVER_ERROR);
        List<String> lines = ourLogLines();
        assertThat(lines).anyMatch(l -> l.contains("token")).anyMatch(l -> l.contains("****567"));
        for (String line : lines) {
            assertThat(line).doesNotContain(FORBIDDEN);
        }
        for (Throwable t : thrown) {
            for (Throwable c = t; c != null; c = c.getCause()) {
                assertThat(c.toString()).doesNotContain(FORBIDDEN);
                assertThat(String.valueOf(c.getMessage())).doesNotContain(FORBIDDEN);
            }
        }
        assertThat(client.toString()).doesNotContain(FORBIDDEN);
    }

    @Test
    void scrubbingRemovesSecretsAndQueryStringsFromForeignMessages() {
        Secrets secrets = new Secrets(SariStubs.CREDENTIALS);
        String message = "GET https://sari.example/oauth/v2/token?client_id=x&client_secret="
                + URLEncoder.encode(CLIENT_SECRET, StandardCharsets.UTF_8) + " failed; password " + PASSWORD;

        String scrubbed = secrets.scrub(message);

        assertThat(scrubbed).doesNotContain(FORBIDDEN).contains("https://sari.example/oauth/v2/token?****", "failed");
        assertThat(secrets.scrubbed(new IOException(message)).getMessage()).doesNotContain(FORBIDDEN)
                .startsWith("java.io.IOException: ");
    }

    private List<String> ourLogLines() {
        List<String> lines = new ArrayList<>();
        for (ILoggingEvent e : appender.list) {
            String logger = e.getLoggerName();
            if (logger.startsWith("com.github.tomakehurst") || logger.startsWith("wiremock")
                    || logger.startsWith("org.eclipse.jetty")) {
                continue;
            }
            String throwable = e.getThrowableProxy() == null ? "" : ThrowableProxyUtil.asString(e.getThrowableProxy());
            lines.add(logger + " " + e.getFormattedMessage() + " " + throwable + " " + e.getMDCPropertyMap());
        }
        return lines;
    }
}
