package io.github.sarisync.jdbc;

/** When {@link SariJdbc.Builder#build()} runs the {@link SchemaInstaller}. */
public enum SchemaInitialization {
    /** Only for an embedded database (H2); a server database is left to the host's migrations. The default. */
    EMBEDDED,
    /** Always: create whatever is missing. */
    ALWAYS,
    /** Never: the host manages the schema (for instance with the shipped Flyway migrations). */
    NEVER;

    /** True when the schema should be installed on a database of this dialect. */
    public boolean appliesTo(Dialect dialect) {
        return this == ALWAYS || (this == EMBEDDED && dialect.isEmbedded());
    }
}
