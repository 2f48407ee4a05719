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
                .build());
    }
}
