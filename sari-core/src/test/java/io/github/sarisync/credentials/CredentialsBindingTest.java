package io.github.sarisync.credentials;

import io.github.sarisync.TestClock;
import io.github.sarisync.client.SariCredentials;
import io.github.sarisync.client.SariEnvironment;
import io.github.sarisync.memory.InMemoryCourseStore;
import io.github.sarisync.memory.InMemorySyncLogStore;
import io.github.sarisync.spi.CredentialsException;
import io.github.sarisync.spi.Tenant;
import io.github.sarisync.sync.SARISyncEngine;
import io.github.sarisync.sync.SyncOutcome;
import io.github.sarisync.sync.TenantSyncResult;
import org.junit.jupiter.api.Test;

import java.net.URI;
import java.time.Instant;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * Stored credentials are bound to their tenant and SARI target: whoever can write one row cannot
 * move school A's credentials to school B, or point a row at another address and keep them.
 */
class CredentialsBindingTest {
    private static final byte[] K1 = AesGcmCredentialsCipherTest.key(1);
    private static final SariCredentials SCHOOL_A = new SariCredentials("client-a", "a-Secret-77", "user-a",
            "a-Password-77");
    private static final SariCredentials SCHOOL_B = new SariCredentials("client-b", "b-Secret-88", "user-b",
            "b-Password-88");

    private final AesGcmCredentialsCipher cipher = AesGcmCredentialsCipher.builder().currentKey("k1", K1).build();
    private final EncryptingTenantStore store = new EncryptingTenantStore(cipher);

    private void twoSchools() {
        store.save(Tenant.of("school-a", "A", SariEnvironment.PRODUCTION), SCHOOL_A);
        store.save(Tenant.of("school-b", "B", SariEnvironment.PRODUCTION), SCHOOL_B);
    }

    private TenantSyncResult engineRun(String tenantId) {
        try (SARISyncEngine engine = SARISyncEngine.builder().tenantStore(store).courseStore(new InMemoryCourseStore())
                .syncLogStore(new InMemorySyncLogStore()).clock(new TestClock(Instant.parse("2026-03-02T08:00:00Z")))
                .build()) {
            return engine.syncTenant(tenantId);
        }
    }

    @Test
    void aValueCopiedOntoAnotherTenantsRowFailsNamingThatTenantAndTheEngineSendsNothing() {
        twoSchools();
        store.sealed.put("school-b", store.sealed.get("school-a"));

        assertThatThrownBy(() -> store.credentials("school-b"))
                .isInstanceOf(CredentialsException.class).hasMessageStartingWith("tenant school-b:")
                .hasMessageContaining("belongs to another tenant or SARI target")
                .satisfies(e -> assertThat(e.getMessage()).doesNotContain("a-Secret-77", "a-Password-77"));
        TenantSyncResult run = engineRun("school-b");
        assertThat(run.outcome()).isEqualTo(SyncOutcome.FAILED);
        assertThat(run.errorCode()).isEqualTo("CREDENTIALS");
        assertThat(run.errorMessage()).contains("school-b").doesNotContain("a-Secret-77");
        assertThat(store.credentials("school-a")).isEqualTo(SCHOOL_A);
    }

    @Test
    void aRowRePointedAtAnotherAddressNoLongerDecrypts() {
        twoSchools();
        store.tenants.put("school-a", Tenant.of("school-a", "A", URI.create("https://sari.evil.example")));

        assertThatThrownBy(() -> store.credentials("school-a"))
                .isInstanceOf(CredentialsException.class).hasMessageStartingWith("tenant school-a:")
                .hasMessageContaining("uri:https://sari.evil.example:443");
        store.tenants.put("school-a", Tenant.of("school-a", "A", SariEnvironment.TEST));
        assertThatThrownBy(() -> store.credentials("school-a")).isInstanceOf(CredentialsException.class);
        store.tenants.put("school-a", Tenant.of("school-a", "A", SariEnvironment.PRODUCTION));
        assertThat(store.credentials("school-a")).isEqualTo(SCHOOL_A);
    }

    @Test
    void anUnboundValueIsRefusedByTheEngineNamingTheTenantAndTheMigration() {
        twoSchools();
        store.sealed.put("school-a", UnboundValues.v1("k1", K1, CredentialsCodec.toJson(SCHOOL_A)));

        TenantSyncResult run = engineRun("school-a");

        assertThat(run.errorCode()).isEqualTo("CREDENTIALS");
        assertThat(run.errorMessage()).contains("tenant school-a").contains("old format v1")
                .contains("CredentialsRotation");
    }

    @Test
    void theMigrationBindsAnUnboundValueToItsOwnRowSoItReadsThereAndNowhereElse() {
        twoSchools();
        String unbound = UnboundValues.v1("k1", K1, CredentialsCodec.toJson(SCHOOL_A));
        store.sealed.put("school-a", unbound);

        CredentialsRotation.Result result = CredentialsRotation.rotate(cipher, store);

        assertThat(result.migrated()).isEqualTo(1);
        assertThat(result.reencrypted()).isEqualTo(1);
        assertThat(result.current()).isEqualTo(1);
        assertThat(result.failed()).isEmpty();
        assertThat(store.sealed.get("school-a")).startsWith("v2:k1:");
        assertThat(store.credentials("school-a")).isEqualTo(SCHOOL_A);
        store.sealed.put("school-b", store.sealed.get("school-a"));
        assertThatThrownBy(() -> store.credentials("school-b")).isInstanceOf(CredentialsException.class);
    }

    @Test
    void anUnboundValueUnderAKeyThatIsNotConfiguredIsListedAsFailedAndLeftAlone() {
        twoSchools();
        String unbound = UnboundValues.v1("k0", AesGcmCredentialsCipherTest.key(9), CredentialsCodec.toJson(SCHOOL_A));
        store.sealed.put("school-a", unbound);

        CredentialsRotation.Result result = CredentialsRotation.rotate(cipher, store);

        assertThat(result.failedTenants()).containsExactly("school-a");
        assertThat(result.failed().get("school-a")).contains("'k0'").contains("not configured");
        assertThat(store.sealed.get("school-a")).isEqualTo(unbound);
    }
}
