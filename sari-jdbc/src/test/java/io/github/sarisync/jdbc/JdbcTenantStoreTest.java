package io.github.sarisync.jdbc;

import io.github.sarisync.client.SariCredentials;
import io.github.sarisync.client.SariEnvironment;
import io.github.sarisync.credentials.AesGcmCredentialsCipher;
import io.github.sarisync.spi.CredentialsException;
import io.github.sarisync.spi.Tenant;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** Credentials at rest: only encrypted, readable back, rotatable; failures name the tenant, never a secret. */
class JdbcTenantStoreTest {
    private static final SariCredentials SECRET =
            new SariCredentials("client-7", "top-secret-client", "school-7", "hunter2-password");

    private final TestDatabase db = TestDatabase.h2();

    @AfterEach
    void close() {
        db.close();
    }

    @Test
    void credentialsAreStoredOnlyEncrypted() {
        db.jdbc().tenantStore().save(Tenant.of("tenant-1", "Eins", SariEnvironment.TEST), SECRET);

        String stored = storedCredentials("tenant-1");

        assertThat(stored).startsWith("k1:")
                .doesNotContain("top-secret-client", "hunter2-password", "client-7", "school-7");
        assertThat(db.jdbc().tenantStore().credentials("tenant-1")).isEqualTo(SECRET);
    }

    @Test
    void credentialsThatCannotBeDecryptedFailNamingTheTenantWithoutTheSecret() {
        db.jdbc().tenantStore().save(Tenant.of("tenant-1", "Eins", SariEnvironment.TEST), SECRET);
        SariJdbc otherKey = SariJdbc.builder().jdbi(db.jdbc().jdbi()).credentialsCipher(new TestCipher("k9")).build();

        assertThatThrownBy(() -> otherKey.tenantStore().credentials("tenant-1"))
                .isInstanceOf(CredentialsException.class)
                .hasMessageContaining("tenant-1")
                .satisfies(e -> assertThat(e.toString()).doesNotContain("top-secret-client", "hunter2-password",
                        storedCredentials("tenant-1")));
    }

    @Test
    void reencryptingMovesEveryCredentialToTheCurrentKey() {
        for (String id : List.of("tenant-1", "tenant-2", "tenant-3")) {
            db.jdbc().tenantStore().save(Tenant.of(id, id, SariEnvironment.TEST), SECRET);
        }
        SariJdbc rotated = SariJdbc.builder().jdbi(db.jdbc().jdbi()).credentialsCipher(new TestCipher("k2", "k1"))
                .build();

        int changed = rotated.tenantStore().reencryptCredentials();

        assertThat(changed).isEqualTo(3);
        assertThat(rotated.tenantStore().reencryptCredentials()).isZero();
        assertThat(storedCredentials("tenant-2")).startsWith("k2:");
        SariJdbc newKeyOnly = SariJdbc.builder().jdbi(db.jdbc().jdbi()).credentialsCipher(new TestCipher("k2")).build();
        assertThat(newKeyOnly.tenantStore().credentials("tenant-3")).isEqualTo(SECRET);
    }

    @Test
    void withAesGcmTheStoredValueIsAuthenticatedAndRotatesAcrossKeys() {
        String oldKey = AesGcmCredentialsCipher.generateKey();
        String newKey = AesGcmCredentialsCipher.generateKey();
        SariJdbc before = SariJdbc.builder().jdbi(db.jdbc().jdbi())
                .credentialsCipher(AesGcmCredentialsCipher.fromConfiguration("old:" + oldKey)).build();
        before.tenantStore().save(Tenant.of("tenant-1", "Eins", SariEnvironment.TEST), SECRET);
        before.tenantStore().save(Tenant.of("tenant-2", "Zwei", SariEnvironment.TEST), SECRET);
        SariJdbc after = SariJdbc.builder().jdbi(db.jdbc().jdbi())
                .credentialsCipher(AesGcmCredentialsCipher.fromConfiguration("new:" + newKey + ",old:" + oldKey))
                .build();

        assertThat(after.tenantStore().reencryptCredentials()).isEqualTo(2);

        assertThat(storedCredentials("tenant-1")).doesNotContain("hunter2-password");
        SariJdbc newOnly = SariJdbc.builder().jdbi(db.jdbc().jdbi())
                .credentialsCipher(AesGcmCredentialsCipher.fromConfiguration("new:" + newKey)).build();
        assertThat(newOnly.tenantStore().credentials("tenant-2")).isEqualTo(SECRET);
        tamper("tenant-1");
        assertThatThrownBy(() -> newOnly.tenantStore().credentials("tenant-1"))
                .isInstanceOf(CredentialsException.class).hasMessageContaining("tenant-1")
                .satisfies(e -> assertThat(e.toString()).doesNotContain("hunter2-password", "top-secret-client"));
    }

    @Test
    void aTenantStoreNeedsACipher() {
        SariJdbc withoutCipher = SariJdbc.builder().jdbi(db.jdbc().jdbi()).build();

        assertThatThrownBy(withoutCipher::tenantStore).isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("credentialsCipher(...)");
    }

    private String storedCredentials(String tenantId) {
        return db.jdbc().jdbi().withHandle(h -> h.createQuery("SELECT credentials FROM sari_tenants WHERE id = :id")
                .bind("id", tenantId).mapTo(String.class).one());
    }

    /** Flips one character in the middle of the stored value. */
    private void tamper(String tenantId) {
        String stored = storedCredentials(tenantId);
        int i = stored.length() / 2;
        String tampered = stored.substring(0, i) + (stored.charAt(i) == 'A' ? 'B' : 'A') + stored.substring(i + 1);
        db.jdbc().jdbi().useHandle(h -> h.createUpdate("UPDATE sari_tenants SET credentials = :c WHERE id = :id")
                .bind("c", tampered).bind("id", tenantId).execute());
    }
}
