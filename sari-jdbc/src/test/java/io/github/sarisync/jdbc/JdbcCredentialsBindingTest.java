package io.github.sarisync.jdbc;

import io.github.sarisync.client.SariCredentials;
import io.github.sarisync.client.SariEnvironment;
import io.github.sarisync.credentials.AesGcmCredentialsCipher;
import io.github.sarisync.credentials.CredentialsCodec;
import io.github.sarisync.spi.CredentialsException;
import io.github.sarisync.spi.Tenant;
import io.github.sarisync.sync.SARISyncEngine;
import io.github.sarisync.sync.SyncOutcome;
import io.github.sarisync.sync.TenantSyncResult;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

import javax.crypto.Cipher;
import javax.crypto.spec.GCMParameterSpec;
import javax.crypto.spec.SecretKeySpec;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.SecureRandom;
import java.util.Base64;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * Whoever can write rows of the tenants table (a support tool, an SQL injection elsewhere in the
 * host) cannot move a school's credentials to another school or send them to another address.
 */
class JdbcCredentialsBindingTest {
    private static final String KEY = AesGcmCredentialsCipher.generateKey();
    private static final SariCredentials SCHOOL_A = new SariCredentials("client-a", "a-Secret-771", "user-a",
            "a-Password-771");
    private static final SariCredentials SCHOOL_B = new SariCredentials("client-b", "b-Secret-882", "user-b",
            "b-Password-882");

    private record Setup(TestDatabase db, SariJdbc jdbc) implements AutoCloseable {
        void sql(String statement, String value, String id) {
            jdbc.jdbi().useHandle(h -> h.createUpdate(statement).bind("v", value).bind("id", id).execute());
        }

        String stored(String id) {
            return jdbc.jdbi().withHandle(h -> h.createQuery("SELECT credentials FROM sari_tenants WHERE id = :id")
                    .bind("id", id).mapTo(String.class).one());
        }

        TenantSyncResult engineRun(String id) {
            try (SARISyncEngine engine = SARISyncEngine.builder().tenantStore(jdbc.tenantStore())
                    .courseStore(jdbc.courseStore()).syncLogStore(jdbc.syncLogStore()).lock(jdbc.syncLock()).build()) {
                return engine.syncTenant(id);
            }
        }

        @Override
        public void close() {
            db.close();
        }
    }

    private static Setup twoSchools(Dialect dialect) {
        TestDatabase db = TestDatabase.of(dialect);
        SariJdbc jdbc = SariJdbc.builder().jdbi(db.jdbc().jdbi()).dialect(dialect)
                .credentialsCipher(AesGcmCredentialsCipher.fromConfiguration("k1:" + KEY))
                .initializeSchema(SchemaInitialization.NEVER).build();
        jdbc.tenantStore().save(Tenant.of("school-a", "A", SariEnvironment.PRODUCTION), SCHOOL_A);
        jdbc.tenantStore().save(Tenant.of("school-b", "B", SariEnvironment.PRODUCTION), SCHOOL_B);
        return new Setup(db, jdbc);
    }

    @ParameterizedTest
    @EnumSource(Dialect.class)
    void aValueCopiedOntoAnotherSchoolsRowFailsNamingThatSchoolAndIsNeverSent(Dialect dialect) {
        try (Setup s = twoSchools(dialect)) {
            s.sql("UPDATE sari_tenants SET credentials = :v WHERE id = :id", s.stored("school-a"), "school-b");

            assertThatThrownBy(() -> s.jdbc().tenantStore().credentials("school-b"))
                    .isInstanceOf(CredentialsException.class).hasMessageStartingWith("tenant school-b:")
                    .hasMessageContaining("another tenant or SARI target")
                    .satisfies(e -> assertThat(e.toString()).doesNotContain("a-Secret-771", "a-Password-771"));
            TenantSyncResult run = s.engineRun("school-b");
            assertThat(run.outcome()).isEqualTo(SyncOutcome.FAILED);
            assertThat(run.errorCode()).isEqualTo("CREDENTIALS");
            assertThat(run.errorMessage()).contains("school-b").doesNotContain("a-Secret-771");
            assertThat(s.jdbc().tenantStore().credentials("school-a")).isEqualTo(SCHOOL_A);
        }
    }

