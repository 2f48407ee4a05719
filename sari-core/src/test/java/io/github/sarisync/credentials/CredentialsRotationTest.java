package io.github.sarisync.credentials;

import io.github.sarisync.client.SariCredentials;
import io.github.sarisync.client.SariEnvironment;
import io.github.sarisync.spi.CredentialsContext;
import io.github.sarisync.spi.Tenant;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

class CredentialsRotationTest {
    private static final byte[] K1 = AesGcmCredentialsCipherTest.key(1);
    private static final byte[] K2 = AesGcmCredentialsCipherTest.key(2);
    private static final byte[] K3 = AesGcmCredentialsCipherTest.key(3);

    private static CredentialsContext ctx(String tenantId) {
        return CredentialsContext.of(tenantId, null, null);
    }

    private static SariCredentials credentials(int n) {
        return new SariCredentials("client-" + n, "secret-" + n, "user-" + n, "password-" + n);
    }

    @Test
    void rotationReEncryptsEveryValueUnderOlderKeysAndReportsHowManyRowsChanged() {
        AesGcmCredentialsCipher k1 = AesGcmCredentialsCipher.builder().currentKey("k1", K1).build();
        AesGcmCredentialsCipher k2 = AesGcmCredentialsCipher.builder().currentKey("k2", K2).oldKey("k1", K1).build();
        AesGcmCredentialsCipher k3 = AesGcmCredentialsCipher.builder()
                .currentKey("k3", K3).oldKey("k2", K2).oldKey("k1", K1).build();
        EncryptingTenantStore store = new EncryptingTenantStore(k3);
        store.sealed.put("a", CredentialsCodec.seal(k1, credentials(1), store.context("a")));
        store.sealed.put("b", CredentialsCodec.seal(k1, credentials(2), store.context("b")));
        store.sealed.put("c", CredentialsCodec.seal(k2, credentials(3), store.context("c")));
        store.save(Tenant.of("d", "D", SariEnvironment.TEST), credentials(4));

        CredentialsRotation.Result result = CredentialsRotation.rotate(k3, store);

        assertThat(result.examined()).isEqualTo(4);
        assertThat(result.reencrypted()).isEqualTo(3);
        assertThat(result.current()).isEqualTo(1);
        assertThat(result.failed()).isEmpty();
        assertThat(store.sealed.values()).allMatch(k3::isCurrent);
        AesGcmCredentialsCipher onlyK3 = AesGcmCredentialsCipher.builder().currentKey("k3", K3).build();
        EncryptingTenantStore afterDroppingOldKeys = new EncryptingTenantStore(onlyK3);
        afterDroppingOldKeys.tenants.putAll(store.tenants);
        afterDroppingOldKeys.sealed.putAll(store.sealed);
        assertThat(afterDroppingOldKeys.credentials("a")).isEqualTo(credentials(1));
        assertThat(afterDroppingOldKeys.credentials("c")).isEqualTo(credentials(3));
        assertThat(afterDroppingOldKeys.credentials("d")).isEqualTo(credentials(4));

        assertThat(CredentialsRotation.rotate(k3, store).reencrypted()).isZero();
    }

    @Test
    void aValueThatCannotBeDecryptedIsListedAndLeftWhileTheOthersRotate() {
        AesGcmCredentialsCipher k2 = AesGcmCredentialsCipher.builder().currentKey("k2", K2).build();
        String lost = AesGcmCredentialsCipher.builder().currentKey("k0", K3).build().encrypt("x", ctx("lost"));
        String old = AesGcmCredentialsCipher.builder().currentKey("k1", K1).build()
                .encrypt(CredentialsCodec.toJson(credentials(1)), ctx("old"));
        EncryptingTenantStore store = new EncryptingTenantStore(
                AesGcmCredentialsCipher.builder().currentKey("k2", K2).oldKey("k1", K1).build());
        store.sealed.putAll(Map.of("lost", lost, "old", old));

        CredentialsRotation.Result result = CredentialsRotation.rotate(
                AesGcmCredentialsCipher.builder().currentKey("k2", K2).oldKey("k1", K1).build(), store);

        assertThat(result.reencrypted()).isEqualTo(1);
        assertThat(result.failedTenants()).containsExactly("lost");
        assertThat(result.failed().get("lost")).contains("'k0'").contains("not configured");
        assertThat(store.sealed.get("lost")).isEqualTo(lost);
        assertThat(k2.isCurrent(store.sealed.get("old"))).isTrue();
    }

    @Test
    void aValueChangedDuringTheRotationIsNotOverwritten() {
        AesGcmCredentialsCipher cipher = AesGcmCredentialsCipher.builder()
                .currentKey("k2", K2).oldKey("k1", K1).build();
        String old = AesGcmCredentialsCipher.builder().currentKey("k1", K1).build().encrypt("old", ctx("t"));
        String savedMeanwhile = cipher.encrypt("new", ctx("t"));
        CredentialsRotation.Target racing = new CredentialsRotation.Target() {
            @Override
            public List<CredentialsRotation.Stored> encryptedCredentials() {
                return List.of(new CredentialsRotation.Stored(ctx("t"), old));
            }

            @Override
            public boolean replaceEncryptedCredentials(String tenantId, String expected, String replacement) {
                return savedMeanwhile.equals(expected);
            }
        };

        CredentialsRotation.Result result = CredentialsRotation.rotate(cipher, racing);

        assertThat(result.reencrypted()).isZero();
        assertThat(result.changedMeanwhile()).isEqualTo(1);
    }
}
