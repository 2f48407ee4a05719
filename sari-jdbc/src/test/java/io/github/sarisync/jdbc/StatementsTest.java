package io.github.sarisync.jdbc;

import io.github.sarisync.internal.jdbc.Statements;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashSet;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The named statements: written once in {@code statements.sql}, replaced per dialect only where the SQL
 * differs, and every name the code uses defined for both databases.
 */
class StatementsTest {
    /** A statement name in the code: a string literal like "tenant.find" whose group is a statement group. */
    private static final Pattern LITERAL = Pattern.compile("\"([a-z]+)\\.([a-zA-Z]+)\"");
    /** Statements only some databases need; the code asks for them with Database.optionalSql. */
    private static final Map<String, Dialect> ONLY_ON = Map.of("schema.lock", Dialect.POSTGRESQL);

    @ParameterizedTest
    @EnumSource(Dialect.class)
    void everyStatementNameTheCodeUsesResolvesOnEveryDatabase(Dialect dialect) throws IOException {
        Set<String> used = namesUsedByTheCode();
        used.removeIf(name -> ONLY_ON.containsKey(name) && ONLY_ON.get(name) != dialect);
        Statements statements = Statements.load(dialect, "sari_");

        assertThat(used).hasSizeGreaterThan(40);
        assertThat(used).allSatisfy(name -> assertThat(statements.get(name)).isNotBlank());
    }

    @Test
    void everyDefinedStatementIsUsedByTheCode() throws IOException {
        Set<String> defined = new TreeSet<>(Statements.load(Dialect.H2, "sari_").names());
        defined.addAll(Statements.load(Dialect.POSTGRESQL, "sari_").names());

        assertThat(namesUsedByTheCode()).containsAll(defined);
    }

    @ParameterizedTest
    @EnumSource(Dialect.class)
    void aDialectFileHoldsOnlyStatementsWhoseSqlDiffers(Dialect dialect) {
        Map<String, String> common = Statements.common("sari_");
        Map<String, String> overrides = Statements.overrides(dialect, "sari_");

        assertThat(overrides).isNotEmpty();
        overrides.forEach((name, sql) -> assertThat(sql).as(name).isNotEqualTo(common.get(name)));
        assertThat(Statements.load(dialect, "sari_").get("tenant.find")).isEqualTo(common.get("tenant.find"));
        overrides.forEach((name, sql) -> assertThat(Statements.load(dialect, "sari_").get(name)).isEqualTo(sql));
    }

    @Test
    void theDialectsDifferOnlyWhereTheirSqlMust() {
        Set<String> h2 = Statements.overrides(Dialect.H2, "sari_").keySet();
        Set<String> postgresql = new HashSet<>(Statements.overrides(Dialect.POSTGRESQL, "sari_").keySet());
        postgresql.removeAll(ONLY_ON.keySet());

        assertThat(h2).isEqualTo(postgresql).hasSizeLessThan(Statements.common("sari_").size() / 2);
    }

    /** The statement names in sari-jdbc's main sources (string literals of a known statement group). */
    private static Set<String> namesUsedByTheCode() throws IOException {
        Set<String> groups = new HashSet<>();
        Statements.load(Dialect.POSTGRESQL, "sari_").names().forEach(n -> groups.add(n.substring(0, n.indexOf('.'))));
        Set<String> used = new TreeSet<>();
        try (Stream<Path> sources = Files.walk(Path.of("src/main/java"))) {
            for (Path source : sources.filter(p -> p.toString().endsWith(".java")).toList()) {
                Matcher literal = LITERAL.matcher(Files.readString(source));
                while (literal.find()) {
                    if (groups.contains(literal.group(1))) {
                        used.add(literal.group(1) + "." + literal.group(2));
                    }
                }
            }
        }
        return used;
    }
}