    @ParameterizedTest
    @EnumSource(Dialect.class)
    void aRowRePointedBySqlNoLongerDecryptsAndItsAddressIsRefusedAtClientBuild(Dialect dialect) {
        try (Setup s = twoSchools(dialect)) {
            s.sql("UPDATE sari_tenants SET environment = NULL, base_uri = :v WHERE id = :id",
                    "https://sari.evil.example", "school-a");

            assertThatThrownBy(() -> s.jdbc().tenantStore().credentials("school-a"))
                    .isInstanceOf(CredentialsException.class).hasMessageStartingWith("tenant school-a:");
            TenantSyncResult run = s.engineRun("school-a");
            assertThat(run.errorCode()).isEqualTo("HOST_NOT_ALLOWED");
            assertThat(run.errorMessage()).contains("school-a").contains("https://sari.evil.example");

            s.sql("UPDATE sari_tenants SET environment = :v, base_uri = NULL WHERE id = :id", "TEST", "school-a");
            assertThat(s.engineRun("school-a").errorCode()).isEqualTo("CREDENTIALS");
        }
    }

    @ParameterizedTest
    @EnumSource(Dialect.class)
    void everyRefusedAddressWrittenBySqlIsRefusedAtClientBuildWithoutShowingUserInfo(Dialect dialect) {
        try (Setup s = twoSchools(dialect)) {
            for (String uri : new String[]{"https://user:in-uri-pw@www.vku-pgs.asa.ch", "http://169.254.169.254",
                    "https://[fd00:ec2::254]", "http://127.0.0.1:9", "https://10.0.0.5", "https://www.vku-pgs.asa.ch.",
                    "http://www.vku-pgs.asa.ch", "https://www.vku-pgs.asa.ch/?x=1"}) {
                s.sql("UPDATE sari_tenants SET environment = NULL, base_uri = :v WHERE id = :id", uri, "school-a");

                TenantSyncResult run = s.engineRun("school-a");

                assertThat(run.errorCode()).as(uri).isEqualTo("HOST_NOT_ALLOWED");
                assertThat(run.errorMessage()).as(uri).contains("school-a").doesNotContain("in-uri-pw");
            }
        }
    }

    @ParameterizedTest
    @EnumSource(Dialect.class)
    void anUnboundValueIsRefusedByTheEngineUntilTheRotationMigratesItToItsRow(Dialect dialect) {
        try (Setup s = twoSchools(dialect)) {
            s.sql("UPDATE sari_tenants SET credentials = :v WHERE id = :id",
                    v1(Base64.getDecoder().decode(KEY), CredentialsCodec.toJson(SCHOOL_A)), "school-a");

            TenantSyncResult refused = s.engineRun("school-a");
            assertThat(refused.errorCode()).isEqualTo("CREDENTIALS");
            assertThat(refused.errorMessage()).contains("school-a").contains("CredentialsRotation");

            assertThat(s.jdbc().tenantStore().reencryptCredentials()).isEqualTo(1);

            assertThat(s.stored("school-a")).startsWith("v2:k1:");
            assertThat(s.jdbc().tenantStore().credentials("school-a")).isEqualTo(SCHOOL_A);
            assertThat(s.jdbc().tenantStore().reencryptCredentials()).isZero();
        }
    }

    /** A value as versions before the binding wrote it: additional data only {@code v1:k1}. */
    private static String v1(byte[] key, String plaintext) {
        try {
            byte[] nonce = new byte[12];
            new SecureRandom().nextBytes(nonce);
            Cipher cipher = Cipher.getInstance("AES/GCM/NoPadding");
            cipher.init(Cipher.ENCRYPT_MODE, new SecretKeySpec(key, "AES"), new GCMParameterSpec(128, nonce));
            cipher.updateAAD("v1:k1".getBytes(StandardCharsets.US_ASCII));
            byte[] sealed = cipher.doFinal(plaintext.getBytes(StandardCharsets.UTF_8));
            return "v1:k1:" + Base64.getEncoder().encodeToString(
                    ByteBuffer.allocate(12 + sealed.length).put(nonce).put(sealed).array());
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }
}
