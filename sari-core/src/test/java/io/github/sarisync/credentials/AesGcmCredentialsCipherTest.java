package io.github.sarisync.credentials;

import io.github.sarisync.client.SariEnvironment;
import io.github.sarisync.spi.CredentialsContext;
import io.github.sarisync.spi.CredentialsException;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import java.util.Arrays;
import java.util.Base64;
import java.util.HashSet;
import java.util.Set;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

class AesGcmCredentialsCipherTest {
    private static final byte[] K1 = key(1);
    private static final byte[] K2 = key(2);
    private static final byte[] K3 = key(3);
    static final CredentialsContext CTX = CredentialsContext.of("school-7", SariEnvironment.TEST, null);
    private static final String SECRET = "{\"clientSecret\":\"s3cr3t-Value\"}";

    static byte[] key(int seed) {
        byte[] key = new byte[32];
        for (int i = 0; i < key.length; i++) {
            key[i] = (byte) (seed * 31 + i * 7);
        }
        return key;
    }

    static AesGcmCredentialsCipher cipher(String current, byte[] currentKey) {
        return AesGcmCredentialsCipher.builder().currentKey(current, currentKey).build();
    }

    @Nested
    class RoundTrips {
        @ParameterizedTest
        @ValueSource(strings = {"", "a", SECRET, "Zürich – Grüezi 🚗 日本語", "line\nbreak\ttab\u0000nul"})
        void decryptReturnsWhatWasEncrypted(String plaintext) {
            AesGcmCredentialsCipher cipher = cipher("k1", K1);

            assertThat(cipher.decrypt(cipher.encrypt(plaintext, CTX), CTX)).isEqualTo(plaintext);
        }

        @Test
        void longValuesRoundTrip() {
            AesGcmCredentialsCipher cipher = cipher("k1", K1);
            String big = "x".repeat(100_000);

            assertThat(cipher.decrypt(cipher.encrypt(big, CTX), CTX)).isEqualTo(big);
        }

        @Test
        void valueIsTaggedWithFormatVersionAndKeyIdAndHidesThePlaintext() {
            String value = cipher("k1", K1).encrypt(SECRET, CTX);

            assertThat(value).startsWith("v2:k1:").doesNotContain("s3cr3t");
            byte[] payload = Base64.getDecoder().decode(value.substring("v2:k1:".length()));
            assertThat(payload).hasSize(12 + SECRET.length() + 16);
        }

        @Test
        void samePlaintextTwiceGivesDifferentValuesWithDifferentNonces() {
            AesGcmCredentialsCipher cipher = cipher("k1", K1);
            Set<String> values = new HashSet<>();
            Set<String> nonces = new HashSet<>();
            for (int i = 0; i < 200; i++) {
                String value = cipher.encrypt(SECRET, CTX);
                values.add(value);
                byte[] payload = Base64.getDecoder().decode(value.substring("v2:k1:".length()));
                nonces.add(Base64.getEncoder().encodeToString(Arrays.copyOf(payload, 12)));
            }

            assertThat(values).hasSize(200);
            assertThat(nonces).hasSize(200);
        }

        @Test
        void encryptRefusesNull() {
            assertThatThrownBy(() -> cipher("k1", K1).encrypt(null, CTX))
                    .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("plaintext");
        }
    }

    @Nested
    class Rotation {
        @Test
        void valuesWrittenUnderOlderKeysStayReadableAfterAThirdKeyBecomesCurrent() {
            String underK1 = cipher("k1", K1).encrypt("written with k1", CTX);
            String underK2 = AesGcmCredentialsCipher.builder().currentKey("k2", K2).oldKey("k1", K1).build()
                    .encrypt("written with k2", CTX);

            AesGcmCredentialsCipher k3 = AesGcmCredentialsCipher.builder()
                    .currentKey("k3", K3).oldKey("k2", K2).oldKey("k1", K1).build();

            assertThat(k3.decrypt(underK1, CTX)).isEqualTo("written with k1");
            assertThat(k3.decrypt(underK2, CTX)).isEqualTo("written with k2");
            assertThat(k3.isCurrent(underK1)).isFalse();
            assertThat(k3.isCurrent(underK2)).isFalse();
            assertThat(k3.keyIdOf(underK2)).isEqualTo("k2");
        }

