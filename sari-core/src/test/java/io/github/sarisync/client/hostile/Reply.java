package io.github.sarisync.client.hostile;

import com.sun.net.httpserver.HttpExchange;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;

/** One answer of {@link HostileSari}: how it is written to the wire. */
sealed interface Reply {
    /** The pause between two bytes of a trickling answer. */
    long TRICKLE_PAUSE_MILLIS = 50;

    /**
     * Writes the answer; waits on {@code released} where it stalls. An I/O error while writing
     * means the client hung up.
     */
    void write(HttpExchange exchange, CountDownLatch released) throws IOException, InterruptedException;

    static Reply json(int status, String body) {
        return new Whole(status, "application/json", body.getBytes(StandardCharsets.UTF_8), Framing.LENGTH);
    }

    /** How a whole body is framed. */
    enum Framing {
        /** With a Content-Length header. */
        LENGTH,
        /** Chunked, without a Content-Length. */
        CHUNKED,
        /** Content-Length of the whole body, but the connection is closed after half of it. */
        TRUNCATED
    }

    /** A complete body as given (any bytes), framed as said. */
    record Whole(int status, String contentType, byte[] body, Framing framing) implements Reply {
        @Override
        public void write(HttpExchange exchange, CountDownLatch released) throws IOException {
            if (contentType != null) {
                exchange.getResponseHeaders().set("Content-Type", contentType);
            }
            switch (framing) {
                case LENGTH -> {
                    exchange.sendResponseHeaders(status, body.length == 0 ? -1 : body.length);
                    exchange.getResponseBody().write(body);
                }
                case CHUNKED -> {
                    exchange.sendResponseHeaders(status, 0);
                    exchange.getResponseBody().write(body);
                }
                case TRUNCATED -> {
                    exchange.sendResponseHeaders(status, body.length + 1L);
                    exchange.getResponseBody().write(body, 0, body.length / 2);
                    exchange.getResponseBody().flush();
                }
            }
        }

        @Override
        public String toString() {
            String text = new String(body, 0, Math.min(body.length, 300), StandardCharsets.UTF_8);
            return "Whole[HTTP " + status + ", " + contentType + ", " + framing + ", " + body.length + " bytes: " + text
                    + (body.length > 300 ? "..." : "") + "]";
        }
    }

    /**
     * A body of {@code size} bytes ({@link #ENDLESS}: until the client hangs up) that starts like a
     * SARI envelope and goes on with spaces inside a string. {@code announced} is the Content-Length
     * sent (it may be a lie), 0 for a chunked body.
     */
    record Streamed(int status, long size, long announced) implements Reply {
        static final long ENDLESS = Long.MAX_VALUE;
        private static final byte[] START = "{\"status\":\"OK\",\"result\":\"".getBytes(StandardCharsets.US_ASCII);

        @Override
        public void write(HttpExchange exchange, CountDownLatch released) throws IOException {
            exchange.getResponseHeaders().set("Content-Type", "application/json");
            exchange.sendResponseHeaders(status, announced);
            OutputStream out = exchange.getResponseBody();
            out.write(START);
            byte[] chunk = new byte[64 * 1024];
            Arrays.fill(chunk, (byte) ' ');
            for (long left = size - START.length; left > 0; left -= chunk.length) {
                out.write(chunk, 0, (int) Math.min(chunk.length, left));
            }
        }

        @Override
        public String toString() {
            return "Streamed[HTTP " + status + ", " + (size == ENDLESS ? "endless" : size + " bytes") + ", "
                    + (announced == 0 ? "chunked" : "Content-Length " + announced) + "]";
        }
    }

    /**
     * Headers and the first bytes of a body announced longer, then silence until the test ends
     * or, trickling, one more byte every {@value #TRICKLE_PAUSE_MILLIS} ms until the client hangs up.
     * Without {@code headers}, nothing at all is sent (and {@code trickle} must be false).
     */
    record Stalled(boolean headers, boolean trickle) implements Reply {
        private static final byte[] START = "{\"status\":\"OK\",\"res".getBytes(StandardCharsets.US_ASCII);

        @Override
        public void write(HttpExchange exchange, CountDownLatch released) throws IOException, InterruptedException {
            if (headers) {
                exchange.getResponseHeaders().set("Content-Type", "application/json");
                exchange.sendResponseHeaders(200, 10_000);
                exchange.getResponseBody().write(START);
                exchange.getResponseBody().flush();
            }
            if (!trickle) {
                released.await();
                return;
            }
            while (!released.await(TRICKLE_PAUSE_MILLIS, TimeUnit.MILLISECONDS)) {
                exchange.getResponseBody().write(' ');
                exchange.getResponseBody().flush();
            }
        }
    }
}
