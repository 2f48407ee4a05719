package io.github.sarisync.internal.client;

import java.io.ByteArrayOutputStream;
import java.net.http.HttpResponse;
import java.nio.ByteBuffer;
import java.util.List;
import java.util.OptionalLong;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.Flow;

/**
 * A response body read into memory up to a limit. A larger body is not buffered: reading stops at
 * the limit (or at once when Content-Length announces more) and the body is marked oversized.
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
            return new Subscriber(maxBytes, length.isPresent() && length.getAsLong() > maxBytes);
        };
    }

    private static final class Subscriber implements HttpResponse.BodySubscriber<BoundedBody> {
        private final CompletableFuture<BoundedBody> result = new CompletableFuture<>();
        private final ByteArrayOutputStream buffer = new ByteArrayOutputStream();
        private final long maxBytes;
        private final boolean tooLargeUpFront;
        private Flow.Subscription subscription;
        private long received;
        private boolean done;

        Subscriber(long maxBytes, boolean tooLargeUpFront) {
            this.maxBytes = maxBytes;
            this.tooLargeUpFront = tooLargeUpFront;
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
                byte[] chunk = new byte[n];
                item.get(chunk);
                buffer.write(chunk, 0, n);
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
                result.complete(new BoundedBody(buffer.toByteArray(), false));
            }
        }

        private void stopOversized() {
            done = true;
            subscription.cancel();
            result.complete(OVERSIZED);
        }
    }
}