        @Test
        void reEncryptionMovesValuesToTheCurrentKeySoOldKeysCanBeDropped() {
            String underK1 = cipher("k1", K1).encrypt("written with k1", CTX);
            AesGcmCredentialsCipher k3 = AesGcmCredentialsCipher.builder()
                    .currentKey("k3", K3).oldKey("k2", K2).oldKey("k1", K1).build();

            String rotated = k3.encrypt(k3.decrypt(underK1, CTX), CTX);

            assertThat(rotated).startsWith("v2:k3:");
            assertThat(k3.isCurrent(rotated)).isTrue();
            assertThat(cipher("k3", K3).decrypt(rotated, CTX)).isEqualTo("written with k1");
            assertThatThrownBy(() -> cipher("k3", K3).decrypt(underK1, CTX))
                    .isInstanceOf(CredentialsException.class)
                    .hasMessageContaining("'k1'").hasMessageContaining("not configured");
        }

        @Test
        void configurationStringNamesTheCurrentKeyFirst() {
            String config = "k3:" + b64(K3) + ", k2:" + b64(K2) + " ,k1:" + b64(K1);
            AesGcmCredentialsCipher cipher = AesGcmCredentialsCipher.fromConfiguration(config);

            assertThat(cipher.currentKeyId()).isEqualTo("k3");
            assertThat(cipher.keyIds()).containsExactly("k3", "k2", "k1");
            assertThat(cipher.decrypt(cipher("k1", K1).encrypt("old", CTX), CTX)).isEqualTo("old");
            assertThat(cipher.encrypt("new", CTX)).startsWith("v2:k3:");
        }

        @Test
        void currentKeyIdPicksAnotherConfiguredKeyAsCurrent() {
            AesGcmCredentialsCipher cipher = AesGcmCredentialsCipher.builder()
                    .keys("k1:" + b64(K1) + ",k2:" + b64(K2)).currentKeyId("k2").build();

            assertThat(cipher.currentKeyId()).isEqualTo("k2");
            assertThat(cipher.keyIds()).containsExactly("k2", "k1");
        }

        @Test
        void generatedKeysAreUsableAndDistinct() {
            String a = AesGcmCredentialsCipher.generateKey();
            String b = AesGcmCredentialsCipher.generateKey();

            assertThat(a).isNotEqualTo(b);
            assertThat(Base64.getDecoder().decode(a)).hasSize(32);
            AesGcmCredentialsCipher cipher = AesGcmCredentialsCipher.fromConfiguration("fresh:" + a);
            assertThat(cipher.decrypt(cipher.encrypt("ok", CTX), CTX)).isEqualTo("ok");
        }
    }

    @Nested
    class TamperDetection {
        private final AesGcmCredentialsCipher cipher = AesGcmCredentialsCipher.builder()
                .currentKey("k2", K2).oldKey("k1", K1).build();
        private final String value = cipher.encrypt(SECRET, CTX);

        private String flipBit(int byteIndex) {
            String prefix = "v2:k2:";
            byte[] payload = Base64.getDecoder().decode(value.substring(prefix.length()));
            int index = byteIndex < 0 ? payload.length + byteIndex : byteIndex;
            payload[index] ^= 0x01;
            return prefix + Base64.getEncoder().encodeToString(payload);
        }

        @Test
        void aFlippedBitInTheNonceIsDetected() {
            assertAuthenticationFails(flipBit(3));
        }

        @Test
        void aFlippedBitInTheBodyIsDetected() {
            assertAuthenticationFails(flipBit(12 + 5));
        }

        @Test
        void aFlippedBitInTheTagIsDetected() {
            assertAuthenticationFails(flipBit(-1));
        }

