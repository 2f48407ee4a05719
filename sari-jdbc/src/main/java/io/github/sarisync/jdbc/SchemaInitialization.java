package io.github.sarisync.jdbc;

/**
 * When {@link SariJdbc.Builder#build()} runs the {@link SchemaInstaller}, which applies the shipped
 * migrations the database lacks and records them in {@code <prefix>schema_history}.
 */
public enum SchemaInitialization {
    /** Only for an embedded database (H2); a server database is left to the host's migrations. The default. */
    EMBEDDED,
    /** Always: apply the migrations the database lacks (a no-op when it has them all). */
    ALWAYS,
    /**
     * Never: the host manages the schema, for instance with Flyway on the shipped migrations
     * ({@link SchemaInstaller#migrationLocation(Dialect)}).
     */
    NEVER;

    /** True when the schema should be installed on a database of this dialect. */
    public boolean appliesTo(Dialect dialect) {
        return this == ALWAYS || (this == EMBEDDED && dialect.isEmbedded());
    }
}
