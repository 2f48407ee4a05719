package io.github.sarisync.internal.client;

import com.fasterxml.jackson.databind.JsonNode;

import java.time.DateTimeException;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.time.chrono.IsoChronology;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeFormatterBuilder;
import java.time.format.DateTimeParseException;
import java.time.format.ResolverStyle;
import java.util.ArrayList;
import java.util.List;

/**
 * Tolerant reading of single JSON values as SARI sends them. Every method throws
 * {@link MalformedAnswer} naming the field (never its value) when the value cannot be read.
 */
public final class JsonValues {
    /** SARI's local times are Swiss. */
    public static final ZoneId ZURICH = ZoneId.of("Europe/Zurich");

    /** {@code yyyy-MM-dd HH:mm}, also accepted with a {@code T} and with seconds. */
    private static final DateTimeFormatter LOCAL_DATE_TIME = new DateTimeFormatterBuilder()
            .append(DateTimeFormatter.ISO_LOCAL_DATE)
            .optionalStart().appendLiteral(' ').optionalEnd()
            .optionalStart().appendLiteral('T').optionalEnd()
            .appendPattern("HH:mm")
            .optionalStart().appendPattern(":ss").optionalEnd()
            .toFormatter()
            .withResolverStyle(ResolverStyle.STRICT)
            .withChronology(IsoChronology.INSTANCE);

    /**
     * Longer texts are not read as numbers: a long has at most 20 characters, and parsing digits
     * takes time that grows with the square of their number.
     */
    static final int MAX_NUMBER_TEXT = 64;
    /** A fraction or an exponent beyond this many digits is not turned into a plain text. */
    static final int MAX_PLAIN_SCALE = 1000;

    private JsonValues() {
    }

    /** True when the field is absent or JSON null. */
    public static boolean isAbsent(JsonNode node) {
        return node == null || node.isMissingNode() || node.isNull();
    }

    /** A text field; numbers and booleans as their text; null when absent. */
    public static String text(JsonNode parent, String field) {
        return JsonScalar.of(parent.get(field)).text(field);
    }

    /**
     * A zip code: SARI sends it as a number in course lists and as a text elsewhere. Null when
     * absent or empty.
     */
    public static String zip(JsonNode parent, String field) {
        return zip(JsonScalar.of(parent.get(field)), field);
    }

    static String zip(JsonScalar value, String field) {
        String zip = value.text(field);
        return zip == null || zip.isBlank() ? null : zip.trim();
    }

    /** A whole number given as a number or a text of digits; null when absent. */
    public static Long whole(JsonNode parent, String field) {
        return whole(JsonScalar.of(parent.get(field)), field);
    }

    static Long whole(JsonScalar value, String field) {
        return value.whole(field, MAX_NUMBER_TEXT);
    }

    /** A date {@code yyyy-MM-dd} (a time after it is ignored); null when absent or empty. */
    public static LocalDate date(JsonNode parent, String field) {
        String s = text(parent, field);
        return date(s, field);
    }

    private static LocalDate date(String s, String field) {
        if (s == null || s.isBlank()) {
            return null;
        }
        String t = s.trim();
        if (t.length() > 10 && (t.charAt(10) == ' ' || t.charAt(10) == 'T')) {
            t = t.substring(0, 10);
        }
        try {
            return LocalDate.parse(t, DateTimeFormatter.ISO_LOCAL_DATE);
        } catch (DateTimeParseException e) {
            throw new MalformedAnswer(field + " is not a date of the form yyyy-MM-dd");
        }
    }

    /** A local time {@code yyyy-MM-dd HH:mm} (a bare date means midnight); null when absent or empty. */
    public static LocalDateTime localDateTime(JsonNode parent, String field) {
        return localDateTime(JsonScalar.of(parent.get(field)), field);
    }

    static LocalDateTime localDateTime(JsonScalar value, String field) {
        String s = value.text(field);
        if (s == null || s.isBlank()) {
            return null;
        }
        String t = s.trim();
        try {
            LocalDateTime plain = plainLocalDateTime(t);
            if (plain != null) {
                return plain;
            }
            if (t.length() == 10) {
                return LocalDate.parse(t, DateTimeFormatter.ISO_LOCAL_DATE).atStartOfDay();
            }
            return LocalDateTime.parse(t, LOCAL_DATE_TIME);
        } catch (DateTimeException e) {
            throw new MalformedAnswer(field + " is not a time of the form yyyy-MM-dd HH:mm");
        }
    }

    /**
     * The common forms {@code yyyy-MM-dd HH:mm}, {@code yyyy-MM-ddTHH:mm} and either with
     * {@code :ss}, read without the formatter (a course list has several per part, and the
     * formatter costs more than the rest of reading the part); null for any other form, which
     * the formatter then reads or refuses.
     *
     * @throws DateTimeException for a field out of range (month 13, 30 February, hour 24)
     */
    static LocalDateTime plainLocalDateTime(String t) {
        int length = t.length();
        if ((length != 16 && length != 19) || t.charAt(4) != '-' || t.charAt(7) != '-'
                || (t.charAt(10) != ' ' && t.charAt(10) != 'T') || t.charAt(13) != ':'
                || (length == 19 && t.charAt(16) != ':')) {
            return null;
        }
        int year = digits(t, 0, 4);
        int month = digits(t, 5, 7);
        int day = digits(t, 8, 10);
        int hour = digits(t, 11, 13);
        int minute = digits(t, 14, 16);
        int second = length == 19 ? digits(t, 17, 19) : 0;
        if (year < 0 || month < 0 || day < 0 || hour < 0 || minute < 0 || second < 0) {
            return null;
        }
        return LocalDateTime.of(year, month, day, hour, minute, second);
    }

    /** The number written by the ASCII digits {@code from..to-1}, or -1 when one is not a digit. */
    private static int digits(String t, int from, int to) {
        int value = 0;
        for (int i = from; i < to; i++) {
            char c = t.charAt(i);
            if (c < '0' || c > '9') {
                return -1;
            }
            value = value * 10 + (c - '0');
        }
        return value;
    }

    /**
     * A Swiss local time as an instant in Europe/Zurich. {@link ZonedDateTime#of} resolves the
     * two DST edges: a time in the spring gap (02:00-03:00 does not exist) moves forward by the
     * length of the gap (02:30 becomes 03:30 CEST); a time in the autumn overlap (02:00-03:00
     * happens twice) takes the earlier offset, summer time (+02:00).
     */
    public static ZonedDateTime zurich(LocalDateTime local) {
        return ZonedDateTime.of(local, ZURICH);
    }

    /**
     * The elements of a field that should be a list: an array's elements, a single object as a
     * list of one, an absent value, an empty object or an empty text as an empty list.
     */
    public static List<JsonNode> list(JsonNode value, String what) {
        List<JsonNode> out = new ArrayList<>();
        if (isAbsent(value) || value.isTextual() && value.textValue().isBlank()) {
            return out;
        }
        if (value.isArray()) {
            value.forEach(out::add);
            return out;
        }
        if (value.isObject()) {
            if (!value.isEmpty()) {
                out.add(value);
            }
            return out;
        }
        throw new MalformedAnswer(what + " is neither a list, an object nor null");
    }
}