        @Test
        void aValueTruncatedToAValidShorterPayloadIsDetected() {
            byte[] payload = Base64.getDecoder().decode(value.substring("v2:k2:".length()));
            String shorter = "v2:k2:" + Base64.getEncoder().encodeToString(Arrays.copyOf(payload, payload.length - 3));

            assertAuthenticationFails(shorter);
        }

        @Test
        void aValueCutInTheMiddleOfItsBase64IsRefused() {
            assertThatThrownBy(() -> cipher.decrypt(value.substring(0, value.length() - 5), CTX))
                    .isInstanceOf(CredentialsException.class).hasMessageContaining("truncated");
        }

        @Test
        void aValueShorterThanNonceAndTagIsRefusedAsTruncated() {
            String tiny = "v2:k2:" + Base64.getEncoder().encodeToString(new byte[20]);

            assertThatThrownBy(() -> cipher.decrypt(tiny, CTX))
                    .isInstanceOf(CredentialsException.class).hasMessageContaining("too short");
        }

        @Test
        void aKeyIdChangedToAnotherConfiguredKeyIsDetected() {
            assertThatThrownBy(() -> cipher.decrypt(value.replace("v2:k2:", "v2:k1:"), CTX))
                    .isInstanceOf(CredentialsException.class).hasMessageContaining("authentication failed");
        }

        @Test
        void aKeyIdChangedToAnUnknownKeyIsRefusedNamingIt() {
            assertThatThrownBy(() -> cipher.decrypt(value.replace("v2:k2:", "v2:k9:"), CTX))
                    .isInstanceOf(CredentialsException.class)
                    .hasMessageContaining("'k9'").hasMessageContaining("not configured")
                    .hasMessageContaining("k2, k1");
        }

        @Test
        void anUnknownFormatVersionIsRefused() {
            assertThatThrownBy(() -> cipher.decrypt(value.replace("v2:k2:", "v3:k2:"), CTX))
                    .isInstanceOf(CredentialsException.class).hasMessageContaining("unknown format version 'v3'");
        }

        @ParameterizedTest
        @ValueSource(strings = {"plain text password", "v2:k2", "v2::AAAA", "a:b:c:d", "{\"clientId\":\"x\"}"})
        void valuesNotInTheFormatAreRefused(String garbage) {
            assertThatThrownBy(() -> cipher.decrypt(garbage, CTX)).isInstanceOf(CredentialsException.class);
            assertThat(cipher.isCurrent(garbage)).isFalse();
        }

        @Test
        void aMissingValueIsRefused() {
            assertThatThrownBy(() -> cipher.decrypt(null, CTX))
                    .isInstanceOf(CredentialsException.class).hasMessageContaining("no encrypted value");
            assertThatThrownBy(() -> cipher.decrypt("", CTX))
                    .isInstanceOf(CredentialsException.class).hasMessageContaining("no encrypted value");
        }

        @Test
        void theFailureNamesTheContextGivenByTheCaller() {
            assertThatThrownBy(() -> cipher.decrypt(flipBit(20), CTX))
                    .isInstanceOf(CredentialsException.class)
                    .hasMessageStartingWith("tenant school-7: stored credentials: authentication failed");
        }

        @Test
        void theSameKeyIdWithOtherKeyBytesFailsCleanly() {
            AesGcmCredentialsCipher impostor = cipher("k2", K3);

            assertAuthenticationFails(impostor, value);
        }

        private void assertAuthenticationFails(String tampered) {
            assertAuthenticationFails(cipher, tampered);
        }

        private void assertAuthenticationFails(AesGcmCredentialsCipher reader, String tampered) {
            CredentialsException e = catchThrowableOfType(CredentialsException.class, () -> reader.decrypt(tampered, CTX));
            assertThat(e).isNotNull();
            assertThat(e.getMessage()).contains("authentication failed with key 'k2'")
                    .doesNotContain("s3cr3t").doesNotContain(tampered.substring(6, 20));
            assertThat(e.getCause()).isNull();
        }
    }

