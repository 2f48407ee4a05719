package io.github.sarisync.client.hostile;

import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.Tuple;

import java.math.BigInteger;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Collectors;

/**
 * Generators of JSON text as a hostile SARI might write it: values of every type, strings with
 * control characters, NULs and lone surrogates, numbers too large for any Java type, deep nesting,
 * duplicate keys. A record's fields are mostly right and sometimes missing, null or of a wrong type.
 */
final class HostileJson {
    /** Field names SARI uses, so that random objects sometimes look like the real thing. */
    private static final List<String> KEYS = List.of("status", "result", "id", "name", "date", "courses",
            "address", "zip", "city", "freeplaces", "faberid", "birthdate", "confirmed", "licenses",
            "access_token", "expires_in", "refresh_token", "error", "x", "");

    private HostileJson() {
    }

    /** Any JSON value, nested a few levels, small. */
    static Arbitrary<String> anyValue() {
        return anyValue(3);
    }

    private static Arbitrary<String> anyValue(int depth) {
        if (depth == 0) {
            return scalar();
        }
        Arbitrary<String> inner = Arbitraries.lazy(() -> anyValue(depth - 1));
        return Arbitraries.frequencyOf(
                Tuple.of(6, scalar()),
                Tuple.of(1, inner.list().ofMaxSize(4).map(HostileJson::array)),
                Tuple.of(1, Combinators.combine(Arbitraries.of(KEYS).list().ofMaxSize(4), inner.list().ofSize(4))
                        .as(HostileJson::objectOf)));
    }

    /** A JSON scalar: a hostile string, a hostile number, true, false or null. */
    static Arbitrary<String> scalar() {
        return Arbitraries.frequencyOf(
                Tuple.of(3, text().map(HostileJson::quote)),
                Tuple.of(1, Arbitraries.of("\"\\u0000\"", "\"\\ud800\"", "\"a\\udfffb\"", "\"\\\\\"", "\"\\n\\r\\t\"")),
                Tuple.of(3, number()),
                Tuple.of(1, Arbitraries.of("true", "false", "null")));
    }

    /** Strings SARI might send where any text is expected: empty, blank, dates, digits, control characters. */
    static Arbitrary<String> text() {
        return Arbitraries.frequencyOf(
                Tuple.of(3, Arbitraries.strings().ofMaxLength(20)),
                Tuple.of(1, Arbitraries.strings().withCharRange('\u0000', '\u001f').ofMaxLength(5)),
                Tuple.of(2, Arbitraries.of("", " ", "OK", "null", "NaN", "Infinity", "-0", "1e999", "0x1F",
                        "2026-04-10 18:00", "2026-04-10T18:00:00", "2026-04-10", "2026-02-30 10:00",
                        "2026-13-01", "10.04.2026", "+999999999-12-31 23:59", "-999999999-01-01 00:00",
                        "+999999999-12-31", "2026-04-10 24:00", "9".repeat(40), "0000000000000001")),
                Tuple.of(1, Arbitraries.integers().between(1, 2000).map("7"::repeat)));
    }

    /** Numbers: small, at the edges of int and long, fractions, far beyond double, and invalid JSON numbers. */
    static Arbitrary<String> number() {
        return Arbitraries.frequencyOf(
                Tuple.of(3, Arbitraries.longs().map(String::valueOf)),
                Tuple.of(2, Arbitraries.integers().between(-5, 100).map(String::valueOf)),
                Tuple.of(1, Arbitraries.doubles().map(String::valueOf)),
                Tuple.of(1, Arbitraries.bigIntegers().between(BigInteger.TEN.pow(19),
                        BigInteger.TEN.pow(60)).map(String::valueOf)),
                Tuple.of(2, Arbitraries.of("1e999", "-1e999", "1e-999", "1E+308", "4.9e-324", "-0", "0.0", "1.5",
                        "2147483648", "-2147483649", "9223372036854775808", "1e19", "1.0E2", "3.00000000000000001",
                        "1" + "0".repeat(999), "1" + "0".repeat(1200), "NaN", "-Infinity", "01", ".5", "1.",
                        "0x10", "+1", "1e", "--1")));
    }

    /** A value nested {@code depth} levels deep in arrays or objects: beyond the parser's limit when deep enough. */
    static Arbitrary<String> deepNesting() {
        return Combinators.combine(Arbitraries.integers().between(50, 3000), Arbitraries.of(true, false))
                .as((depth, arrays) -> arrays
                        ? "[".repeat(depth) + "1" + "]".repeat(depth)
                        : "{\"a\":".repeat(depth) + "1" + "}".repeat(depth));
    }

    /** {@code good} most of the time; else missing (null), JSON null, a hostile value or deep nesting. */
    static Arbitrary<String> field(Arbitrary<String> good) {
        return Arbitraries.frequencyOf(
                Tuple.of(14, good),
                Tuple.of(1, Arbitraries.just((String) null)),
                Tuple.of(1, Arbitraries.just("null")),
                Tuple.of(3, anyValue(1)),
                Tuple.of(1, deepNesting()));
    }

    static Arbitrary<String> field(String good) {
        return field(Arbitraries.just(good));
    }

    /**
     * An object of the given fields (a null value leaves the field out), sometimes with a key
     * given twice (the second time with a hostile value) and an unknown field.
     */
    @SafeVarargs
    static Arbitrary<String> object(Tuple.Tuple2<String, Arbitrary<String>>... fields) {
        List<Arbitrary<String>> members = new ArrayList<>();
        for (Tuple.Tuple2<String, Arbitrary<String>> f : fields) {
            members.add(f.get2().map(v -> v == null ? null : quote(f.get1()) + ":" + v));
        }
        members.add(Arbitraries.frequencyOf(
                Tuple.of(8, Arbitraries.just((String) null)),
                Tuple.of(1, Combinators.combine(Arbitraries.of(fields).map(Tuple.Tuple2::get1), anyValue(1))
                        .as((k, v) -> quote(k) + ":" + v)),
                Tuple.of(1, anyValue(1).map(v -> "\"unknownField\":" + v))));
        return Combinators.combine(members).as(list -> list.stream().filter(m -> m != null)
                .collect(Collectors.joining(",", "{", "}")));
    }

    static Tuple.Tuple2<String, Arbitrary<String>> f(String key, Arbitrary<String> value) {
        return Tuple.of(key, value);
    }

    static String array(List<String> elements) {
        return elements.stream().collect(Collectors.joining(",", "[", "]"));
    }

    private static String objectOf(List<String> keys, List<String> values) {
        StringBuilder sb = new StringBuilder("{");
        for (int i = 0; i < keys.size(); i++) {
            sb.append(i == 0 ? "" : ",").append(quote(keys.get(i))).append(':').append(values.get(i));
        }
        return sb.append('}').toString();
    }

    /** A JSON string literal; control characters escaped, everything else (lone surrogates too) as is. */
    static String quote(String s) {
        StringBuilder sb = new StringBuilder("\"");
        for (char c : s.toCharArray()) {
            if (c == '"' || c == '\\') {
                sb.append('\\').append(c);
            } else if (c < 0x20) {
                sb.append(String.format("\\u%04x", (int) c));
            } else {
                sb.append(c);
            }
        }
        return sb.append('"').toString();
    }
}
