package io.github.sarisync.spring;

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
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * A small in-process SARI for the adapter's full-context test: schools with their credentials,
 * one VKU course of four parts each (one registered student per part), the token endpoint and
 * the two read operations the sync calls. Wrong credentials get SARI's OAuth error.
 */
final class FakeSari implements AutoCloseable {
    private static final DateTimeFormatter SARI_TIME = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm");

    private record School(SariCredentials credentials, long firstPartId, LocalDateTime start) {
    }

    private final HttpServer server;
    private final Map<String, School> schoolsByToken = new HashMap<>();
    private final List<School> schools = new ArrayList<>();
    private final AtomicInteger requests = new AtomicInteger();

    FakeSari() throws IOException {
        server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        server.createContext("/", this::handle);
        server.start();
    }

    URI baseUri() {
        return URI.create("http://127.0.0.1:" + server.getAddress().getPort());
    }

    /** A school whose VKU course has four parts with ids {@code firstPartId..+3}, weekly from {@code start}. */
    synchronized void school(SariCredentials credentials, long firstPartId, LocalDateTime start) {
        School school = new School(credentials, firstPartId, start);
        schools.add(school);
        schoolsByToken.put("token-" + schools.size(), school);
    }

    int requests() {
        return requests.get();
    }

    @Override
    public void close() {
        server.stop(0);
    }

    private void handle(HttpExchange exchange) throws IOException {
        requests.incrementAndGet();
        String path = exchange.getRequestURI().getPath();
        int status = 200;
        String body;
        synchronized (this) {
            if (path.equals("/oauth/v2/token")) {
                String token = token(query(exchange.getRequestURI().getRawQuery()));
                if (token == null) {
                    status = 400;
                    body = "{\"error\":\"invalid_grant\",\"error_description\":\"Invalid username and password combination\"}";
                } else {
                    body = "{\"access_token\":\"" + token + "\",\"expires_in\":3600,\"token_type\":\"bearer\","
                            + "\"scope\":\"user\",\"refresh_token\":\"r-" + token + "\"}";
                }
            } else {
                String auth = exchange.getRequestHeaders().getFirst("Authorization");
                School school = auth == null ? null : schoolsByToken.get(auth.replace("Bearer ", ""));
                if (school == null) {
                    status = 401;
                    body = "{\"error\":\"invalid_token\"}";
                } else {
                    body = answer(school, path);
                }
            }
        }
        byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
        exchange.getResponseHeaders().add("Content-Type", "application/json");
        exchange.sendResponseHeaders(status, bytes.length);
        try (OutputStream out = exchange.getResponseBody()) {
            out.write(bytes);
        }
    }

    private String token(Map<String, String> q) {
        for (int i = 0; i < schools.size(); i++) {
            SariCredentials c = schools.get(i).credentials();
            boolean refresh = "refresh_token".equals(q.get("grant_type"))
                    && ("r-token-" + (i + 1)).equals(q.get("refresh_token"));
            boolean password = c.username().equals(q.get("username")) && c.password().equals(q.get("password"));
            if (c.clientId().equals(q.get("client_id")) && c.clientSecret().equals(q.get("client_secret"))
                    && (refresh || password)) {
                return "token-" + (i + 1);
            }
        }
        return null;
    }

    private static String answer(School school, String path) {
        String prefix = "/api/courseregistration/";
        String operation = path.startsWith(prefix) ? path.substring(prefix.length()) : path;
        if (operation.startsWith("version/")) {
            return envelope("\"" + operation.substring("version/".length()) + "\"");
        }
        if (operation.equals("courses/" + CourseType.VKU)) {
            StringBuilder parts = new StringBuilder();
            for (int i = 0; i < 4; i++) {
                if (i > 0) {
                    parts.append(',');
                }
                parts.append("{\"id\":").append(school.firstPartId() + i)
                        .append(",\"name\":\"VKU Teil ").append(i + 1)
                        .append("\",\"date\":\"").append(SARI_TIME.format(school.start().plusWeeks(i)))
                        .append("\",\"address\":{\"name\":\"Kurslokal\",\"address\":\"Bahnhofstrasse 1\",")
                        .append("\"zip\":8001,\"city\":\"Zürich\"},\"freeplaces\":").append(8 - i).append('}');
            }
            return envelope("[{\"name\":\"VKU " + SARI_TIME.format(school.start()) + "\",\"date\":\""
                    + SARI_TIME.format(school.start()) + "\",\"courses\":[" + parts + "]}]");
        }
        if (operation.startsWith("courses/")) {
            return envelope("[]");
        }
        if (operation.startsWith("coursedetail/")) {
            long partId = Long.parseLong(operation.substring("coursedetail/".length()));
            return envelope("[{\"faberid\":\"00" + (1000000 + partId) + "\",\"firstname\":\"Anna\","
                    + "\"lastname\":\"Muster\",\"birthdate\":\"2007-05-01\",\"confirmed\":null}]");
        }
        return "{\"result\":[],\"status\":\"INVALID_PARAMETER\"}";
    }

    private static String envelope(String result) {
        return "{\"result\":" + result + ",\"status\":\"OK\"}";
    }

    private static Map<String, String> query(String raw) {
        Map<String, String> q = new HashMap<>();
        if (raw == null) {
            return q;
        }
        for (String pair : raw.split("&")) {
            int eq = pair.indexOf('=');
            if (eq > 0) {
                q.put(URLDecoder.decode(pair.substring(0, eq), StandardCharsets.UTF_8),
                        URLDecoder.decode(pair.substring(eq + 1), StandardCharsets.UTF_8));
            }
        }
        return q;
    }
}
