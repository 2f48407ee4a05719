package io.github.sarisync.client.hostile;

import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.Tuple;

import java.io.ByteArrayOutputStream;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;

import static io.github.sarisync.client.hostile.HostileJson.f;
import static io.github.sarisync.client.hostile.HostileJson.field;
import static io.github.sarisync.client.hostile.HostileJson.object;

/**
 * Whole answers a hostile SARI might give to one operation: its own kind of answer with hostile
 * fields, random JSON, random bytes, truncated JSON, odd encodings, HTML pages, deep nesting;
 * with any HTTP status, any content type, framed with a Content-Length, chunked or cut off.
 */
final class HostileReplies {
    private static final String[] STATUSES = {"OK", "INTERNAL_SERVER_ERROR", "INVALID_PARAMETER",
            "PERSON_ALREADY_ADDED", "COURSEMEMBER_NOT_FOUND", "COURSE_NOT_FOUND", "SOMETHING_NEW", "ok", ""};

    private HostileReplies() {
    }

    /** Any answer to {@code op}. */
    static Arbitrary<Reply> to(Operation op) {
        return Combinators.combine(httpStatus(), contentType(), body(op), framing()).as(Reply.Whole::new);
    }

    private static Arbitrary<Integer> httpStatus() {
        return Arbitraries.frequencyOf(
                Tuple.of(12, Arbitraries.just(200)),
                Tuple.of(1, Arbitraries.of(201, 299, 302, 400, 401, 403, 404, 418, 429, 500, 502, 503, 599)));
    }

    private static Arbitrary<String> contentType() {
        return Arbitraries.frequencyOf(
                Tuple.of(6, Arbitraries.just("application/json")),
                Tuple.of(1, Arbitraries.of("application/json; charset=UTF-16", "text/html; charset=utf-8",
                        "text/plain; charset=ISO-8859-1", "application/octet-stream", "application/json; charset=nonsense")),
                Tuple.of(1, Arbitraries.just((String) null)));
    }

    private static Arbitrary<Reply.Framing> framing() {
        return Arbitraries.frequencyOf(
                Tuple.of(10, Arbitraries.just(Reply.Framing.LENGTH)),
                Tuple.of(2, Arbitraries.just(Reply.Framing.CHUNKED)),
                Tuple.of(1, Arbitraries.just(Reply.Framing.TRUNCATED)));
    }

    /** The body bytes. */
    static Arbitrary<byte[]> body(Operation op) {
        Arbitrary<String> own = answer(op);
        return Arbitraries.frequencyOf(
                Tuple.of(10, own.map(HostileReplies::utf8)),
                Tuple.of(2, envelope(HostileJson.anyValue()).map(HostileReplies::utf8)),
                Tuple.of(1, HostileJson.anyValue().map(HostileReplies::utf8)),
                Tuple.of(1, Arbitraries.bytes().array(byte[].class).ofMaxSize(200)),
                Tuple.of(2, Combinators.combine(own, Arbitraries.doubles().between(0, 1))
                        .as((json, share) -> utf8(json.substring(0, (int) (json.length() * share))))),
                Tuple.of(2, Combinators.combine(own, Arbitraries.of(StandardCharsets.UTF_16, StandardCharsets.UTF_16LE,
                        StandardCharsets.UTF_16BE, Charset.forName("UTF-32"), StandardCharsets.ISO_8859_1))
                        .as(HostileReplies::encoded)),
                Tuple.of(2, Combinators.combine(own, Arbitraries.of(new byte[] {0}, new byte[] {(byte) 0xC3},
                                new byte[] {(byte) 0xFF, (byte) 0xFE}, new byte[] {(byte) 0xED, (byte) 0xA0, (byte) 0x80},
                                new byte[] {(byte) 0xEF, (byte) 0xBB, (byte) 0xBF}), Arbitraries.doubles().between(0, 1))
                        .as(HostileReplies::injected)),
                Tuple.of(1, Arbitraries.of(
                        "<!DOCTYPE html><html><head><title>502 Bad Gateway</title></head><body>nginx</body></html>",
                        "<html><body><h1>Wartungsarbeiten</h1><p>SARI ist bald wieder da.</p></body></html>",
                        "OK", "null", "", " ").map(HostileReplies::utf8)),
                Tuple.of(1, HostileJson.deepNesting().map(d -> utf8(op == Operation.TOKEN ? d
                        : "{\"status\":\"OK\",\"result\":" + d + "}"))));
    }

