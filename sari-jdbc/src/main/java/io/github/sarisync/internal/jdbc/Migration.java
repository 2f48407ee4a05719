package io.github.sarisync.internal.jdbc;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.StringReader;
import java.io.UncheckedIOException;
import java.math.BigInteger;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Objects;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.zip.CRC32;

/**
 * One versioned migration of sari-sync's schema: a file {@code V<version>__<description>.sql} below
 * {@code db/migration/sari/<dialect>/}, named and read the way Flyway names and reads it, so that the
 * history {@link SchemaMigrator} writes is the one Flyway would write for the same files.
 *
 * @param version     the version as Flyway shows it ({@code 4}, {@code 4.1}; underscores in the file name become dots)
 * @param description the file name's description with underscores as spaces ({@code sari lease fence})
 * @param script      the file name, as Flyway records it relative to its location ({@code V4__sari_lease_fence.sql})
 * @param text        the file's text as shipped, with the placeholder {@value Statements#PREFIX_PLACEHOLDER}
 */
public record Migration(String version, String description, String script, String text) {
    private static final Pattern FILE_NAME = Pattern.compile("V(\\d+(?:[._]\\d+)*)__(.+)\\.sql");

    /** Versions in Flyway's order: numerically, part by part, trailing zero parts ignored ({@code 1.0} = {@code 1}). */
    public static final Comparator<String> VERSION_ORDER = Migration::compareVersions;

    public Migration {
        Objects.requireNonNull(version, "version");
        Objects.requireNonNull(description, "description");
        Objects.requireNonNull(script, "script");
        Objects.requireNonNull(text, "text");
    }

    /**
     * The migration in the file {@code script} with the given text.
     *
     * @throws IllegalStateException naming the file when its name is not {@code V<version>__<description>.sql}
     */
    public static Migration of(String script, String text) {
        Matcher name = FILE_NAME.matcher(script);
        if (!name.matches()) {
            throw new IllegalStateException("schema migration '" + script + "' is not named V<version>__<description>.sql"
                    + " (sari-sync ships versioned migrations only)");
        }
        return new Migration(name.group(1).replace('_', '.'), name.group(2).replace('_', ' '), script, text);
    }

    /** The migration's SQL with {@code tablePrefix} in place of the placeholder. */
    public String sql(String tablePrefix) {
        return text.replace(Statements.PREFIX_PLACEHOLDER, tablePrefix);
    }

    /**
     * The statements of {@link #sql(String)} in order: comment lines dropped, split at {@code ;}. The
     * migrations are written for this (no {@code ;} inside a string, no procedural bodies).
     */
    public List<String> statements(String tablePrefix) {
        StringBuilder withoutComments = new StringBuilder();
        sql(tablePrefix).lines().filter(line -> !line.strip().startsWith("--"))
                .forEach(line -> withoutComments.append(line).append('\n'));
        List<String> result = new ArrayList<>();
        for (String statement : withoutComments.toString().split(";")) {
            if (!statement.isBlank()) {
                result.add(statement.strip());
            }
        }
        return result;
    }

    /**
     * Flyway's checksum of the migration: CRC-32 over the UTF-8 bytes of each line of the file as shipped
     * (placeholders not replaced, so every table prefix has the same) without its line break (so line
     * endings do not count), a byte order mark dropped, read as a signed int.
     */
    public int checksum() {
        CRC32 crc = new CRC32();
        try (BufferedReader reader = new BufferedReader(new StringReader(text))) {
            String line = reader.readLine();
            if (line != null && line.startsWith("\uFEFF")) {
                line = line.substring(1);
            }
            while (line != null) {
                crc.update(line.getBytes(StandardCharsets.UTF_8));
                line = reader.readLine();
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read migration " + script, e);
        }
        return (int) crc.getValue();
    }

    /** True when {@code other} is the same version as this migration's ({@code 1.0} is {@code 1}). */
    public boolean isVersion(String other) {
        return other != null && compareVersions(version, other) == 0;
    }

    private static int compareVersions(String a, String b) {
        List<BigInteger> left = parts(a);
        List<BigInteger> right = parts(b);
        for (int i = 0; i < Math.max(left.size(), right.size()); i++) {
            BigInteger l = i < left.size() ? left.get(i) : BigInteger.ZERO;
            BigInteger r = i < right.size() ? right.get(i) : BigInteger.ZERO;
            int order = l.compareTo(r);
            if (order != 0) {
                return order;
            }
        }
        return 0;
    }

    private static List<BigInteger> parts(String version) {
        List<BigInteger> parts = new ArrayList<>();
        for (String part : version.split("[._]")) {
            parts.add(new BigInteger(part));
        }
        return parts;
    }
}
