package io.github.sarisync.examples.cli;

import java.util.Locale;

/**
 * Every configurable value of the command line. Each can be given, in this order of precedence,
 * as a flag, an environment variable or a property in the properties file; one rule names all
 * three: {@code jdbc-url} is {@code --jdbc-url}, {@code SARI_JDBC_URL} and {@code sari.jdbc-url}
 * ({@code sari-env} and {@code sari-url} are {@code SARI_ENV}/{@code sari.env} and
 * {@code SARI_URL}/{@code sari.url}). Secrets have no flag, so they never show in a process list.
 */
public enum Setting {
    DATA_DIR("data-dir", true, "./sari-data", "folder of the H2 database and the demo key"),
    JDBC_URL("jdbc-url", true, "jdbc:h2:file:<data-dir>/sari", "the database (H2 or PostgreSQL)"),
    JDBC_USER("jdbc-user", false, "sa for H2, none otherwise", "database user"),
    JDBC_PASSWORD("jdbc-password", false, "empty", "database password"),
    SARI_ENV("sari-env", true, "SIMULATOR", "SIMULATOR, TEST or PRODUCTION"),
    SARI_URL("sari-url", true, "none", "another SARI address (wins over sari-env)"),
    CREDENTIALS_KEY("credentials-key", false, "a demo key with the simulator; required otherwise",
            "AES-256 key(s) for stored credentials: id:base64[,id:base64...]"),
    DEMO_SCHOOLS("demo-schools", true, "3", "demo driving schools registered with the simulator on an empty database"),
    PARALLELISM("parallelism", true, "4", "tenants synced at once"),
    MEMBER_POLICY("member-policy", true, "CHANGED", "which parts get their students synced: ALL, NONE, CHANGED"),
    INTERVAL("interval", true, "1h", "a tenant's sync interval unless it has its own"),
    RATE_LIMIT("rate-limit", true, "10 (0 with the simulator)", "requests per minute per school; 0 = no limit");

    private final String key;
    private final boolean hasFlag;
    private final String defaultText;
    private final String description;

    Setting(String key, boolean hasFlag, String defaultText, String description) {
        this.key = key;
        this.hasFlag = hasFlag;
        this.defaultText = defaultText;
        this.description = description;
    }

    public String key() {
        return key;
    }

    /** The flag, or null for secrets (environment or properties file only). */
    public String flag() {
        return hasFlag ? "--" + key : null;
    }

    public String envVariable() {
        return "SARI_" + shortKey().toUpperCase(Locale.ROOT).replace('-', '_');
    }

    public String property() {
        return "sari." + shortKey();
    }

    public String defaultText() {
        return defaultText;
    }

    public String description() {
        return description;
    }

    private String shortKey() {
        return key.startsWith("sari-") ? key.substring("sari-".length()) : key;
    }
}
