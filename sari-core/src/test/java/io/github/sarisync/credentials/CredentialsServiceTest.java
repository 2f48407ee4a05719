package io.github.sarisync.credentials;

import io.github.sarisync.client.SariCredentials;
import io.github.sarisync.client.SariEnvironment;
import io.github.sarisync.spi.CredentialsException;
import io.github.sarisync.spi.Tenant;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import java.net.URI;
import java.util.List;
import java.util.NoSuchElementException;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class CredentialsServiceTest {
    private static final SariCredentials INITIAL =
            new SariCredentials("client-1", "initial-secret-x1", "school.user", "initial-pass-y1");
    private static final SariCredentials NEW =
            new SariCredentials("client-2", "n3w-s3cr3t-ab", "school.api", "n3w-p4ss-cd");

    private final AesGcmCredentialsCipher cipher = AesGcmCredentialsCipher.builder()
            .currentKey("k1", AesGcmCredentialsCipherTest.key(1)).build();
    private final EncryptingTenantStore store = new EncryptingTenantStore(cipher);
    private final CredentialsService service = CredentialsService.builder().tenantStore(store).build();

    @BeforeEach
    void oneTenant() {
        store.save(Tenant.of("school-1", "Fahrschule Eins", SariEnvironment.TEST).withPaused(true), INITIAL);
    }

    @Test
    void saveReplacesTheCredentialsAndTheStoreKeepsThemOnlyEncrypted() {
        service.save("school-1", NEW);

        assertThat(store.credentials("school-1")).isEqualTo(NEW);
        assertThat(store.sealed.get("school-1")).startsWith("v2:k1:")
                .doesNotContain("n3w-s3cr3t-ab").doesNotContain("n3w-p4ss-cd").doesNotContain("client-2");
        assertThat(store.find("school-1").orElseThrow().name()).isEqualTo("Fahrschule Eins");
    }

    @Test
    void saveForAnUnknownTenantFailsNamingIt() {
        assertThatThrownBy(() -> service.save("nobody", NEW))
                .isInstanceOf(NoSuchElementException.class).hasMessage("unknown tenant: nobody");
        assertThat(store.find("nobody")).isEmpty();
    }

    @Test
    void saveRefusesMissingCredentialsAndBlankParts() {
        assertThatThrownBy(() -> service.save("school-1", null))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("credentials must not be null");
        assertThatThrownBy(() -> service.save("school-1", new SariCredentials("client-2", " ", "u", "p")))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("clientSecret must not be null or blank");
        assertThatThrownBy(() -> service.save(" ", NEW))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("tenant id must not be blank");
        assertThat(store.credentials("school-1")).isEqualTo(INITIAL);
    }

    @Test
    void settingsShowClientIdAndUsernameInClearAndOfTheSecretsOnlyThatTheyAreSetAndALengthClass() {
        service.save("school-1", NEW);

        MaskedCredentials shown = service.settings("school-1");

        assertThat(shown).isEqualTo(new MaskedCredentials("school-1", "client-2", "set, 8-15 chars", "school.api",
                "set, 8-15 chars"));
        assertThat(shown.toString()).doesNotContain("n3w-s3cr3t").doesNotContain("n3w-p4ss")
                .doesNotContain("ab,").doesNotContain("cd]");
    }

    @ParameterizedTest
    @ValueSource(strings = {"q", "Qz", "Qz9", "Qz9!", "Qz9!Qz9!Qz9!Qz9!Qz9!Qz9!Qz9!Qz9!Qz9!"})
    void settingsOfShortAndLongSecretsRevealNoCharacterOfThem(String secret) {
        service.save("school-1", new SariCredentials("c", secret, "u", secret));

        MaskedCredentials shown = service.settings("school-1");

        for (String masked : List.of(shown.maskedClientSecret(), shown.maskedPassword())) {
            assertThat(masked).startsWith("set, ");
            for (char c : secret.toCharArray()) {
                assertThat(masked).as("masked form of a secret").doesNotContain(String.valueOf(c));
            }
        }
        assertThat(new SariCredentials("c", secret, "u", secret).toString()).doesNotContain(secret.substring(0, 1))
                .contains("clientSecret=<set, ");
    }

    @Test
    void retargetMovesTheStoredCredentialsToTheNewTargetAndTheOldBindingNoLongerReadsThem() {
        String before = store.sealed.get("school-1");

        service.retarget("school-1", SariEnvironment.PRODUCTION);

        assertThat(store.find("school-1").orElseThrow().environment()).isEqualTo(SariEnvironment.PRODUCTION);
        assertThat(store.find("school-1").orElseThrow().paused()).isTrue();
        assertThat(store.credentials("school-1")).isEqualTo(INITIAL);
        store.sealed.put("school-1", before);
        assertThatThrownBy(() -> store.credentials("school-1"))
                .isInstanceOf(CredentialsException.class).hasMessageContaining("school-1")
                .hasMessageContaining("another tenant or SARI target");
    }

    @Test
    void retargetToAnAddressTheHostPolicyRefusesChangesNothing() {
        assertThatThrownBy(() -> service.retarget("school-1", URI.create("https://evil.example")))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("school-1")
                .hasMessageContaining("https://evil.example");

        assertThat(store.find("school-1").orElseThrow().environment()).isEqualTo(SariEnvironment.TEST);
        assertThat(store.credentials("school-1")).isEqualTo(INITIAL);
    }

    @Test
    void aConnectionTestRefusesToSendCredentialsToAnAddressTheHostPolicyDoesNotAllow() {
        assertThatThrownBy(() -> service.test(URI.create("http://169.254.169.254/latest"), NEW))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("connection test")
                .hasMessageContaining("metadata");
        assertThatThrownBy(() -> service.test(URI.create("https://sari.evil.example"), NEW))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("allow-list");
    }

    @Test
    void settingsOfTamperedCredentialsFailNamingTheTenant() {
        String value = store.sealed.get("school-1");
        store.sealed.put("school-1", value.substring(0, value.length() - 8) + "AAAAAAA=");

        assertThatThrownBy(() -> service.settings("school-1"))
                .isInstanceOf(CredentialsException.class)
                .hasMessageContaining("school-1")
                .hasMessageContaining("altered or truncated")
                .satisfies(e -> assertThat(e.getMessage()).doesNotContain("initial-secret"));
    }

    @Test
    void settingsOfAnUnknownTenantFailNamingIt() {
        assertThatThrownBy(() -> service.settings("ghost"))
                .isInstanceOf(NoSuchElementException.class).hasMessage("unknown tenant: ghost");
    }

    @Test
    void disableAndEnableKeepThePausedFlagAndTheCredentials() {
        service.disable("school-1");

        Tenant disabled = store.find("school-1").orElseThrow();
        assertThat(disabled.enabled()).isFalse();
        assertThat(disabled.paused()).isTrue();
        assertThat(store.findEnabled()).isEmpty();

        service.enable("school-1");

        Tenant enabled = store.find("school-1").orElseThrow();
        assertThat(enabled.enabled()).isTrue();
        assertThat(enabled.paused()).isTrue();
        assertThat(store.credentials("school-1")).isEqualTo(INITIAL);
    }

    @Test
    void enableOfAnUnknownTenantFailsNamingIt() {
        assertThatThrownBy(() -> service.enable("ghost"))
                .isInstanceOf(NoSuchElementException.class).hasMessage("unknown tenant: ghost");
        assertThatThrownBy(() -> service.disable("ghost"))
                .isInstanceOf(NoSuchElementException.class).hasMessage("unknown tenant: ghost");
    }

    @Test
    void testingRefusesMissingArguments() {
        assertThatThrownBy(() -> service.test((Tenant) null, NEW))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("tenant must not be null");
        assertThatThrownBy(() -> service.test(SariEnvironment.TEST, null))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("credentials must not be null");
        assertThatThrownBy(() -> service.test((java.net.URI) null, NEW))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("baseUri must not be null");
    }

    @Test
    void theBuilderRequiresATenantStore() {
        assertThatThrownBy(() -> CredentialsService.builder().build())
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("tenantStore is required");
        assertThatThrownBy(() -> CredentialsService.builder().tenantStore(store).clientFactory(null).build())
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("clientFactory");
    }
}
