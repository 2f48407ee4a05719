package io.github.sarisync.internal.jdbc;

import io.github.sarisync.jdbc.Dialect;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

/**
 * The shipped migrations of a dialect, in version order: the schema of sari-sync. The files live below
 * {@code db/migration/sari/<dialect>/}; which files there are comes from the index
 * {@value #INDEX}, which the build writes from that folder (see sari-jdbc's {@code pom.xml}), so the
 * migrations are found in a jar without listing the classpath and a new migration is only its files.
 */
public final class Migrations {
    /** The folder of the migrations below the classpath root; a dialect's are in its sub-folder. */
    public static final String ROOT = "db/migration/sari";
    /** The index of every migration file, one {@code <dialect>/<file>} a line. */
    public static final String INDEX = ROOT + "/migrations.index";

    private Migrations() {
    }

    /** The classpath folder of a dialect's migrations, e.g. {@code db/migration/sari/postgresql}. */
    public static String folder(Dialect dialect) {
        return ROOT + "/" + dialect.resourceSuffix();
    }

    /**
     * A dialect's migrations in version order.
     *
     * @throws IllegalStateException when the index or a file it names is missing, a file is misnamed, or two
     *                               files have the same version
     */
    public static List<Migration> of(Dialect dialect) {
        String prefix = dialect.resourceSuffix() + "/";
        List<Migration> migrations = new ArrayList<>();
        for (String line : read(INDEX).split("\n")) {
            String entry = line.strip();
            if (entry.startsWith(prefix)) {
                String script = entry.substring(prefix.length());
                migrations.add(Migration.of(script, read(folder(dialect) + "/" + script)));
            }
        }
        if (migrations.isEmpty()) {
            throw new IllegalStateException(INDEX + " lists no migration for " + dialect);
        }
        migrations.sort(Comparator.comparing(Migration::version, Migration.VERSION_ORDER));
        for (int i = 1; i < migrations.size(); i++) {
            if (migrations.get(i).isVersion(migrations.get(i - 1).version())) {
                throw new IllegalStateException("two " + dialect + " migrations have version "
                        + migrations.get(i).version() + ": " + migrations.get(i - 1).script() + " and "
                        + migrations.get(i).script());
            }
        }
        return List.copyOf(migrations);
    }

    private static String read(String resource) {
        try (InputStream in = Dialect.class.getResourceAsStream("/" + resource)) {
            if (in == null) {
                throw new IllegalStateException("missing resource " + resource + " (sari-jdbc's build writes "
                        + INDEX + "; an IDE build must run the generate-resources phase too)");
            }
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read resource " + resource, e);
        }
    }
}
