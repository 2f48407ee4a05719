package io.github.sarisync.jdbc;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import io.github.sarisync.client.SariCredentials;
import io.github.sarisync.model.CourseType;

import java.io.IOException;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.URI;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.time.LocalDateTime;
import java.time.format.DateTimeFormatter;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * A small in-process SARI for the engine tests of sari-jdbc: schools with their courses (groups of
 * dated parts, members per part), the token endpoint and the two read operations a sync calls.
 * The data can be changed between runs. Not thread-hostile: answers are built under a lock.
 */
final class TestSari implements AutoCloseable {
    private static final DateTimeFormatter SARI_TIME = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm");
    private static final String API = "/api/courseregistration/";

    private record Part(long id, String name, LocalDateTime start, int freePlaces, int members) {
    }

    private static final class School {
        final SariCredentials credentials;
        final Map<CourseType, Map<String, Map<Long, Part>>> groups = new HashMap<>();

        School(SariCredentials credentials) {
            this.credentials = credentials;
        }
    }

    private final HttpServer server;
    private final Map<String, School> schoolsByUser = new HashMap<>();
    private final AtomicInteger requests = new AtomicInteger();

    TestSari() throws IOException {
        server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        server.createContext("/", this::handle);
        server.start();
    }

    URI baseUri() {
        return URI.create("http://127.0.0.1:" + server.getAddress().getPort());
    }

    int requests() {
        return requests.get();
    }

    /**
     * A school with {@code groups} groups of {@code partsPerGroup} parts per course type, weekly from
     * {@code start}, each part with {@code membersPerPart} students; part ids from {@code firstPartId}.
     */
    synchronized void school(SariCredentials credentials, long firstPartId, LocalDateTime start, int groups,
                             int partsPerGroup, int membersPerPart) {
        School school = new School(credentials);
        long id = firstPartId;
        for (CourseType type : CourseType.values()) {
            Map<String, Map<Long, Part>> byGroup = new LinkedHashMap<>();
            for (int g = 0; g < groups; g++) {
                Map<Long, Part> parts = new LinkedHashMap<>();
                for (int p = 0; p < partsPerGroup; p++) {
                    parts.put(id, new Part(id, type + " Teil " + (p + 1), start.plusWeeks(g).plusDays(p), 12,
                            membersPerPart));
                    id++;
                }
                byGroup.put(type + " Kurs " + (g + 1), parts);
            }
            school.groups.put(type, byGroup);
        }
        schoolsByUser.put(credentials.username(), school);
    }

    /** SARI stops listing a part (it was withdrawn). */
    synchronized void withdraw(String username, long partId) {
        schoolsByUser.get(username).groups.values()
                .forEach(groups -> groups.values().forEach(parts -> parts.remove(partId)));
    }

    /** A part's free places change (somebody registered elsewhere). */
    synchronized void setFreePlaces(String username, long partId, int freePlaces) {
        schoolsByUser.get(username).groups.values().forEach(groups -> groups.values()
                .forEach(parts -> parts.computeIfPresent(partId, (k, p) ->
                        new Part(p.id(), p.name(), p.start(), freePlaces, p.members()))));
    }

    /** How many parts SARI lists for a school now. */
    synchronized int parts(String username) {
        return schoolsByUser.get(username).groups.values().stream()
                .mapToInt(groups -> groups.values().stream().mapToInt(Map::size).sum()).sum();
    }

    @Override
    public void close() {
        server.stop(0);
    }

    private void handle(HttpExchange exchange) throws IOException {
        requests.incrementAndGet();
        int status = 200;
        String body;
        synchronized (this) {
            String path = exchange.getRequestURI().getPath();
            if (path.equals("/oauth/v2/token")) {
                School school = authenticate(query(exchange.getRequestURI().getRawQuery()));
                status = school == null ? 400 : 200;
                body = school == null
                        ? "{\"error\":\"invalid_grant\",\"error_description\":\"Invalid username and password combination\"}"
                        : "{\"access_token\":\"tok-" + school.credentials.username() + "\",\"expires_in\":3600,"
                        + "\"token_type\":\"bearer\",\"scope\":\"user\",\"refresh_token\":\"ref-"
                        + school.credentials.username() + "\"}";
            } else {
                String auth = exchange.getRequestHeaders().getFirst("Authorization");
                School school = auth == null || !auth.startsWith("Bearer tok-") ? null
                        : schoolsByUser.get(auth.substring("Bearer tok-".length()));
                status = school == null ? 401 : 200;
                body = school == null ? "{\"error\":\"invalid_token\"}" : answer(school, path);
            }
        }
        byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
        exchange.getResponseHeaders().add("Content-Type", "application/json");
        exchange.sendResponseHeaders(status, bytes.length);
        try (OutputStream out = exchange.getResponseBody()) {
            out.write(bytes);
        }
    }

