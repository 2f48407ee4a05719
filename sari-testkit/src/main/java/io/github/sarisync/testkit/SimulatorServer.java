package io.github.sarisync.testkit;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.io.IOException;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledThreadPoolExecutor;
import java.util.concurrent.ThreadFactory;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * The HTTP side: a JDK {@link HttpServer} on a free loopback port with a small fixed pool of
 * handler threads. A handler reads the request, lets the {@link Dispatcher} decide the answer and
 * returns at once; an answer that is to be delayed (latency, a hang) is written later by a
 * scheduler thread, so hundreds of delayed requests hold no thread each. Exchanges still open
 * when the server closes (hangs) are closed then.
 */
final class SimulatorServer implements AutoCloseable {
    private static final Logger LOG = LoggerFactory.getLogger(SimulatorServer.class);
    private static final int BACKLOG = 1024;

    private final HttpServer server;
    private final ExecutorService handlers;
    private final ScheduledExecutorService scheduler;
    private final Set<HttpExchange> pending = ConcurrentHashMap.newKeySet();
    private final Dispatcher dispatcher;

    SimulatorServer(Dispatcher dispatcher, int threads) throws IOException {
        this.dispatcher = dispatcher;
        this.handlers = Executors.newFixedThreadPool(threads, threads("sari-simulator-http"));
        ScheduledThreadPoolExecutor timer = new ScheduledThreadPoolExecutor(2, threads("sari-simulator-timer"));
        timer.setRemoveOnCancelPolicy(true);
        this.scheduler = timer;
        this.server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), BACKLOG);
        server.createContext("/", this::handle);
        server.setExecutor(handlers);
        server.start();
    }

    URI baseUri() {
        InetSocketAddress address = server.getAddress();
        return URI.create("http://" + address.getAddress().getHostAddress() + ":" + address.getPort());
    }

    private void handle(HttpExchange exchange) {
        Answer answer;
        try {
            answer = dispatcher.answer(SimRequest.read(exchange));
        } catch (RuntimeException | IOException e) {
            // the path may hold a faberid and a birthdate: log the method and the failure only
            LOG.warn("simulator could not answer a {} request: {}", exchange.getRequestMethod(),
                    e.getClass().getSimpleName());
            answer = Answer.text(500, "text/plain", "simulator error");
        }
        if (answer.delayMillis() <= 0 && !answer.hang()) {
            write(exchange, answer);
            return;
        }
        pending.add(exchange);
        Answer delayed = answer;
        try {
            scheduler.schedule(() -> {
                if (pending.remove(exchange)) {
                    write(exchange, delayed);
                }
            }, answer.delayMillis(), TimeUnit.MILLISECONDS);
        } catch (RuntimeException closing) {
            pending.remove(exchange);
            exchange.close();
        }
    }

    private static void write(HttpExchange exchange, Answer answer) {
        try {
            exchange.getResponseHeaders().set("Content-Type", answer.contentType() + "; charset=utf-8");
            if (answer.retryAfter() != null) {
                exchange.getResponseHeaders().set("Retry-After", answer.retryAfter());
            }
            byte[] body = answer.body();
            exchange.sendResponseHeaders(answer.httpStatus(), body.length == 0 ? -1 : body.length);
            if (body.length > 0) {
                try (OutputStream out = exchange.getResponseBody()) {
                    out.write(body);
                }
            }
        } catch (IOException e) {
            LOG.debug("simulator could not write an answer (client gone?): {}", e.toString());
        } finally {
            exchange.close();
        }
    }

    @Override
    public void close() {
        scheduler.shutdownNow();
        for (HttpExchange exchange : pending) {
            pending.remove(exchange);
            exchange.close();
        }
        server.stop(0);
        handlers.shutdownNow();
    }

    private static ThreadFactory threads(String prefix) {
        AtomicInteger count = new AtomicInteger();
        return runnable -> {
            Thread thread = new Thread(runnable, prefix + "-" + count.incrementAndGet());
            thread.setDaemon(true);
            return thread;
        };
    }
}
