package io.github.sarisync.internal.client;

import java.net.http.HttpClient;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The process-wide JDK HTTP clients used when a {@code SARIClient} is built without one of its
 * own. An engine builds one SARIClient per tenant (thousands of them); each JDK client owns a
 * selector thread and a connection pool, so they are shared: one per connect timeout, created on
 * first use. Pinned to HTTP/1.1 (SARI speaks it; the h2c upgrade breaks against some test servers).
 *
 * <p>The clients run their internal steps on the thread at hand (the caller's or the selector's)
 * instead of handing each to a worker pool: every request is sent synchronously and its body is
 * only collected into memory ({@link BoundedBody}), so nothing blocks there, and a thread hand-off
 * per step costs more CPU than the step itself (about a quarter of the client's CPU per request).
 */
public final class SharedHttpClients {
    private static final Map<Duration, HttpClient> CLIENTS = new ConcurrentHashMap<>();

    private SharedHttpClients() {
    }

    /** The shared client for this connect timeout. */
    public static HttpClient forConnectTimeout(Duration connectTimeout) {
        return CLIENTS.computeIfAbsent(connectTimeout, timeout -> HttpClient.newBuilder()
                .version(HttpClient.Version.HTTP_1_1)
                .connectTimeout(timeout)
                .followRedirects(HttpClient.Redirect.NEVER)
                .executor(Runnable::run)
                .build());
    }
}
