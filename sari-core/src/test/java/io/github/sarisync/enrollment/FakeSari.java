package io.github.sarisync.enrollment;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import io.github.sarisync.client.RateLimit;
import io.github.sarisync.client.RetryPolicy;
import io.github.sarisync.client.SARIClient;
import io.github.sarisync.client.SariCredentials;
import io.github.sarisync.model.FaberIds;
import io.github.sarisync.model.License;

import java.io.IOException;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.URI;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.stream.Collectors;

/**
 * A small in-process SARI for the enrolment service's logic tests: students with licences,
 * registrations per part, confirmed registrations, and scripted answers per part. The testkit's
 * SariSimulator covers the full API; this one covers just what enrolment calls.
 */
final class FakeSari implements AutoCloseable {
    private record Person(LocalDate birthdate, List<License> licences) {
    }

    private final HttpServer server;
    private final Map<String, Person> people = new HashMap<>();
    private final Map<Long, Set<String>> members = new HashMap<>();
    private final Set<String> confirmed = new HashSet<>();
    private final Map<String, Deque<String>> scripted = new HashMap<>();
    private final List<String> calls = new ArrayList<>();
    private final Map<String, Runnable> beforeAnswer = new HashMap<>();
    private final ExecutorService executor = Executors.newCachedThreadPool();
    private String outage;

    FakeSari() throws IOException {
        server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        server.createContext("/", this::handle);
        // several threads: a slow answer must not hold up the calls another worker makes meanwhile
        server.setExecutor(executor);
        server.start();
    }

    /**
     * Makes SARI slow to answer one call: the next {@code call} (e.g. {@code PUT 61}) takes effect, then
     * {@code meanwhile} runs before the answer is sent (other calls are served while it runs).
     */
    synchronized void whileAnswering(String call, Runnable meanwhile) {
        beforeAnswer.put(call, meanwhile);
    }

    /** A client without retries or rate limit, so each fault reaches the service at once. */
    SARIClient client() {
        return SARIClient.builder().baseUri(URI.create("http://127.0.0.1:" + server.getAddress().getPort()))
                .credentials(new SariCredentials("id", "secret", "user", "password"))
                .rateLimit(RateLimit.unlimited()).retry(RetryPolicy.none()).build();
    }

    synchronized void student(String faberId, LocalDate birthdate, License... licences) {
        people.put(FaberIds.canonical(faberId), new Person(birthdate, List.of(licences)));
    }

    synchronized void member(long courseId, String faberId, boolean isConfirmed) {
        members.computeIfAbsent(courseId, k -> new HashSet<>()).add(FaberIds.canonical(faberId));
        if (isConfirmed) {
            confirmed.add(courseId + "/" + FaberIds.canonical(faberId));
        }
    }

    synchronized boolean isMember(long courseId, String faberId) {
        return members.getOrDefault(courseId, Set.of()).contains(FaberIds.canonical(faberId));
    }

    /** The next answers to {@code method} ("PUT" or "DELETE") on a part, before its normal behaviour resumes. */
    synchronized void answer(String method, long courseId, String... statuses) {
        scripted.computeIfAbsent(method + " " + courseId, k -> new ArrayDeque<>()).addAll(List.of(statuses));
    }

    /** Every registration call answers this status until {@code null} is set. */
    synchronized void outage(String status) {
        outage = status;
    }

    /** The registration calls made, e.g. {@code PUT 61}, {@code DELETE 62}. */
    synchronized List<String> calls() {
        return List.copyOf(calls);
    }

    synchronized int customerLookups() {
        return (int) calls.stream().filter(c -> c.startsWith("GET customer")).count();
    }

