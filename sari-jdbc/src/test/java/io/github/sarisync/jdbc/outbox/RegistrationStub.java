package io.github.sarisync.jdbc.outbox;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import io.github.sarisync.client.RateLimit;
import io.github.sarisync.client.RetryPolicy;
import io.github.sarisync.client.SARIClient;
import io.github.sarisync.client.SariCredentials;

import java.io.IOException;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Just enough SARI for the outbox's restart test: a token, one student holding category B, and
 * registrations per part; {@link #outage(boolean)} makes every registration call answer
 * INTERNAL_SERVER_ERROR; {@link #delay(Duration)} makes SARI slow and {@link #mostAtOnceInOneHundred()} tells
 * whether two calls for one school's parts were ever answered at once.
 */
final class RegistrationStub implements AutoCloseable {
    private static final Pattern COURSE_ID = Pattern.compile("courseid=(\\d+)");

    private final HttpServer server;
    private final Set<Long> registered = new HashSet<>();
    private final List<String> calls = new ArrayList<>();
    private final Map<String, Runnable> beforeAnswer = new HashMap<>();
    private final ExecutorService executor = Executors.newCachedThreadPool();
    private boolean outage;
    private long delayMillis;
    private final Map<Long, Integer> answering = new HashMap<>();
    private int mostAtOnceInOneHundred;

    RegistrationStub() throws IOException {
        server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        server.createContext("/", this::handle);
        // several threads: while one answer is held back, other instances' calls are served
        server.setExecutor(executor);
        server.start();
    }

    /** The next {@code call} (e.g. {@code PUT 61}) takes effect, then {@code meanwhile} runs before it is answered. */
    synchronized void whileAnswering(String call, Runnable meanwhile) {
        beforeAnswer.put(call, meanwhile);
    }

    /** The registration calls made, e.g. {@code PUT 61}. */
    synchronized List<String> calls() {
        return List.copyOf(calls);
    }

    SARIClient client() {
        return SARIClient.builder().baseUri(URI.create("http://127.0.0.1:" + server.getAddress().getPort()))
                .credentials(new SariCredentials("id", "secret", "user", "password"))
                .rateLimit(RateLimit.unlimited()).retry(RetryPolicy.none()).build();
    }

    synchronized void outage(boolean on) {
        outage = on;
    }

    /** Every registration call is answered this much later (the server's threads wait, the caller's do not). */
    synchronized void delay(Duration delay) {
        delayMillis = delay.toMillis();
    }

    /**
     * The most registration calls SARI was answering at once for the parts of one hundred (parts 100-199 of one
     * school, 200-299 of the next, ...).
     */
    synchronized int mostAtOnceInOneHundred() {
        return mostAtOnceInOneHundred;
    }

    synchronized Set<Long> registered() {
        return Set.copyOf(registered);
    }

    private void handle(HttpExchange exchange) throws IOException {
        String path = exchange.getRequestURI().getPath();
        String body;
        Runnable meanwhile = null;
        long hundred = -1;
        long delay;
        synchronized (this) {
            delay = delayMillis;
            if (path.startsWith("/oauth/")) {
                body = "{\"access_token\":\"t\",\"expires_in\":3600,\"token_type\":\"bearer\",\"refresh_token\":\"r\"}";
            } else if (path.contains("/customer/")) {
                body = envelope("{\"faberid\":\"1234567\",\"birthdate\":\"2006-05-14\",\"licenses\":"
                        + "[{\"category\":\"B\",\"expirationdate\":\"2030-01-01\"}]}", "OK");
            } else {
                String form = new String(exchange.getRequestBody().readAllBytes(), StandardCharsets.UTF_8);
                Matcher m = COURSE_ID.matcher(form);
                long courseId = m.find() ? Long.parseLong(m.group(1)) : -1;
                body = envelope("[]", outage ? "INTERNAL_SERVER_ERROR" : register(exchange.getRequestMethod(), courseId));
                calls.add(exchange.getRequestMethod() + " " + courseId);
                meanwhile = beforeAnswer.remove(exchange.getRequestMethod() + " " + courseId);
                hundred = courseId / 100;
                int atOnce = answering.merge(hundred, 1, Integer::sum);
                mostAtOnceInOneHundred = Math.max(mostAtOnceInOneHundred, atOnce);
            }
        }
        if (meanwhile != null) {
            meanwhile.run();
        }
        if (hundred >= 0) {
            answerLater(hundred, delay);
        }
        byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
        exchange.getResponseHeaders().add("Content-Type", "application/json");
        exchange.sendResponseHeaders(200, bytes.length);
        try (OutputStream out = exchange.getResponseBody()) {
            out.write(bytes);
        }
    }

    /** Holds the answer back (SARI's latency), then counts the call as answered. */
    private void answerLater(long hundred, long delay) {
        try {
            if (delay > 0) {
                Thread.sleep(delay);
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } finally {
            synchronized (this) {
                answering.merge(hundred, -1, Integer::sum);
            }
        }
    }

    private String register(String method, long courseId) {
        if (method.equals("PUT")) {
            return registered.add(courseId) ? "OK" : "PERSON_ALREADY_ADDED";
        }
        return registered.remove(courseId) ? "OK" : "COURSEMEMBER_NOT_FOUND";
    }

    private static String envelope(String result, String status) {
        return "{\"result\":" + result + ",\"status\":\"" + status + "\"}";
    }

    @Override
    public void close() {
        server.stop(0);
        executor.shutdownNow();
    }
}
