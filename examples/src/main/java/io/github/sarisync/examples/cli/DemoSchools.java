package io.github.sarisync.examples.cli;

import io.github.sarisync.client.SariCredentials;

import java.time.Clock;
import java.time.DayOfWeek;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.time.temporal.TemporalAdjusters;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The demo driving schools and their courses: the same every time within a week (courses are
 * placed in the weeks after the coming Monday), so that a second sync finds nothing changed.
 * Each school has 3 VKU courses of 4 parts and 2 PGS courses of 2 days, 3 students per part.
 * Names and licence numbers are invented.
 */
final class DemoSchools {
    private static final DateTimeFormatter SARI_TIME = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm");
    private static final String[] NAMES = {"Fahrschule Alpenblick", "Fahrschule Aareufer", "Auto-Ecole du Lac",
            "Fahrschule Zytglogge", "Scuola guida Ticino", "Fahrschule Rheinfall", "Fahrschule Pilatus",
            "Auto-Ecole Jura"};
    private static final String[][] PLACES = {{"Verkehrshaus", "Lidostrasse 5", "6006", "Luzern"},
            {"Schulungsraum Bern", "Bundesgasse 8", "3011", "Bern"}, {"Salle Riponne", "Place de la Riponne 3", "1005", "Lausanne"},
            {"Theorielokal", "Bahnhofstrasse 12", "8001", "Zürich"}};
    private static final String[] FIRST = {"Lea", "Noah", "Mia", "Luca", "Emma", "Elias", "Lina", "Matteo"};
    private static final String[] LAST = {"Müller", "Meier", "Schmid", "Keller", "Weber", "Huber", "Rossi", "Favre"};

    private final List<DemoSari.School> schools = new ArrayList<>();
    private final Map<Integer, Map<String, List<Map<String, Object>>>> groups = new HashMap<>();
    private final Map<Long, Integer> owners = new HashMap<>();
    private final Map<Long, List<Map<String, Object>>> members = new HashMap<>();

    DemoSchools(int count, Clock clock) {
        LocalDate monday = LocalDate.ofInstant(clock.instant(), ZoneId.of("Europe/Zurich"))
                .with(TemporalAdjusters.previousOrSame(DayOfWeek.MONDAY)).plusWeeks(1);
        for (int i = 1; i <= count; i++) {
            String name = NAMES[(i - 1) % NAMES.length] + (i > NAMES.length ? " " + i : "");
            schools.add(new DemoSari.School("demo-school-" + i, name, new SariCredentials("demo-client-" + i,
                    "demo-secret-" + i, "demo-user-" + i, "demo-password-" + i)));
            Map<String, List<Map<String, Object>>> byType = new HashMap<>();
            byType.put("VKU", courses(i, monday, "VKU", 3, 4));
            byType.put("PGS", courses(i, monday, "PGS", 2, 2));
            groups.put(i, byType);
        }
    }

    List<DemoSari.School> schools() {
        return List.copyOf(schools);
    }

    /** The school whose client id and secret these are, or null. */
    Integer schoolOfClient(String clientId, String clientSecret) {
        for (int i = 0; i < schools.size(); i++) {
            SariCredentials c = schools.get(i).credentials();
            if (c.clientId().equals(clientId) && c.clientSecret().equals(clientSecret)) {
                return i + 1;
            }
        }
        return null;
    }

    boolean passwordMatches(int school, String username, String password) {
        SariCredentials c = schools.get(school - 1).credentials();
        return c.username().equals(username) && c.password().equals(password);
    }

    /** The course groups of a school and type as getCourses answers them, or null for an unknown type. */
    List<Map<String, Object>> groups(int school, String type) {
        return groups.getOrDefault(school, Map.of()).get(type);
    }

    Integer ownerOf(long partId) {
        return owners.get(partId);
    }

    List<Map<String, Object>> members(long partId) {
        return members.getOrDefault(partId, List.of());
    }

    private List<Map<String, Object>> courses(int school, LocalDate monday, String type, int groupCount, int partCount) {
        boolean vku = type.equals("VKU");
        List<Map<String, Object>> result = new ArrayList<>();
        for (int g = 0; g < groupCount; g++) {
            LocalDate first = monday.plusWeeks(g).plusDays(vku ? 0 : 5);
            List<Map<String, Object>> parts = new ArrayList<>();
            for (int p = 0; p < partCount; p++) {
                long id = school * 1000L + (vku ? 0 : 500) + g * 10L + p + 1;
                LocalDateTime start = vku ? first.plusDays(p).atTime(18, 30) : first.plusDays(p).atTime(8, 0);
                String[] place = PLACES[(school + g) % PLACES.length];
                Map<String, Object> address = new LinkedHashMap<>();
                address.put("name", place[0]);
                address.put("address", place[1]);
                address.put("zip", Integer.parseInt(place[2]));
                address.put("city", place[3]);
                Map<String, Object> part = new LinkedHashMap<>();
                part.put("id", id);
                part.put("name", (vku ? "VKU Teil " : "PGS Tag ") + (p + 1));
                part.put("date", SARI_TIME.format(start));
                part.put("address", address);
                part.put("freeplaces", 12 - g - p);
                parts.add(part);
                owners.put(id, school);
                members.put(id, students(school, g, p));
            }
            Map<String, Object> group = new LinkedHashMap<>();
            group.put("name", type + " " + SARI_TIME.format(first.atStartOfDay()).substring(0, 10));
            group.put("date", SARI_TIME.format(first.atStartOfDay()));
            group.put("courses", parts);
            result.add(group);
        }
        return result;
    }

    private static List<Map<String, Object>> students(int school, int group, int part) {
        List<Map<String, Object>> list = new ArrayList<>();
        for (int s = 0; s < 3; s++) {
            int n = school * 37 + group * 11 + s;
            Map<String, Object> member = new LinkedHashMap<>();
            member.put("faberid", String.format("%09d", 4_200_000 + school * 1000 + group * 10 + s));
            member.put("firstname", FIRST[n % FIRST.length]);
            member.put("lastname", LAST[(n / 3) % LAST.length]);
            member.put("birthdate", LocalDate.of(2006, 1 + n % 12, 1 + n % 28).toString());
            member.put("confirmed", part == 0 && s == 0 ? "2026-01-15" : null);
            list.add(member);
        }
        return list;
    }
}
