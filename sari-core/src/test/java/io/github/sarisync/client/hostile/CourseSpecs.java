package io.github.sarisync.client.hostile;

import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.Tuple;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

/**
 * Course groups and parts for getCourses answers, each either readable in one of the many forms
 * SARI uses, or broken in one way that the client must reject. Part ids follow from the position
 * (group {@code g}, part {@code p}), so that they are unique within an answer.
 */
final class CourseSpecs {
    /** A field value that leaves the field out. */
    private static final String MISSING = "MISSING";
    private CourseSpecs() {
    }

    static Arbitrary<Group> group() {
        return Combinators.combine(part().list().ofMaxSize(5), groupFlaw(),
                        Arbitraries.of("\"2026-04-10 00:00\"", "\"2026-04-10\"", "null", "\"bald\"", "7", "{}"))
                .as(Group::new);
    }

    /** How a whole group is broken, if it is; the client rejects it as one record. */
    static Arbitrary<String> groupFlaw() {
        return Arbitraries.frequencyOf(
                Tuple.of(8, Arbitraries.just((String) null)),
                Tuple.of(1, Arbitraries.of("NOT_AN_OBJECT", "NULL", "NAME:{}", "NAME:[1]", "NAME:1e999",
                        "COURSES:\"x\"", "COURSES:5", "COURSES:true")));
    }

    static Arbitrary<Part> part() {
        return Arbitraries.frequencyOf(
                Tuple.of(3, readable()),
                Tuple.of(2, broken()));
    }

    private static Arbitrary<Part> readable() {
        Arbitrary<String> idForm = Arbitraries.of("%d", "\"%d\"", "%d.0", "\" %d \"");
        Arbitrary<String> name = Arbitraries.of("\"VKU Teil 1\"", "\"\"", "null", "12", "true", "\"\\u0000\\n\"", MISSING);
        Arbitrary<String> date = Arbitraries.of("\"2026-04-10 18:00\"", "\"2026-04-10T18:00\"",
                "\"2026-04-10 18:00:00\"", "\"2026-04-10\"", "\" 2026-04-10 18:00 \"", "\"2026-03-29 02:30\"",
                "\"2026-10-25 02:30\"");
        Arbitrary<String> address = Arbitraries.of(MISSING, "null", "{}",
                "{\"name\":\"Alpha\",\"address\":\"Weg 1\",\"zip\":3000,\"city\":\"Bern\"}",
                "{\"zip\":\" 8001 \",\"city\":null}", "{\"zip\":\"\",\"name\":12.50}", "{\"zip\":3000,\"zip\":\"3001\"}");
        Arbitrary<String> free = Arbitraries.of("3", "\"3\"", "0", "\"0\"", "-1", "2147483647", "\"12\"", "4.0");
        return Combinators.combine(idForm, name, date, address, free, Arbitraries.of(true, false))
                .as((id, n, d, a, f, extra) -> {
                    Map<String, String> fields = new LinkedHashMap<>();
                    fields.put("id", id);
                    fields.put("name", n);
                    fields.put("date", d);
                    fields.put("address", a);
                    fields.put("freeplaces", f);
                    if (extra) {
                        fields.put("teacher", "{\"name\":[1,{\"x\":null}]}");
                    }
                    return new Part(fields, null, true);
                });
    }

