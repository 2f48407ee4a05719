package io.github.sarisync.jdbc;

import io.github.sarisync.spi.LimitedField;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

import java.util.EnumMap;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/** The limits the JDBC store reports are the lengths of the columns the shipped schema creates. */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class FieldLimitsMatchSchemaTest {
    /** Where each limited field is stored: table (without prefix) and column. */
    private static final Map<LimitedField, String[]> COLUMNS = Map.of(
            LimitedField.GROUP_NAME, new String[] {"course_groups", "name"},
            LimitedField.COURSE_NAME, new String[] {"courses", "name"},
            LimitedField.LOCATION_NAME, new String[] {"courses", "location_name"},
            LimitedField.LOCATION_STREET, new String[] {"courses", "location_street"},
            LimitedField.LOCATION_ZIP, new String[] {"courses", "location_zip"},
            LimitedField.LOCATION_CITY, new String[] {"courses", "location_city"},
            LimitedField.MEMBER_FABER_ID, new String[] {"course_members", "faber_id"},
            LimitedField.MEMBER_FIRST_NAME, new String[] {"course_members", "first_name"},
            LimitedField.MEMBER_LAST_NAME, new String[] {"course_members", "last_name"});
    private final Map<Dialect, TestDatabase> databases = new EnumMap<>(Dialect.class);

    @AfterAll
    void closeDatabases() {
        databases.values().forEach(TestDatabase::close);
    }

    @ParameterizedTest
    @EnumSource(Dialect.class)
    void everyLimitIsTheLengthOfItsColumnInTheInstalledSchema(Dialect dialect) {
        TestDatabase db = databases.computeIfAbsent(dialect, TestDatabase::of);
        assertThat(COLUMNS).containsOnlyKeys(LimitedField.values());
        Map<LimitedField, Integer> installed = new EnumMap<>(LimitedField.class);
        COLUMNS.forEach((field, where) -> installed.put(field, db.jdbc().jdbi().withHandle(h -> h.createQuery(
                        "SELECT character_maximum_length FROM information_schema.columns"
                                + " WHERE LOWER(table_name) = :table AND LOWER(column_name) = :column")
                .bind("table", db.jdbc().tablePrefix() + where[0]).bind("column", where[1])
                .mapTo(Integer.class).one())));

        assertThat(JdbcCourseStore.FIELD_LIMITS.maxLengths()).isEqualTo(installed);
        assertThat(db.jdbc().courseStore().limits()).isEqualTo(JdbcCourseStore.FIELD_LIMITS);
    }
}
