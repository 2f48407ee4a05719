package io.github.sarisync.client.hostile;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import io.github.sarisync.TestClock;
import io.github.sarisync.client.RateLimit;
import io.github.sarisync.client.RetryPolicy;
import io.github.sarisync.client.SARIClient;
import io.github.sarisync.client.SariCredentials;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.time.Duration;
import java.time.Instant;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;

/**
 * A SARI stand-in on a JDK HTTP server (HTTP/1.1) that answers whatever the test tells it: one
 * reply for the token endpoint, one for every API call. Start one per test class; every handler
 * runs on its own thread, so that a stalled answer blocks nobody, and all stalled answers end when
 * the server is closed.
 */
final class HostileSari implements AutoCloseable {
    static final String CLIENT_SECRET = "Very-Secret-Client-Key";
    static final String PASSWORD = "Password-Nobody-Sees";
    static final SariCredentials CREDENTIALS = new SariCredentials("client-1", CLIENT_SECRET, "school-user", PASSWORD);
    static final String TOKEN = "{\"access_token\":\"tok-A1\",\"expires_in\":3600,\"token_type\":\"bearer\","
            + "\"scope\":\"user\",\"refresh_token\":\"ref-R1\"}";
    /** The answer size limit of the clients built here: small, so that oversized answers are quick to send. */
    static final long LIMIT = 64 * 1024;

    private final HttpServer server;
    private final ExecutorService handlers;
    private final CountDownLatch released = new CountDownLatch(1);
    private volatile Reply tokenReply = Reply.json(200, TOKEN);
    private volatile Reply apiReply = Reply.json(200, "{\"status\":\"OK\",\"result\":[]}");
    private volatile CompletableFuture<Outcome> tokenOutcome = new CompletableFuture<>();
    private volatile CompletableFuture<Outcome> apiOutcome = new CompletableFuture<>();

    /** How the writing of one API answer ended. */
    enum Outcome {
        /** Every byte was handed to the connection. */
        WRITTEN,
        /** Writing failed: the client hung up before the answer was complete. */
        CLIENT_HUNG_UP
    }

    private HostileSari() throws IOException {
        server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 50);
        handlers = Executors.newCachedThreadPool(r -> {
            Thread t = new Thread(r, "hostile-sari");
            t.setDaemon(true);
            return t;
        });
        server.setExecutor(handlers);
        server.createContext("/", this::handle);
        server.start();
    }

    static HostileSari start() {
        try {
            return new HostileSari();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    URI baseUri() {
        return URI.create("http://" + server.getAddress().getHostString() + ":" + server.getAddress().getPort());
    }

    /** Token requests get {@code reply} from now on; {@link #outcome} tells how the next one went. */
    void answerToken(Reply reply) {
        tokenOutcome = new CompletableFuture<>();
        tokenReply = reply;
    }

    /** API calls get {@code reply} from now on; {@link #outcome} tells how the next one went. */
    void answerApi(Reply reply) {
        apiOutcome = new CompletableFuture<>();
        apiReply = reply;
    }

    /** The requests of {@code op} get {@code reply}; the other kind (token or API) its normal answer. */
    void answer(Operation op, Reply reply) {
        answerToken(op.usesApi() ? Reply.json(200, TOKEN) : reply);
        answerApi(op.usesApi() ? reply : Reply.json(200, op.validAnswer()));
    }

    /** How the writing of the first answer to {@code op} since it was set ended, once it has. */
    CompletableFuture<Outcome> outcome(Operation op) {
        return op.usesApi() ? apiOutcome : tokenOutcome;
    }

    /**
     * A client of this server: a short request timeout, one retry, no waiting between attempts (a
     * test clock that the sleeper moves), no rate limit and the answer size limit {@link #LIMIT}.
     */
    SARIClient.Builder client() {
        TestClock clock = new TestClock(Instant.parse("2026-03-02T08:00:00Z"));
        return SARIClient.builder()
                .baseUri(baseUri())
                .credentials(CREDENTIALS)
                .clock(clock)
                .sleeper(clock::advance)
                .rateLimit(RateLimit.unlimited())
                .retry(RetryPolicy.builder().maxRetries(1).jitter(0).build())
                .requestTimeout(Duration.ofSeconds(3))
                .maxResponseBytes(LIMIT);
    }

    private void handle(HttpExchange exchange) throws IOException {
        boolean token = exchange.getRequestURI().getPath().startsWith("/oauth/v2/token");
        CompletableFuture<Outcome> outcome = token ? tokenOutcome : apiOutcome;
        try (exchange) {
            exchange.getRequestBody().readAllBytes();
            (token ? tokenReply : apiReply).write(exchange, released);
            exchange.getResponseBody().flush();
            outcome.complete(Outcome.WRITTEN);
        } catch (IOException e) {
            outcome.complete(Outcome.CLIENT_HUNG_UP);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    @Override
    public void close() {
        released.countDown();
        server.stop(0);
        handlers.shutdownNow();
        try {
            handlers.awaitTermination(10, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
