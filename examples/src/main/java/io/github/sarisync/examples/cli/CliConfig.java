package io.github.sarisync.examples.cli;

import io.github.sarisync.client.SariEnvironment;
import io.github.sarisync.sync.MemberPolicy;

import java.net.URI;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Locale;
import java.util.Map;

/**
 * The resolved configuration of one command-line run (flags, then environment, then properties
 * file, then defaults; see {@link Setting}). {@link #toString()} shows no password and no key.
 *
 * @param credentialsKey the configured key(s), or null (then a demo key is used with the simulator)
 * @param rateLimit      requests per minute per school, 0 for none
 */
public record CliConfig(Path dataDir, String jdbcUrl, String jdbcUser, String jdbcPassword, SariTarget target,
                        String credentialsKey, int demoSchools, int parallelism, MemberPolicy memberPolicy,
                        Duration interval, int rateLimit, Path configFile) {

    static final String H2_PREFIX = "jdbc:h2:";

    /**
     * Resolves every setting.
     *
     * @throws CliException (exit 2) naming the setting and where its bad value came from
     */
    static CliConfig resolve(Map<Setting, String> flags, String configFlag, Map<String, String> env, Path workingDir) {
        ConfigSources sources = ConfigSources.load(flags, configFlag, env, workingDir);
        Path dataDir = workingDir.resolve(orDefault(sources.value(Setting.DATA_DIR), "sari-data")).normalize();
        String jdbcUrl = orDefault(sources.value(Setting.JDBC_URL), defaultJdbcUrl(dataDir));
        if (!jdbcUrl.startsWith(H2_PREFIX) && !jdbcUrl.startsWith("jdbc:postgresql:")) {
            throw bad(sources, Setting.JDBC_URL, "must start with jdbc:h2: or jdbc:postgresql:", jdbcUrl);
        }
        String user = orDefault(sources.value(Setting.JDBC_USER), jdbcUrl.startsWith(H2_PREFIX) ? "sa" : null);
        String password = orDefault(sources.value(Setting.JDBC_PASSWORD), "");
        SariTarget target = target(sources);
        int rateLimitDefault = target.isSimulator() ? 0 : 10;
        return new CliConfig(dataDir, jdbcUrl, user, password, target, sources.value(Setting.CREDENTIALS_KEY),
                integer(sources, Setting.DEMO_SCHOOLS, 3, 0, 1000),
                integer(sources, Setting.PARALLELISM, 4, 1, 1024),
                memberPolicy(sources),
                duration(sources, Setting.INTERVAL, Duration.ofHours(1)),
                integer(sources, Setting.RATE_LIMIT, rateLimitDefault, 0, 100_000),
                sources.file());
    }

    /** The default database: an H2 file in the data folder. */
    static String defaultJdbcUrl(Path dataDir) {
        return H2_PREFIX + "file:" + dataDir.resolve("sari").toString().replace('\\', '/');
    }

    boolean isH2() {
        return jdbcUrl.startsWith(H2_PREFIX);
    }

    private static SariTarget target(ConfigSources sources) {
        String url = sources.value(Setting.SARI_URL);
        if (url != null) {
            URI uri;
            try {
                uri = URI.create(url);
            } catch (IllegalArgumentException e) {
                throw bad(sources, Setting.SARI_URL, "is not a URL", url);
            }
            if (!"http".equals(uri.getScheme()) && !"https".equals(uri.getScheme()) || uri.getHost() == null) {
                throw bad(sources, Setting.SARI_URL, "must be an http(s) URL with a host", url);
            }
            return new SariTarget(null, uri);
        }
        String env = sources.value(Setting.SARI_ENV);
        if (env == null || env.equalsIgnoreCase("SIMULATOR")) {
            return SariTarget.simulator();
        }
        try {
            return new SariTarget(SariEnvironment.valueOf(env.toUpperCase(Locale.ROOT)), null);
        } catch (IllegalArgumentException e) {
            throw bad(sources, Setting.SARI_ENV, "must be SIMULATOR, TEST or PRODUCTION", env);
        }
    }

    private static MemberPolicy memberPolicy(ConfigSources sources) {
        String value = sources.value(Setting.MEMBER_POLICY);
        if (value == null) {
            return MemberPolicy.CHANGED;
        }
        try {
            return MemberPolicy.valueOf(value.toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            throw bad(sources, Setting.MEMBER_POLICY, "must be ALL, NONE or CHANGED", value);
        }
    }

    private static int integer(ConfigSources sources, Setting setting, int fallback, int min, int max) {
        String value = sources.value(setting);
        if (value == null) {
            return fallback;
        }
        try {
            int n = Integer.parseInt(value);
            if (n >= min && n <= max) {
                return n;
            }
        } catch (NumberFormatException e) {
            // reported below with the accepted range
        }
        throw bad(sources, setting, "must be a whole number from " + min + " to " + max, value);
    }

    private static Duration duration(ConfigSources sources, Setting setting, Duration fallback) {
        String value = sources.value(setting);
        if (value == null) {
            return fallback;
        }
        try {
            return Durations.parse(value);
        } catch (IllegalArgumentException e) {
            throw bad(sources, setting, Durations.FORMAT_HINT, value);
        }
    }

    private static CliException bad(ConfigSources sources, Setting setting, String rule, String value) {
        return CliException.config(sources.source(setting) + " " + rule + ", was '" + value + "'");
    }

    private static String orDefault(String value, String fallback) {
        return value != null ? value : fallback;
    }

    @Override
    public String toString() {
        return "CliConfig[dataDir=" + dataDir + ", jdbcUrl=" + jdbcUrl + ", jdbcUser=" + jdbcUser
                + ", jdbcPassword=" + (jdbcPassword.isEmpty() ? "" : "****") + ", target=" + target
                + ", credentialsKey=" + (credentialsKey == null ? "none" : "****") + ", demoSchools=" + demoSchools
                + ", parallelism=" + parallelism + ", memberPolicy=" + memberPolicy + ", interval=" + interval
                + ", rateLimit=" + rateLimit + ", configFile=" + configFile + "]";
    }
}
