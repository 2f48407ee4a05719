package io.github.sarisync.examples.boot;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import io.github.sarisync.client.SariCredentials;

import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.time.temporal.ChronoUnit;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.stream.IntStream;

/**
 * The demo's SARI, in-process on a free loopback port: the token endpoint (password and refresh
 * grants, per-school credentials, SARI's OAuth error for wrong ones), getVersion, getCourses (one
 * VKU course of four weekly parts and one two-day PGS course per school, in the coming weeks) and
 * getCourseDetail (two students per part). It stands in for the testkit's SariSimulator so that
 * the demo needs no account and no network.
 */
public final class DemoSari implements AutoCloseable {
    private static final DateTimeFormatter SARI_TIME = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm");
    private static final String API = "/api/courseregistration/";

    /** A demo driving school: tenant id, display name and the credentials this SARI accepts. */
    public record School(String id, String name, SariCredentials credentials, long firstPartId, LocalDateTime start) {
    }

    private final HttpServer server;
    private final ExecutorService executor;
    private final List<School> schools;

    private DemoSari(List<School> schools) throws IOException {
        this.schools = List.copyOf(schools);
        this.server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        this.executor = Executors.newFixedThreadPool(2, r -> {
            Thread t = new Thread(r, "demo-sari");
            t.setDaemon(true);
            return t;
        });
        server.setExecutor(executor);
        server.createContext("/", this::handle);
        server.start();
    }

    /** Starts it with {@code count} schools whose courses begin one to three weeks after {@code clock}'s now. */
    public static DemoSari start(int count, Clock clock) {
        LocalDateTime now = LocalDateTime.now(clock.withZone(ZoneId.of("Europe/Zurich"))).truncatedTo(ChronoUnit.DAYS);
        List<School> schools = IntStream.rangeClosed(1, count).mapToObj(i -> new School("demo-school-" + i,
                "Demo-Fahrschule " + i, new SariCredentials("demo-client-" + i, "demo-secret-" + i,
                        "demo-user-" + i, "demo-password-" + i), 10_000L * i, now.plusWeeks(i).withHour(18)))
                .toList();
        try {
            return new DemoSari(schools);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot start the demo SARI", e);
        }
    }

    public URI baseUri() {
        return URI.create("http://" + server.getAddress().getHostString() + ":" + server.getAddress().getPort());
    }

    public List<School> schools() {
        return schools;
    }

    @Override
    public void close() {
        server.stop(0);
        executor.shutdownNow();
    }

    private void handle(HttpExchange exchange) throws IOException {
        int status = 200;
        String body;
        String path = exchange.getRequestURI().getPath();
        if (path.equals("/oauth/v2/token")) {
            School school = byCredentials(query(exchange.getRequestURI().getRawQuery()));
            if (school == null) {
                status = 400;
                body = "{\"error\":\"invalid_grant\",\"error_description\":\"Invalid username and password combination\"}";
            } else {
                body = "{\"access_token\":\"token-" + school.id() + "\",\"expires_in\":3600,\"token_type\":\"bearer\","
                        + "\"scope\":\"user\",\"refresh_token\":\"refresh-" + school.id() + "\"}";
            }
        } else {
            String auth = exchange.getRequestHeaders().getFirst("Authorization");
            School school = auth == null ? null : byToken(auth.replace("Bearer ", ""));
            if (school == null) {
                status = 401;
                body = "{\"error\":\"invalid_token\"}";
            } else {
                body = answer(school, path.startsWith(API) ? path.substring(API.length()) : path);
            }
        }
        byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
        exchange.getResponseHeaders().add("Content-Type", "application/json");
        exchange.sendResponseHeaders(status, bytes.length);
        try (OutputStream out = exchange.getResponseBody()) {
            out.write(bytes);
        }
    }

    private School byCredentials(Map<String, String> q) {
        for (School s : schools) {
            SariCredentials c = s.credentials();
            boolean client = c.clientId().equals(q.get("client_id")) && c.clientSecret().equals(q.get("client_secret"));
            boolean password = c.username().equals(q.get("username")) && c.password().equals(q.get("password"));
            boolean refresh = ("refresh-" + s.id()).equals(q.get("refresh_token"));
            if (client && (password || refresh)) {
                return s;
            }
        }
        return null;
    }

    private School byToken(String token) {
        return schools.stream().filter(s -> ("token-" + s.id()).equals(token)).findFirst().orElse(null);
    }

    private static String answer(School school, String operation) {
        if (operation.startsWith("version/")) {
            return envelope("\"" + operation.substring("version/".length()) + "\"", "OK");
        }
        if (operation.equals("courses/VKU")) {
            return envelope("[" + group("VKU", school.firstPartId(), school.start(), 4, 7) + "]", "OK");
        }
        if (operation.equals("courses/PGS")) {
            return envelope("[" + group("PGS", school.firstPartId() + 100, school.start().plusDays(3).withHour(8), 2, 1)
                    + "]", "OK");
        }
        if (operation.startsWith("coursedetail/")) {
            long partId = Long.parseLong(operation.substring("coursedetail/".length()));
            if (partId < school.firstPartId() || partId >= school.firstPartId() + 200) {
                return envelope("[]", "NO_PERMISSION");
            }
            return envelope("[" + member(partId, 1, "2026-01-10") + "," + member(partId, 2, null) + "]", "OK");
        }
        return envelope("[]", "INVALID_PARAMETER");
    }

    private static String group(String type, long firstId, LocalDateTime start, int parts, int daysApart) {
        StringBuilder courses = new StringBuilder();
        for (int i = 0; i < parts; i++) {
            courses.append(i == 0 ? "" : ",").append("{\"id\":").append(firstId + i)
                    .append(",\"name\":\"").append(type).append(" Teil ").append(i + 1)
                    .append("\",\"date\":\"").append(SARI_TIME.format(start.plusDays((long) i * daysApart)))
                    .append("\",\"address\":{\"name\":\"Kurslokal Demo\",\"address\":\"Bahnhofstrasse 1\",")
                    .append("\"zip\":8001,\"city\":\"Zürich\"},\"freeplaces\":").append(6 - i).append('}');
        }
        return "{\"name\":\"" + type + " " + SARI_TIME.format(start) + "\",\"date\":\"" + SARI_TIME.format(start)
                + "\",\"courses\":[" + courses + "]}";
    }

    private static String member(long partId, int n, String confirmed) {
        return "{\"faberid\":\"" + String.format("%09d", partId * 10 + n) + "\",\"firstname\":\"Demo\",\"lastname\":\"Student "
                + n + "\",\"birthdate\":\"2007-0" + n + "-15\",\"confirmed\":"
                + (confirmed == null ? "null" : "\"" + confirmed + "\"") + "}";
    }

    private static String envelope(String result, String status) {
        return "{\"result\":" + result + ",\"status\":\"" + status + "\"}";
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
