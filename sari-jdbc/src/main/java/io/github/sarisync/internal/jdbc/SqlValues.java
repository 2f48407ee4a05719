package io.github.sarisync.internal.jdbc;

import org.jdbi.v3.core.argument.Argument;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Types;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.Collection;

/**
 * Binding and reading of the value types the stores use, the same on every dialect: instants as
 * {@code TIMESTAMP WITH TIME ZONE} in UTC through {@link OffsetDateTime} (so that neither the JVM's
 * nor the session's time zone matters), dates and local date-times through {@code setObject}.
 */
public final class SqlValues {
    private SqlValues() {
    }

    public static Argument instant(Instant value) {
        return (position, statement, ctx) -> {
            if (value == null) {
                statement.setNull(position, Types.TIMESTAMP_WITH_TIMEZONE);
            } else {
                statement.setObject(position, value.atOffset(ZoneOffset.UTC));
            }
        };
    }

    public static Argument date(LocalDate value) {
        return (position, statement, ctx) -> {
            if (value == null) {
                statement.setNull(position, Types.DATE);
            } else {
                statement.setObject(position, value);
            }
        };
    }

    public static Argument dateTime(LocalDateTime value) {
        return (position, statement, ctx) -> {
            if (value == null) {
                statement.setNull(position, Types.TIMESTAMP);
            } else {
                statement.setObject(position, value);
            }
        };
    }

    /** A {@code BIGINT} array, for {@code = ANY(:ids)}. */
    public static Argument longArray(Collection<Long> values) {
        return (position, statement, ctx) ->
                statement.setArray(position, statement.getConnection().createArrayOf("bigint", values.toArray()));
    }

    public static Instant instant(ResultSet rs, String column) throws SQLException {
        OffsetDateTime value = rs.getObject(column, OffsetDateTime.class);
        return value == null ? null : value.toInstant();
    }

    public static LocalDate date(ResultSet rs, String column) throws SQLException {
        return rs.getObject(column, LocalDate.class);
    }

    public static LocalDateTime dateTime(ResultSet rs, String column) throws SQLException {
        return rs.getObject(column, LocalDateTime.class);
    }

    public static Long nullableLong(ResultSet rs, String column) throws SQLException {
        long value = rs.getLong(column);
        return rs.wasNull() ? null : value;
    }

    /** Cuts a text to a column's size (with an ellipsis), so that a long message never fails a write. */
    public static String truncate(String value, int max) {
        return value == null || value.length() <= max ? value : value.substring(0, max - 1) + "\u2026";
    }
}
