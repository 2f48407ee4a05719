package io.github.sarisync.internal.client;

import java.net.http.HttpResponse;
import java.nio.ByteBuffer;
import java.util.Arrays;
import java.util.List;
import java.util.OptionalLong;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.Flow;

/**
 * A response body read into memory up to a limit. A larger body is not buffered: reading stops at
 * the limit (or at once when Content-Length announces more) and the body is marked oversized. The
 * bytes are copied once, into an array of the announced length when there is one (a body of 15 MiB
 * then costs 15 MiB, not the 60 MiB of a growing stream buffer, its chunks and its final copy).
 *
 * @param bytes     the body, empty when oversized
 * @param oversized true when the body was larger than the limit
 */
public record BoundedBody(byte[] bytes, boolean oversized) {
    private static final BoundedBody OVERSIZED = new BoundedBody(new byte[0], true);

    /** A body handler that reads at most {@code maxBytes}. */
    public static HttpResponse.BodyHandler<BoundedBody> handler(long maxBytes) {
        return info -> {
            OptionalLong length = info.headers().firstValueAsLong("Content-Length");
            boolean tooLarge = length.isPresent() && length.getAsLong() > maxBytes;
            int expected = length.isPresent() && !tooLarge ? (int) Math.min(length.getAsLong(), Integer.MAX_VALUE - 8)
                    : -1;
            return new Subscriber(maxBytes, tooLarge, expected);
        };
    }

    private static final class Subscriber implements HttpResponse.BodySubscriber<BoundedBody> {
        private final CompletableFuture<BoundedBody> result = new CompletableFuture<>();
        private static final int FIRST_CAPACITY = 8192;
        private final long maxBytes;
        private byte[] buffer;
        private int size;
        private final boolean tooLargeUpFront;
        private Flow.Subscription subscription;
        private long received;
        private boolean done;

        Subscriber(long maxBytes, boolean tooLargeUpFront, int expectedBytes) {
            this.maxBytes = maxBytes;
            this.tooLargeUpFront = tooLargeUpFront;
            this.buffer = new byte[expectedBytes >= 0 ? expectedBytes : FIRST_CAPACITY];
        }

        @Override
        public CompletionStage<BoundedBody> getBody() {
            return result;
        }

        @Override
        public void onSubscribe(Flow.Subscription s) {
            this.subscription = s;
            if (tooLargeUpFront) {
                stopOversized();
            } else {
                s.request(Long.MAX_VALUE);
            }
        }

        @Override
        public void onNext(List<ByteBuffer> items) {
            if (done) {
                return;
            }
            for (ByteBuffer item : items) {
                int n = item.remaining();
                received += n;
                if (received > maxBytes) {
                    stopOversized();
                    return;
                }
                if (size + n > buffer.length) {
                    // no or a wrong length announced: grow, at most to the limit
                    long grown = Math.max((long) buffer.length * 2, (long) size + n);
                    buffer = Arrays.copyOf(buffer, (int) Math.min(grown, Math.min(maxBytes, Integer.MAX_VALUE - 8)));
                }
                item.get(buffer, size, n);
                size += n;
            }
        }

        @Override
        public void onError(Throwable throwable) {
            done = true;
            result.completeExceptionally(throwable);
        }

        @Override
        public void onComplete() {
            if (!done) {
                done = true;
                result.complete(new BoundedBody(size == buffer.length ? buffer : Arrays.copyOf(buffer, size), false));
            }
        }

        private void stopOversized() {
            done = true;
            subscription.cancel();
            result.complete(OVERSIZED);
        }
    }
}
