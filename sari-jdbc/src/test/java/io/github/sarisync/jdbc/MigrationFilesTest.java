package io.github.sarisync.jdbc;

import io.github.sarisync.internal.jdbc.Migration;
import io.github.sarisync.internal.jdbc.Migrations;
import io.github.sarisync.jdbc.SchemaSnapshot.EmptyDatabase;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** The shipped migrations: listed by the build, one pair per version, each safe to run again. */
class MigrationFilesTest {
    private static final Path SOURCES = Path.of("src/main/resources", Migrations.ROOT);

    @Test
    void theIndexTheBuildWritesListsEveryMigrationFile() throws IOException {
        List<String> files;
        try (Stream<Path> walk = Files.walk(SOURCES)) {
            files = walk.filter(Files::isRegularFile).map(f -> SOURCES.relativize(f).toString().replace('\\', '/'))
                    .sorted().toList();
        }
        String index;
        try (InputStream in = Dialect.class.getResourceAsStream("/" + Migrations.INDEX)) {
            assertThat(in).as(Migrations.INDEX).isNotNull();
            index = new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }

        assertThat(index.lines().map(String::strip).filter(l -> !l.isEmpty()).sorted().toList())
                .isNotEmpty().isEqualTo(files);
    }

    @Test
    void everyMigrationIsAPairWithTheSameFileNameForBothDatabases() {
        List<String> h2 = Migrations.of(Dialect.H2).stream().map(Migration::script).toList();
        List<String> postgresql = Migrations.of(Dialect.POSTGRESQL).stream().map(Migration::script).toList();

        assertThat(h2).isEqualTo(postgresql).first().isEqualTo("V1__sari_schema.sql");
    }

    @ParameterizedTest
    @EnumSource(Dialect.class)
    void everyMigrationRunsAgainOnTheSchemaItMadeWithoutChangingIt(Dialect dialect) throws Exception {
        try (EmptyDatabase db = EmptyDatabase.of(dialect)) {
            int all = Migrations.of(dialect).size();
            SchemaSnapshot.runByHand(db.jdbi(), dialect, "sari_", all);
            List<String> columns = SchemaSnapshot.columns(db.jdbi(), "sari_");
            List<String> indexes = SchemaSnapshot.indexes(db.jdbi(), dialect, "sari_");

            SchemaSnapshot.runByHand(db.jdbi(), dialect, "sari_", all);

            assertThat(SchemaSnapshot.columns(db.jdbi(), "sari_")).isEqualTo(columns);
            assertThat(SchemaSnapshot.indexes(db.jdbi(), dialect, "sari_")).isEqualTo(indexes);
        }
    }

    @Test
    void aFileNameGivesVersionAndDescriptionAsFlywayReadsThem() {
        Migration migration = Migration.of("V4_1__sari_lease_fence.sql", "SELECT 1");

        assertThat(migration.version()).isEqualTo("4.1");
        assertThat(migration.description()).isEqualTo("sari lease fence");
        assertThat(migration.isVersion("4.1.0")).isTrue();
    }

    @Test
    void versionsAreOrderedByNumberNotByName() {
        List<String> versions = Arrays.asList("10", "9", "1.10", "1.9", "2");
        versions.sort(Migration.VERSION_ORDER);

        assertThat(versions).containsExactly("1.9", "1.10", "2", "9", "10");
        assertThat(Stream.of("V10__b.sql", "V9__a.sql").map(f -> Migration.of(f, ""))
                .sorted(Comparator.comparing(Migration::version, Migration.VERSION_ORDER)).map(Migration::script))
                .containsExactly("V9__a.sql", "V10__b.sql");
    }

    @Test
    void aFileThatIsNotAVersionedMigrationIsRefusedByName() {
        assertThatThrownBy(() -> Migration.of("R__views.sql", "SELECT 1"))
                .isInstanceOf(IllegalStateException.class).hasMessageContaining("'R__views.sql'");
    }

    @Test
    void checksumsAreFlywaysIgnoringLineEndingsAndThePrefix() {
        Migration unix = Migration.of("V1__a.sql", "\nALTER TABLE ${sari_prefix}locks ADD COLUMN x INT;\n");
        Migration windows = Migration.of("V1__a.sql", "\r\nALTER TABLE ${sari_prefix}locks ADD COLUMN x INT;\r\n");
        Migration other = Migration.of("V1__a.sql", "\nALTER TABLE ${sari_prefix}locks ADD COLUMN y INT;\n");

        assertThat(unix.checksum()).isEqualTo(windows.checksum()).isNotEqualTo(other.checksum());
    }
}