    @Nested
    class Configuration {
        @ParameterizedTest
        @ValueSource(ints = {0, 16, 24, 31, 33, 64})
        void aKeyOfTheWrongLengthIsRefusedAtBuildNamingItsId(int length) {
            assertThatThrownBy(() -> AesGcmCredentialsCipher.builder().currentKey("k1", K1)
                    .oldKey("legacy", new byte[length]).build())
                    .isInstanceOf(IllegalArgumentException.class)
                    .hasMessageContaining("key 'legacy' must be 32 bytes (AES-256), was " + length + " bytes");
        }

        @Test
        void aWrongLengthKeyInConfigurationIsRefusedWithoutPrintingIt() {
            String shortKey = Base64.getEncoder().encodeToString(Arrays.copyOf(K1, 16));

            assertThatThrownBy(() -> AesGcmCredentialsCipher.fromConfiguration("k1:" + shortKey))
                    .isInstanceOf(IllegalArgumentException.class)
                    .hasMessageContaining("key 'k1' must be 32 bytes")
                    .satisfies(e -> assertThat(e.getMessage()).doesNotContain(shortKey));
        }

        @Test
        void aKeyThatIsNotBase64IsRefusedWithoutPrintingIt() {
            assertThatThrownBy(() -> AesGcmCredentialsCipher.fromConfiguration("k1:not*base64*at*all"))
                    .isInstanceOf(IllegalArgumentException.class)
                    .hasMessageContaining("key 'k1' is not valid base64")
                    .satisfies(e -> assertThat(e.getMessage()).doesNotContain("not*base64"));
        }

        @Test
        void malformedConfigurationEntriesAreRefusedByPosition() {
            assertThatThrownBy(() -> AesGcmCredentialsCipher.fromConfiguration("k1:" + b64(K1) + ",,k2"))
                    .isInstanceOf(IllegalArgumentException.class)
                    .hasMessageContaining("key entry 2 is not of the form id:base64key")
                    .hasMessageContaining("key entry 3 is not of the form id:base64key");
            assertThatThrownBy(() -> AesGcmCredentialsCipher.fromConfiguration("  "))
                    .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("key configuration is empty");
        }

        @Test
        void aDuplicateKeyIdIsRefused() {
            assertThatThrownBy(() -> AesGcmCredentialsCipher.builder().currentKey("k1", K1).oldKey("k1", K2).build())
                    .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("key id 'k1' is configured twice");
        }

        @ParameterizedTest
        @ValueSource(strings = {"", "has:colon", "has space", "a-very-long-key-id-that-goes-beyond-32"})
        void aMalformedKeyIdIsRefused(String id) {
            assertThatThrownBy(() -> cipher(id, K1))
                    .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("must be 1 to 32 letters");
        }

        @Test
        void aCurrentKeyIsRequired() {
            assertThatThrownBy(() -> AesGcmCredentialsCipher.builder().oldKey("k1", K1).build())
                    .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("a current key is required");
            assertThatThrownBy(() -> AesGcmCredentialsCipher.builder().oldKey("k1", K1).currentKeyId("k2").build())
                    .isInstanceOf(IllegalArgumentException.class)
                    .hasMessageContaining("current key 'k2' is not among the configured keys");
        }

        @Test
        void keysCopiedAtBuildAreNotChangedByTheCallerLater() {
            byte[] mine = K1.clone();
            AesGcmCredentialsCipher cipher = cipher("k1", mine);
            String value = cipher.encrypt("x", CTX);
            Arrays.fill(mine, (byte) 0);

            assertThat(cipher.decrypt(value, CTX)).isEqualTo("x");
        }

        @Test
        void toStringShowsKeyIdsButNoKeyMaterial() {
            AesGcmCredentialsCipher cipher = AesGcmCredentialsCipher.builder()
                    .currentKey("k2", K2).oldKey("k1", K1).build();

            assertThat(cipher.toString()).isEqualTo("AesGcmCredentialsCipher[current=k2, keys=[k2, k1]]")
                    .doesNotContain(b64(K1)).doesNotContain(b64(K2));
        }
    }

    static String b64(byte[] bytes) {
        return Base64.getEncoder().encodeToString(bytes);
    }
}