    /** The operation's own kind of answer, every field of it sometimes hostile. */
    static Arbitrary<String> answer(Operation op) {
        return switch (op) {
            case TOKEN -> object(
                    f("access_token", field(Arbitraries.strings().alpha().numeric().ofMinLength(1).ofMaxLength(30)
                            .map(HostileJson::quote))),
                    f("expires_in", field(Arbitraries.frequencyOf(Tuple.of(2, Arbitraries.just("3600")),
                            Tuple.of(1, HostileJson.number()),
                            Tuple.of(1, Arbitraries.of("9223372036854775807", "31556889864403200", "\"99999999999999999\"",
                                    "0", "-3600", "\"3600\"", "3.6e3", "1e300"))))),
                    f("token_type", field("\"bearer\"")),
                    f("scope", field("\"user\"")),
                    f("refresh_token", field(HostileJson.text().map(HostileJson::quote))),
                    f("error", Arbitraries.frequencyOf(Tuple.of(8, Arbitraries.just((String) null)),
                            Tuple.of(1, HostileJson.scalar()))));
            case VERSION -> envelope(field(HostileJson.text().map(HostileJson::quote)));
            case CUSTOMER -> envelope(field(customer()));
            case COURSES_VKU, COURSES_PGS -> envelope(field(Arbitraries.oneOf(group(),
                    HostileJson.field(group()).list().ofMaxSize(4).map(HostileJson::array))));
            case COURSE_DETAIL -> envelope(field(field(member()).list().ofMaxSize(5).map(HostileJson::array)));
            case ENROL, UNENROL -> envelope(field("[]"));
        };
    }

    private static Arbitrary<String> envelope(Arbitrary<String> result) {
        return object(
                f("status", field(Arbitraries.frequencyOf(Tuple.of(6, Arbitraries.just("\"OK\"")),
                        Tuple.of(1, Arbitraries.of(STATUSES).map(HostileJson::quote))))),
                f("result", result));
    }

    private static Arbitrary<String> customer() {
        return object(
                f("faberid", field(Arbitraries.of("\"1234567\"", "\"001234567\"", "1234567", "\"\""))),
                f("birthdate", date()),
                f("firstname", text()), f("lastname", text()), f("address", text()),
                f("zip", field(Arbitraries.of("\"3000\"", "3000", "\"\""))),
                f("city", text()),
                f("licenses", field(field(object(f("category", text()), f("expirationdate", date())))
                        .list().ofMaxSize(3).map(HostileJson::array))));
    }

    private static Arbitrary<String> group() {
        return object(f("name", text()), f("date", dateTime()),
                f("courses", field(field(part()).list().ofMaxSize(4).map(HostileJson::array))));
    }

    private static Arbitrary<String> part() {
        return object(
                f("id", field(Arbitraries.longs().between(1, 1_000_000).map(String::valueOf))),
                f("name", text()),
                f("date", dateTime()),
                f("address", field(object(f("name", text()), f("address", text()),
                        f("zip", field(Arbitraries.of("3000", "\"3000\"", "\" 8001 \""))), f("city", text())))),
                f("freeplaces", field(Arbitraries.integers().between(0, 30).map(String::valueOf))));
    }

    private static Arbitrary<String> member() {
        return object(
                f("faberid", field(Arbitraries.of("\"001234567\"", "\"7654321\"", "7654321"))),
                f("firstname", text()), f("lastname", text()),
                f("birthdate", date()),
                f("confirmed", field(Arbitraries.of("\"2026-03-01\"", "null", "\"\"", "false", "true"))));
    }

    private static Arbitrary<String> text() {
        return field(HostileJson.text().map(HostileJson::quote));
    }

    private static Arbitrary<String> date() {
        return field(Arbitraries.of("\"2001-05-17\"", "\"2001-05-17 00:00\"", "\"\"", "\"17.05.2001\""));
    }

    private static Arbitrary<String> dateTime() {
        return field(Arbitraries.of("\"2026-04-10 18:00\"", "\"2026-04-10T18:00:00\"", "\"2026-04-10\"",
                "\"2026-03-29 02:30\"", "\"2026-10-25 02:30\""));
    }

    private static byte[] utf8(String s) {
        return s.getBytes(StandardCharsets.UTF_8);
    }

    private static byte[] encoded(String json, Charset charset) {
        return json.getBytes(charset);
    }

    private static byte[] injected(String json, byte[] junk, double share) {
        byte[] body = utf8(json);
        int at = (int) (body.length * share);
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        out.write(body, 0, at);
        out.writeBytes(junk);
        out.write(body, at, body.length - at);
        return out.toByteArray();
    }
}
