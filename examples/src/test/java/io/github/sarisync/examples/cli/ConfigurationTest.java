package io.github.sarisync.examples.cli;

import io.github.sarisync.client.SariEnvironment;
import io.github.sarisync.sync.MemberPolicy;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class ConfigurationTest {

    @TempDir
    Path dir;

    @Test
    void withoutConfigurationTheSimulatorAndAnH2FileUnderTheWorkingDirectoryAreUsed() {
        CliConfig config = CliConfig.resolve(Map.of(), null, Map.of(), dir);

        assertThat(config.target().isSimulator()).isTrue();
        assertThat(config.jdbcUrl()).isEqualTo("jdbc:h2:file:" + dir.resolve("sari-data/sari"));
        assertThat(config.jdbcUser()).isEqualTo("sa");
        assertThat(config.demoSchools()).isEqualTo(3);
        assertThat(config.parallelism()).isEqualTo(4);
        assertThat(config.memberPolicy()).isEqualTo(MemberPolicy.CHANGED);
        assertThat(config.interval()).isEqualTo(Duration.ofHours(1));
        assertThat(config.rateLimit()).isZero();
        assertThat(config.credentialsKey()).isNull();
    }

    @Test
    void aFlagWinsOverTheEnvironmentWhichWinsOverThePropertiesFile() throws Exception {
        Files.writeString(dir.resolve("sari-sync.properties"), """
                sari.parallelism=2
                sari.member-policy=NONE
                sari.env=TEST
                sari.interval=15m
                """);

        CliConfig config = CliConfig.resolve(Map.of(Setting.PARALLELISM, "8"), null,
                Map.of("SARI_PARALLELISM", "6", "SARI_MEMBER_POLICY", "all"), dir);

        assertThat(config.parallelism()).isEqualTo(8);
        assertThat(config.memberPolicy()).isEqualTo(MemberPolicy.ALL);
        assertThat(config.target().environment()).isEqualTo(SariEnvironment.TEST);
        assertThat(config.interval()).isEqualTo(Duration.ofMinutes(15));
        assertThat(config.rateLimit()).as("real SARI: the fair-use limit").isEqualTo(10);
        assertThat(config.configFile()).isEqualTo(dir.resolve("sari-sync.properties"));
    }

    @Test
    void aBadValueInThePropertiesFileNamesTheFileAndTheProperty() throws Exception {
        Path file = dir.resolve("prod.properties");
        Files.writeString(file, "sari.rate-limit=-1\n");

        assertThatThrownBy(() -> CliConfig.resolve(Map.of(), "prod.properties", Map.of(), dir))
                .isInstanceOf(CliException.class)
                .hasMessage("sari.rate-limit in " + file + " must be a whole number from 0 to 100000, was '-1'");
    }

    @Test
    void theConfigFileCanBeNamedByEnvironmentVariable() throws Exception {
        Files.writeString(dir.resolve("other.properties"), "sari.url=https://sari-proxy.example.test\n");

        CliConfig config = CliConfig.resolve(Map.of(), null, Map.of("SARI_CONFIG", "other.properties"), dir);

        assertThat(config.target().uri()).hasToString("https://sari-proxy.example.test");
        assertThat(config.target().isSimulator()).isFalse();
    }

    @Test
    void aSariUrlWinsOverTheEnvironmentAndMustBeHttp() {
        CliConfig config = CliConfig.resolve(Map.of(Setting.SARI_URL, "http://localhost:8089",
                Setting.SARI_ENV, "PRODUCTION"), null, Map.of(), dir);
        assertThat(config.target().uri()).hasToString("http://localhost:8089");

        assertThatThrownBy(() -> CliConfig.resolve(Map.of(Setting.SARI_URL, "ftp://x"), null, Map.of(), dir))
                .hasMessage("--sari-url must be an http(s) URL with a host, was 'ftp://x'");
    }

    @Test
    void postgresqlHasNoDefaultUserAndTheDescriptionHidesSecrets() {
        CliConfig config = CliConfig.resolve(Map.of(Setting.JDBC_URL, "jdbc:postgresql://db/sari"), null,
                Map.of("SARI_JDBC_USER", "sync", "SARI_JDBC_PASSWORD", "db-pass", "SARI_CREDENTIALS_KEY", "k:abc"), dir);

        assertThat(config.jdbcUser()).isEqualTo("sync");
        assertThat(config.isH2()).isFalse();
        assertThat(config.toString()).doesNotContain("db-pass").doesNotContain("k:abc");
        assertThat(Database.describe("jdbc:postgresql://db/sari?user=a&password=hunter2&ssl=true"))
                .isEqualTo("jdbc:postgresql://db/sari?user=a&password=****&ssl=true");
    }

    @Test
    void everySettingHasOneNameForFlagEnvironmentAndProperty() {
        assertThat(Setting.JDBC_URL.flag()).isEqualTo("--jdbc-url");
        assertThat(Setting.JDBC_URL.envVariable()).isEqualTo("SARI_JDBC_URL");
        assertThat(Setting.JDBC_URL.property()).isEqualTo("sari.jdbc-url");
        assertThat(Setting.SARI_ENV.envVariable()).isEqualTo("SARI_ENV");
        assertThat(Setting.SARI_ENV.property()).isEqualTo("sari.env");
        assertThat(Setting.CREDENTIALS_KEY.flag()).as("secrets have no flag").isNull();
    }

    @Test
    void durationsAreReadAsPeopleTypeThem() {
        assertThat(Durations.parse("90s")).isEqualTo(Duration.ofSeconds(90));
        assertThat(Durations.parse("15m")).isEqualTo(Duration.ofMinutes(15));
        assertThat(Durations.parse("7d")).isEqualTo(Duration.ofDays(7));
        assertThat(Durations.parse("PT1H30M")).isEqualTo(Duration.ofMinutes(90));
        assertThat(Durations.format(Duration.ofMinutes(90))).isEqualTo("1h30m");
        assertThatThrownBy(() -> Durations.parse("0s")).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> Durations.parse("soon")).hasMessageContaining("'soon' must be a positive duration");
    }
}