    /** A part with one flaw: a field that is missing or cannot be read, or no object at all. */
    private static Arbitrary<Part> broken() {
        Arbitrary<Part> base = readable();
        return Arbitraries.frequencyOf(
                Tuple.of(3, Combinators.combine(base, Arbitraries.of(MISSING, "null", "\"abc\"", "-5", "0", "1.5",
                        "true", "{}", "[]", "1e999", "\"" + "9".repeat(70) + "\"", "\"\""))
                        .as((p, v) -> p.flawed("id", v, false))),
                Tuple.of(2, Combinators.combine(base, Arbitraries.of(MISSING, "null", "\"\"", "\"tomorrow\"",
                        "\"2026-02-30 10:00\"", "\"2026-04-10 25:00\"", "{}", "[]", "true", "1e999", "20260410"))
                        .as((p, v) -> p.flawed("date", v, true))),
                Tuple.of(2, Combinators.combine(base, Arbitraries.of(MISSING, "null", "\"many\"", "1.5", "1e10",
                        "[]", "{}", "\"\"", "1e999", "\"" + "1".repeat(10_000) + "\""))
                        .as((p, v) -> p.flawed("freeplaces", v, true))),
                Tuple.of(1, Combinators.combine(base, Arbitraries.of("\"Bern\"", "42", "[]", "true",
                        "{\"zip\":{}}", "{\"city\":[1]}", "{\"name\":1e999}"))
                        .as((p, v) -> p.flawed("address", v, true))),
                Tuple.of(1, Combinators.combine(base, Arbitraries.of("{}", "[]", "1e999", "-1e999", "[\"VKU\"]"))
                        .as((p, v) -> p.flawed("name", v, true))),
                Tuple.of(1, Arbitraries.of("\"x\"", "5", "null", "[]", "true")
                        .map(json -> new Part(Map.of(), json, false))));
    }

    /**
     * A part: its fields (an {@code %d} in the id stands for the id), or a whole non-object JSON
     * value; whether the client can read it; and, when it cannot, whether the id can still be read.
     */
    record Part(Map<String, String> fields, String notAnObject, boolean readable, boolean idReadable) {
        Part(Map<String, String> fields, String notAnObject, boolean readable) {
            this(fields, notAnObject, readable, readable);
        }

        Part flawed(String field, String value, boolean idStaysReadable) {
            Map<String, String> changed = new LinkedHashMap<>(fields);
            changed.put(field, value);
            return new Part(changed, null, false, idStaysReadable);
        }

        String json(long id) {
            if (notAnObject != null) {
                return notAnObject;
            }
            return fields.entrySet().stream().filter(e -> !MISSING.equals(e.getValue()))
                    .map(e -> HostileJson.quote(e.getKey()) + ":" + e.getValue().replace("%d", Long.toString(id)))
                    .collect(Collectors.joining(",", "{", "}"));
        }
    }

    /** A group: its parts, its date (readable or not, it does not matter), and a flaw or null. */
    record Group(List<Part> parts, String flaw, String date) {
        static String name(int g) {
            return "Gruppe " + (g + 1);
        }

        static long id(int g, int p) {
            return 1000L * (g + 1) + p + 1;
        }

        String json(int g) {
            if ("NOT_AN_OBJECT".equals(flaw)) {
                return "\"" + name(g) + "\"";
            }
            if ("NULL".equals(flaw)) {
                return "null";
            }
            List<String> partTexts = new ArrayList<>();
            for (int p = 0; p < parts.size(); p++) {
                partTexts.add(parts.get(p).json(id(g, p)));
            }
            String name = flaw != null && flaw.startsWith("NAME:") ? flaw.substring(5) : HostileJson.quote(name(g));
            String courses = flaw != null && flaw.startsWith("COURSES:") ? flaw.substring(8)
                    : HostileJson.array(partTexts);
            return "{\"name\":" + name + ",\"date\":" + date + ",\"courses\":" + courses + "}";
        }

        List<Long> keptIds(int g) {
            List<Long> ids = new ArrayList<>();
            if (flaw == null) {
                for (int p = 0; p < parts.size(); p++) {
                    if (parts.get(p).readable()) {
                        ids.add(id(g, p));
                    }
                }
            }
            return ids;
        }

        List<Long> rejectedIds(int g) {
            List<Long> ids = new ArrayList<>();
            if (flaw != null) {
                ids.add(null);
                return ids;
            }
            for (int p = 0; p < parts.size(); p++) {
                Part part = parts.get(p);
                if (!part.readable()) {
                    ids.add(part.idReadable() ? id(g, p) : null);
                }
            }
            return ids;
        }
    }
}