    private void handle(HttpExchange exchange) throws IOException {
        String path = exchange.getRequestURI().getPath();
        String body;
        Runnable meanwhile = null;
        synchronized (this) {
            if (path.startsWith("/oauth/v2/token")) {
                body = "{\"access_token\":\"t\",\"expires_in\":3600,\"token_type\":\"bearer\",\"refresh_token\":\"r\"}";
            } else if (path.startsWith("/api/courseregistration/customer/")) {
                String[] parts = path.split("/");
                calls.add("GET customer");
                body = customer(parts[4], LocalDate.parse(parts[5]));
            } else if (path.startsWith("/api/courseregistration/coursedetail/")) {
                long courseId = Long.parseLong(path.substring(path.lastIndexOf('/') + 1));
                calls.add("GET coursedetail " + courseId);
                body = envelope(courseDetail(courseId), "OK");
            } else {
                Map<String, String> form = form(new String(exchange.getRequestBody().readAllBytes(),
                        StandardCharsets.UTF_8));
                long courseId = Long.parseLong(form.get("courseid"));
                String method = exchange.getRequestMethod();
                calls.add(method + " " + courseId);
                body = envelope("[]", register(method, courseId, FaberIds.canonical(form.get("faberid"))));
                meanwhile = beforeAnswer.remove(method + " " + courseId);
            }
        }
        if (meanwhile != null) {
            meanwhile.run();
        }
        byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
        exchange.getResponseHeaders().add("Content-Type", "application/json");
        exchange.sendResponseHeaders(200, bytes.length);
        try (OutputStream out = exchange.getResponseBody()) {
            out.write(bytes);
        }
    }

    private String customer(String faberId, LocalDate birthdate) {
        Person person = people.get(FaberIds.canonical(faberId));
        if (person == null) {
            return envelope("[]", "PERSON_NOT_FOUND");
        }
        if (!person.birthdate().equals(birthdate)) {
            return envelope("[]", "MISMATCH_BIRTHDATE_FABERID");
        }
        String licences = person.licences().stream()
                .map(l -> "{\"category\":\"" + l.category() + "\",\"expirationdate\":"
                        + (l.expiresOn() == null ? "null" : "\"" + l.expiresOn() + "\"") + "}")
                .collect(Collectors.joining(",", "[", "]"));
        return envelope("{\"faberid\":\"" + faberId + "\",\"birthdate\":\"" + birthdate
                + "\",\"firstname\":\"Anna\",\"lastname\":\"Muster\",\"address\":\"Weg 1\",\"zip\":\"8000\","
                + "\"city\":\"Zürich\",\"licenses\":" + licences + "}", "OK");
    }

    private String courseDetail(long courseId) {
        return members.getOrDefault(courseId, Set.of()).stream()
                .map(m -> "{\"faberid\":\"" + "0".repeat(Math.max(0, 9 - m.length())) + m
                        + "\",\"firstname\":\"Anna\",\"lastname\":\"Muster\",\"birthdate\":\"2006-05-14\","
                        + "\"confirmed\":" + (confirmed.contains(courseId + "/" + m) ? "\"2027-03-01\"" : "null") + "}")
                .collect(Collectors.joining(",", "[", "]"));
    }

    private String register(String method, long courseId, String canonical) {
        Deque<String> script = scripted.get(method + " " + courseId);
        if (script != null && !script.isEmpty()) {
            return script.poll();
        }
        if (outage != null) {
            return outage;
        }
        Set<String> registered = members.computeIfAbsent(courseId, k -> new HashSet<>());
        if (method.equals("PUT")) {
            return registered.add(canonical) ? "OK" : "PERSON_ALREADY_ADDED";
        }
        if (!registered.contains(canonical)) {
            return "COURSEMEMBER_NOT_FOUND";
        }
        if (confirmed.contains(courseId + "/" + canonical)) {
            return "COURSEMEMBER_ALREADY_CONFIRMED";
        }
        registered.remove(canonical);
        return "OK";
    }

    private static String envelope(String result, String status) {
        return "{\"result\":" + result + ",\"status\":\"" + status + "\"}";
    }

    private static Map<String, String> form(String body) {
        Map<String, String> result = new HashMap<>();
        for (String pair : body.split("&")) {
            int eq = pair.indexOf('=');
            if (eq > 0) {
                result.put(URLDecoder.decode(pair.substring(0, eq), StandardCharsets.UTF_8),
                        URLDecoder.decode(pair.substring(eq + 1), StandardCharsets.UTF_8));
            }
        }
        return result;
    }

    @Override
    public void close() {
        server.stop(0);
        executor.shutdownNow();
    }
}
