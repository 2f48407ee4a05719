package io.github.sarisync.credentials;

import io.github.sarisync.client.SariCredentials;
import io.github.sarisync.spi.CredentialsContext;
import io.github.sarisync.spi.CredentialsException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class CredentialsCodecTest {
    private static final SariCredentials CREDENTIALS =
            new SariCredentials("client-7", "s3cr3t\"quoted\\", "fahrschule.muster", "pässwörd 🚗");
    private final AesGcmCredentialsCipher cipher = AesGcmCredentialsCipher.builder()
            .currentKey("k1", AesGcmCredentialsCipherTest.key(1)).build();

    @Test
    void jsonRoundTripKeepsEveryPartIncludingQuotesAndUnicode() {
        String json = CredentialsCodec.toJson(CREDENTIALS);

        assertThat(json).startsWith("{\"clientId\":\"client-7\",").doesNotContain("\n");
        assertThat(CredentialsCodec.fromJson(json)).isEqualTo(CREDENTIALS);
    }

    @Test
    void sealedValueIsEncryptedAndOpensToTheSameCredentials() {
        String stored = CredentialsCodec.seal(cipher, CREDENTIALS, context("t-1"));

        assertThat(stored).startsWith("v2:k1:").doesNotContain("client-7").doesNotContain("fahrschule");
        assertThat(CredentialsCodec.open(cipher, stored, context("t-1"))).isEqualTo(CREDENTIALS);
    }

    @Test
    void unknownFieldsAreIgnored() {
        String json = "{\"clientId\":\"a\",\"clientSecret\":\"b\",\"username\":\"c\",\"password\":\"d\",\"note\":1}";

        assertThat(CredentialsCodec.fromJson(json)).isEqualTo(new SariCredentials("a", "b", "c", "d"));
    }

    @Test
    void missingOrBlankPartsAreNamedWithoutEchoingTheOthers() {
        String json = "{\"clientId\":\"a\",\"clientSecret\":\"topsecret\",\"username\":\" \"}";

        assertThatThrownBy(() -> CredentialsCodec.fromJson(json))
                .isInstanceOf(CredentialsException.class)
                .hasMessage("stored credentials lack username, password");
    }

    @ParameterizedTest
    @ValueSource(strings = {"{\"clientSecret\":\"topsecret", "topsecret", "[\"topsecret\"]"})
    void unreadableTextIsRefusedWithoutQuotingIt(String text) {
        assertThatThrownBy(() -> CredentialsCodec.fromJson(text))
                .isInstanceOf(CredentialsException.class)
                .satisfies(e -> assertThat(e.getMessage()).doesNotContain("topsecret"))
                .hasNoCause();
    }

    @Test
    void aTamperedStoredValueFailsNamingTheTenant() {
        String stored = CredentialsCodec.seal(cipher, CREDENTIALS, context("school-42"));
        String tampered = stored.substring(0, stored.length() - 6) + (stored.endsWith("AAAA==") ? "BBBB==" : "AAAA==");

        assertThatThrownBy(() -> CredentialsCodec.open(cipher, tampered, context("school-42")))
                .isInstanceOf(CredentialsException.class)
                .hasMessageStartingWith("tenant school-42: stored credentials")
                .hasMessageContaining("authentication failed");
    }

    @Test
    void nullCredentialsAreRefused() {
        assertThatThrownBy(() -> CredentialsCodec.toJson(null)).isInstanceOf(IllegalArgumentException.class);
    }

    private static CredentialsContext context(String tenantId) {
        return CredentialsContext.of(tenantId, null, null);
    }
}
