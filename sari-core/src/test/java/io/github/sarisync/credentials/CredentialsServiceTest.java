package io.github.sarisync.credentials;

import io.github.sarisync.client.SariCredentials;
import io.github.sarisync.client.SariEnvironment;
import io.github.sarisync.spi.CredentialsException;
import io.github.sarisync.spi.Tenant;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

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
        assertThat(store.sealed.get("school-1")).startsWith("v1:k1:")
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
    void settingsShowClientIdAndUsernameInClearAndOnlyTheLastTwoCharactersOfTheSecrets() {
        service.save("school-1", NEW);

        MaskedCredentials shown = service.settings("school-1");

        assertThat(shown).isEqualTo(new MaskedCredentials("school-1", "client-2", "********ab", "school.api",
                "********cd"));
        assertThat(shown.toString()).doesNotContain("n3w-s3cr3t").doesNotContain("n3w-p4ss");
    }

    @Test
    void settingsOfShortSecretsRevealNothingOfThem() {
        service.save("school-1", new SariCredentials("c", "abc", "u", "xyz1"));

        MaskedCredentials shown = service.settings("school-1");

        assertThat(shown.maskedClientSecret()).isEqualTo("****");
        assertThat(shown.maskedPassword()).isEqualTo("****");
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
