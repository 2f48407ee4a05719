package io.github.sarisync.examples.cli;

import java.io.IOException;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.Properties;

/**
 * Looks a {@link Setting} up in the flags, then the environment, then the properties file, and
 * remembers where a value came from so that an error can name it.
 */
final class ConfigSources {
    static final String DEFAULT_FILE = "sari-sync.properties";
    static final String CONFIG_ENV = "SARI_CONFIG";

    private final Map<Setting, String> flags;
    private final Map<String, String> env;
    private final Properties file;
    private final Path filePath;

    private ConfigSources(Map<Setting, String> flags, Map<String, String> env, Properties file, Path filePath) {
        this.flags = flags;
        this.env = env;
        this.file = file;
        this.filePath = filePath;
    }

    /**
     * Reads the properties file named by {@code --config} (or {@code SARI_CONFIG}), else
     * {@code ./sari-sync.properties} when it exists.
     *
     * @throws CliException when a named file is missing or unreadable
     */
    static ConfigSources load(Map<Setting, String> flags, String configFlag, Map<String, String> env, Path workingDir) {
        String named = configFlag != null ? configFlag : blankToNull(env.get(CONFIG_ENV));
        Path path;
        if (named != null) {
            path = workingDir.resolve(named).normalize();
            if (!Files.isRegularFile(path)) {
                String source = configFlag != null ? "--config" : CONFIG_ENV;
                throw CliException.config(source + ": no such properties file: " + path);
            }
        } else {
            path = workingDir.resolve(DEFAULT_FILE);
            if (!Files.isRegularFile(path)) {
                return new ConfigSources(Map.copyOf(flags), env, new Properties(), null);
            }
        }
        Properties properties = new Properties();
        try (Reader reader = Files.newBufferedReader(path, StandardCharsets.UTF_8)) {
            properties.load(reader);
        } catch (IOException | IllegalArgumentException e) {
            throw CliException.config("cannot read properties file " + path + ": " + e.getMessage(), e);
        }
        return new ConfigSources(Map.copyOf(flags), env, properties, path);
    }

    /** The value of a setting, or null when none of the sources has one (blank counts as none). */
    String value(Setting setting) {
        String flag = blankToNull(flags.get(setting));
        if (flag != null) {
            return flag.trim();
        }
        String fromEnv = blankToNull(env.get(setting.envVariable()));
        if (fromEnv != null) {
            return fromEnv.trim();
        }
        String fromFile = blankToNull(file.getProperty(setting.property()));
        return fromFile == null ? null : fromFile.trim();
    }

    /** Where the value of a setting came from, for error messages: "--jdbc-url", "SARI_JDBC_URL", ... */
    String source(Setting setting) {
        if (blankToNull(flags.get(setting)) != null) {
            return setting.flag();
        }
        if (blankToNull(env.get(setting.envVariable())) != null) {
            return setting.envVariable();
        }
        if (blankToNull(file.getProperty(setting.property())) != null) {
            return setting.property() + " in " + filePath;
        }
        return setting.key() + " (default)";
    }

    /** The properties file read, or null. */
    Path file() {
        return filePath;
    }

    String env(String name) {
        return blankToNull(env.get(name));
    }

    private static String blankToNull(String s) {
        return s == null || s.isBlank() ? null : s;
    }
}
