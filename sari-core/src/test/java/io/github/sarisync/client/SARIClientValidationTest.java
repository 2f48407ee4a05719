package io.github.sarisync.client;

import io.github.sarisync.TestClock;
import com.github.tomakehurst.wiremock.junit5.WireMockExtension;
import org.assertj.core.api.ThrowableAssert.ThrowingCallable;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

import java.net.URI;
import java.time.Duration;
import java.time.LocalDate;
import java.util.stream.Stream;

import static io.github.sarisync.client.SariStubs.START;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;
import static org.junit.jupiter.params.provider.Arguments.arguments;

/** Bad input fails before any HTTP call; the builder refuses bad settings naming them. */
class SARIClientValidationTest {
    private static final LocalDate BIRTHDATE = LocalDate.of(1990, 1, 31);

    @RegisterExtension
    static WireMockExtension wm = SariStubs.wireMock();

    private static SARIClient client;

    @BeforeEach
    void setUp() {
        TestClock clock = new TestClock(START);
        client = SariStubs.client(wm, clock, new RecordingSleeper(clock)).build();
        SariStubs.stubToken(wm);
    }

    static Stream<Arguments> badCalls() {
        return Stream.of(
                arguments("null version text", (ThrowingCallable) () -> client.version(null), "version text"),
                arguments("blank version text", (ThrowingCallable) () -> client.version("  "), "version text"),
                arguments("null faberid", (ThrowingCallable) () -> client.customer(null, BIRTHDATE), "faberId"),
                arguments("blank faberid", (ThrowingCallable) () -> client.customer(" ", BIRTHDATE), "faberId"),
                arguments("faberid with letters", (ThrowingCallable) () -> client.customer("12a45", BIRTHDATE), "faberId"),
                arguments("faberid with a slash", (ThrowingCallable) () -> client.enroll(61, "123/45", BIRTHDATE), "faberId"),
                arguments("null birthdate", (ThrowingCallable) () -> client.customer("1234567", null), "birthdate"),
                arguments("enroll without birthdate", (ThrowingCallable) () -> client.enroll(61, "1234567", null), "birthdate"),
                arguments("zero course id", (ThrowingCallable) () -> client.courseDetail(0), "courseId"),
                arguments("negative course id", (ThrowingCallable) () -> client.enroll(-1, "1234567", BIRTHDATE), "courseId"),
                arguments("unenroll negative course id", (ThrowingCallable) () -> client.unenroll(-5, "1234567"), "courseId"),
                arguments("unenroll blank faberid", (ThrowingCallable) () -> client.unenroll(61, ""), "faberId"),
                arguments("null course type", (ThrowingCallable) () -> client.courses(null), "course type"),
                arguments("null course type feed", (ThrowingCallable) () -> client.courseFeed(null), "course type"));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("badCalls")
    void badInputFailsBeforeAnyHttpCall(String name, ThrowingCallable call, String named) {
        assertThatIllegalArgumentException().isThrownBy(call).withMessageContaining(named);

        assertThat(wm.getAllServeEvents()).isEmpty();
    }

    @Test
    void credentialsWithABlankPartAreRefusedNamingThePart() {
        assertThatIllegalArgumentException().isThrownBy(() -> new SariCredentials("id", " ", "user", "pw"))
                .withMessageContaining("clientSecret");
        assertThatIllegalArgumentException().isThrownBy(() -> new SariCredentials("id", "secret", "user", null))
                .withMessageContaining("password");
    }

    @Test
    void credentialsMaskSecretAndPasswordInToString() {
        assertThat(SariStubs.CREDENTIALS.toString()).contains(SariStubs.CLIENT_ID, SariStubs.USERNAME)
                .doesNotContain(SariStubs.CLIENT_SECRET, SariStubs.PASSWORD);
        assertThat(client.toString()).doesNotContain(SariStubs.CLIENT_SECRET, SariStubs.PASSWORD);
    }

    @Test
    void plainHttpIsRefusedForProduction() {
        assertThatIllegalArgumentException().isThrownBy(() -> SARIClient.builder()
                        .environment(SariEnvironment.PRODUCTION).baseUri(URI.create("http://www.vku-pgs.asa.ch"))
                        .credentials(SariStubs.CREDENTIALS).build())
                .withMessageContaining("plain http");
        assertThatIllegalArgumentException().isThrownBy(() -> SARIClient.builder()
                        .baseUri(URI.create("http://WWW.VKU-PGS.ASA.CH/")).credentials(SariStubs.CREDENTIALS).build())
                .withMessageContaining("plain http");
    }

    @Test
    void theEnvironmentsUseTheDocumentedHostsOverHttps() {
        SARIClient test = SARIClient.builder().environment(SariEnvironment.TEST).credentials(SariStubs.CREDENTIALS).build();
        SARIClient prod = SARIClient.builder().environment(SariEnvironment.PRODUCTION)
                .credentials(SariStubs.CREDENTIALS).build();

        assertThat(test.baseUri()).isEqualTo(URI.create("https://sari-v4-test.ky2help.com"));
        assertThat(prod.baseUri()).isEqualTo(URI.create("https://www.vku-pgs.asa.ch"));
    }

    @Test
    void theBuilderNamesTheMissingOrBadSetting() {
        assertThatIllegalArgumentException().isThrownBy(() -> SARIClient.builder().environment(SariEnvironment.TEST)
                .build()).withMessageContaining("credentials");
        assertThatIllegalArgumentException().isThrownBy(() -> SARIClient.builder()
                .credentials(SariStubs.CREDENTIALS).build()).withMessageContaining("environment");
        assertThatIllegalArgumentException().isThrownBy(() -> SARIClient.builder().environment(SariEnvironment.TEST)
                .credentials(SariStubs.CREDENTIALS).requestTimeout(Duration.ZERO).build())
                .withMessageContaining("requestTimeout");
        assertThatIllegalArgumentException().isThrownBy(() -> SARIClient.builder().environment(SariEnvironment.TEST)
                .credentials(SariStubs.CREDENTIALS).maxResponseBytes(0).build())
                .withMessageContaining("maxResponseBytes");
        assertThatIllegalArgumentException().isThrownBy(() -> SARIClient.builder()
                .baseUri(URI.create("ftp://example.org")).credentials(SariStubs.CREDENTIALS).build())
                .withMessageContaining("http or https");
    }
}