    private School authenticate(Map<String, String> q) {
        for (School school : schoolsByUser.values()) {
            SariCredentials c = school.credentials;
            boolean client = c.clientId().equals(q.get("client_id")) && c.clientSecret().equals(q.get("client_secret"));
            boolean password = c.username().equals(q.get("username")) && c.password().equals(q.get("password"));
            boolean refresh = ("ref-" + c.username()).equals(q.get("refresh_token"));
            if (client && (password || refresh)) {
                return school;
            }
        }
        return null;
    }

    private static String answer(School school, String path) {
        String operation = path.startsWith(API) ? path.substring(API.length()) : path;
        if (operation.startsWith("courses/")) {
            CourseType type = CourseType.valueOf(operation.substring("courses/".length()));
            StringBuilder groups = new StringBuilder();
            school.groups.getOrDefault(type, Map.of()).forEach((name, parts) -> {
                if (parts.isEmpty()) {
                    return;
                }
                LocalDateTime first = parts.values().iterator().next().start();
                StringBuilder courses = new StringBuilder();
                parts.values().forEach(p -> courses.append(courses.isEmpty() ? "" : ",")
                        .append("{\"id\":").append(p.id()).append(",\"name\":\"").append(p.name())
                        .append("\",\"date\":\"").append(SARI_TIME.format(p.start()))
                        .append("\",\"address\":{\"name\":\"Kurslokal\",\"address\":\"Bahnhofstrasse 1\",")
                        .append("\"zip\":8001,\"city\":\"Zürich\"},\"freeplaces\":").append(p.freePlaces()).append('}'));
                groups.append(groups.isEmpty() ? "" : ",").append("{\"name\":\"").append(name)
                        .append("\",\"date\":\"").append(SARI_TIME.format(first.toLocalDate().atStartOfDay()))
                        .append("\",\"courses\":[").append(courses).append("]}");
            });
            return envelope("[" + groups + "]");
        }
        if (operation.startsWith("coursedetail/")) {
            long partId = Long.parseLong(operation.substring("coursedetail/".length()));
            Part part = school.groups.values().stream().flatMap(g -> g.values().stream())
                    .map(parts -> parts.get(partId)).filter(p -> p != null).findFirst().orElse(null);
            if (part == null) {
                return "{\"result\":[],\"status\":\"COURSE_NOT_FOUND\"}";
            }
            StringBuilder members = new StringBuilder();
            for (int m = 0; m < part.members(); m++) {
                members.append(members.isEmpty() ? "" : ",").append("{\"faberid\":\"")
                        .append(String.format("%09d", partId * 100 + m))
                        .append("\",\"firstname\":\"Anna\",\"lastname\":\"Muster\",\"birthdate\":\"2007-05-01\",")
                        .append("\"confirmed\":null}");
            }
            return envelope("[" + members + "]");
        }
        return "{\"result\":[],\"status\":\"INVALID_PARAMETER\"}";
    }

    private static String envelope(String result) {
        return "{\"result\":" + result + ",\"status\":\"OK\"}";
    }

    private static Map<String, String> query(String raw) {
        Map<String, String> q = new HashMap<>();
        if (raw != null) {
            for (String pair : raw.split("&")) {
                int eq = pair.indexOf('=');
                if (eq > 0) {
                    q.put(URLDecoder.decode(pair.substring(0, eq), StandardCharsets.UTF_8),
                            URLDecoder.decode(pair.substring(eq + 1), StandardCharsets.UTF_8));
                }
            }
        }
        return q;
    }
}
