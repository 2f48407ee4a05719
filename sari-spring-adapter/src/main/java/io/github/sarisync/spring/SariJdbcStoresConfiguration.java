package io.github.sarisync.spring;

import io.github.sarisync.jdbc.SariJdbc;
import io.github.sarisync.jdbc.SchemaInitialization;
import io.github.sarisync.spi.CourseStore;
import io.github.sarisync.spi.CredentialsCipher;
import io.github.sarisync.spi.EnrollmentOutbox;
import io.github.sarisync.spi.SyncLock;
import io.github.sarisync.spi.SyncLogStore;
import io.github.sarisync.spi.TenantStore;
import io.github.sarisync.spring.internal.SariSettings;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.autoconfigure.condition.ConditionalOnClass;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnSingleCandidate;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

import javax.sql.DataSource;
import java.time.Clock;

/**
 * The JDBC stores of sari-jdbc on the application's (single) DataSource. They work on their own
 * connections (Jdbi on the raw DataSource) and do not join the caller's Spring transaction: the
 * engine runs on its own threads and keeps every write short, so there is no host transaction to
 * join there. Imported by {@link SariAutoConfiguration} before the in-memory fallback.
 */
@Configuration(proxyBeanMethods = false)
@ConditionalOnClass(name = "io.github.sarisync.jdbc.SariJdbc")
@ConditionalOnSingleCandidate(DataSource.class)
class SariJdbcStoresConfiguration {

    @Bean
    @ConditionalOnMissingBean
    SariJdbc sariJdbc(DataSource dataSource, SariProperties properties, ObjectProvider<CredentialsCipher> cipher,
                      ObjectProvider<Clock> clock) {
        SariProperties.Jdbc jdbc = properties.getJdbc();
        try {
            return SariJdbc.builder()
                    .dataSource(dataSource)
                    .tablePrefix(jdbc.getTablePrefix())
                    .initializeSchema(SchemaInitialization.valueOf(jdbc.getInitializeSchema().name()))
                    .credentialsCipher(cipher.getIfUnique())
                    .hostPolicy(SariSettings.hostPolicy(properties))
                    .clock(clock.getIfUnique(Clock::systemUTC))
                    .build();
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("sari.jdbc: " + e.getMessage());
        }
    }

    @Bean
    @ConditionalOnMissingBean
    TenantStore sariTenantStore(SariJdbc jdbc, ObjectProvider<CredentialsCipher> cipher) {
        if (cipher.getIfUnique() == null) {
            throw new IllegalStateException("sari.credentials.keys is not set: the JDBC tenant store encrypts each "
                    + "school's SARI credentials and needs a key. Set sari.credentials.keys=k1:<base64 of 32 random "
                    + "bytes> (e.g. from 'openssl rand -base64 32'), or define a CredentialsCipher or TenantStore bean.");
        }
        return jdbc.tenantStore();
    }

    @Bean
    @ConditionalOnMissingBean
    CourseStore sariCourseStore(SariJdbc jdbc) {
        return jdbc.courseStore();
    }

    @Bean
    @ConditionalOnMissingBean
    SyncLogStore sariSyncLogStore(SariJdbc jdbc) {
        return jdbc.syncLogStore();
    }

    @Bean
    @ConditionalOnMissingBean
    SyncLock sariSyncLock(SariJdbc jdbc) {
        return jdbc.syncLock();
    }

    @Bean
    @ConditionalOnMissingBean
    EnrollmentOutbox sariEnrollmentOutbox(SariJdbc jdbc) {
        return jdbc.enrollmentOutbox();
    }
}
