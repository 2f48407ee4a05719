package io.github.sarisync.client;

import io.github.sarisync.internal.client.BoundedBody;
import io.github.sarisync.internal.client.RetryAfter;
import io.github.sarisync.internal.client.SlidingWindowRateLimiter;
import org.junit.jupiter.api.Test;

import java.net.http.HttpClient;
import java.net.http.HttpHeaders;
import java.net.http.HttpResponse;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Flow;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;

import static io.github.sarisync.client.SariStubs.START;
import static org.assertj.core.api.Assertions.assertThat;

/** The client's building blocks on their own: Retry-After, the bounded body, the rate limiter under load. */
class ClientInternalsTest {
    private final Clock clock = Clock.fixed(START, ZoneOffset.UTC);

    @Test
    void retryAfterIsReadAsSecondsOrAsAnHttpDate() {
        assertThat(RetryAfter.parse("30", clock)).contains(Duration.ofSeconds(30));
        assertThat(RetryAfter.parse(" 0 ", clock)).contains(Duration.ZERO);
        assertThat(RetryAfter.parse("Mon, 02 Mar 2026 08:01:30 GMT", clock)).contains(Duration.ofSeconds(90));
        assertThat(RetryAfter.parse("Mon, 02 Mar 2026 07:00:00 GMT", clock)).contains(Duration.ZERO);
        assertThat(RetryAfter.parse("soon", clock)).isEmpty();
        assertThat(RetryAfter.parse(null, clock)).isEmpty();
        assertThat(RetryAfter.parse("99999999999", clock)).contains(Duration.ofHours(24));
    }

    @Test
    void aStreamedBodyIsCutOffAtTheLimitAndMarkedOversized() throws Exception {
        HttpResponse.BodySubscriber<BoundedBody> subscriber = BoundedBody.handler(10).apply(info(Map.of()));
        AtomicBoolean cancelled = new AtomicBoolean();
        subscriber.onSubscribe(subscription(cancelled));

        subscriber.onNext(List.of(bytes("123456")));
        subscriber.onNext(List.of(bytes("789012")));
        subscriber.onNext(List.of(bytes("more")));

        BoundedBody body = subscriber.getBody().toCompletableFuture().get(1, TimeUnit.SECONDS);
        assertThat(body.oversized()).isTrue();
        assertThat(body.bytes()).isEmpty();
        assertThat(cancelled).isTrue();
    }

    @Test
    void aBodyWithinTheLimitIsReadWhole() throws Exception {
        HttpResponse.BodySubscriber<BoundedBody> subscriber = BoundedBody.handler(10).apply(info(Map.of()));
        subscriber.onSubscribe(subscription(new AtomicBoolean()));

        subscriber.onNext(List.of(bytes("12345"), bytes("67890")));
        subscriber.onComplete();

        BoundedBody body = subscriber.getBody().toCompletableFuture().get(1, TimeUnit.SECONDS);
        assertThat(body.oversized()).isFalse();
        assertThat(new String(body.bytes(), StandardCharsets.UTF_8)).isEqualTo("1234567890");
    }

    @Test
    void anAnnouncedLengthOverTheLimitIsRefusedWithoutReading() throws Exception {
        HttpResponse.BodySubscriber<BoundedBody> subscriber = BoundedBody.handler(10)
                .apply(info(Map.of("Content-Length", List.of("11"))));
        AtomicBoolean cancelled = new AtomicBoolean();
        subscriber.onSubscribe(subscription(cancelled));

        assertThat(subscriber.getBody().toCompletableFuture().get(1, TimeUnit.SECONDS).oversized()).isTrue();
        assertThat(cancelled).isTrue();
    }

    @Test
    void aPermitCountsFromTheEndOfItsRequestSoSariSeesAFullMinuteBetweenTheFirstAndTheThird() throws Exception {
        io.github.sarisync.TestClock moving = new io.github.sarisync.TestClock(START);
        List<Duration> waits = new CopyOnWriteArrayList<>();
        SlidingWindowRateLimiter limiter = SlidingWindowRateLimiter.of(RateLimit.perMinute(2), moving, waits::add);

        SlidingWindowRateLimiter.Permit slow = limiter.acquire();
        moving.advance(Duration.ofSeconds(3)); // the first request needs 3 s (connecting, a slow answer)
        slow.done();
        limiter.acquire().done();
        limiter.acquire();

        // counted from its send, the first permit would free at START + 60 s (57 s from now);
        // it ended at START + 3 s, so the third request waits until START + 63 s
        assertThat(waits).containsExactly(Duration.ofSeconds(60));
    }

    @Test
    void twentyThreadsShareTheLimiterFairlyWithoutOverbooking() throws Exception {
        List<Duration> waits = new CopyOnWriteArrayList<>();
        SlidingWindowRateLimiter limiter = SlidingWindowRateLimiter.of(RateLimit.perMinute(5), clock, waits::add);
        ExecutorService pool = Executors.newFixedThreadPool(20);
        try {
            CountDownLatch start = new CountDownLatch(1);
            List<Future<?>> done = new ArrayList<>();
            for (int i = 0; i < 20; i++) {
                done.add(pool.submit(() -> {
                    start.await();
                    limiter.acquire();
                    return null;
                }));
            }
            start.countDown();
            for (Future<?> f : done) {
                f.get(10, TimeUnit.SECONDS);
            }
        } finally {
            pool.shutdownNow();
        }

        // the clock stands still: 5 go at once, then 5 each a minute, two and three minutes later
        assertThat(waits).hasSize(15);
        assertThat(waits.stream().filter(Duration.ofMinutes(1)::equals)).hasSize(5);
        assertThat(waits.stream().filter(Duration.ofMinutes(2)::equals)).hasSize(5);
        assertThat(waits.stream().filter(Duration.ofMinutes(3)::equals)).hasSize(5);
    }

    private static ByteBuffer bytes(String s) {
        return ByteBuffer.wrap(s.getBytes(StandardCharsets.UTF_8));
    }

    private static HttpResponse.ResponseInfo info(Map<String, List<String>> headers) {
        return new HttpResponse.ResponseInfo() {
            @Override
            public int statusCode() {
                return 200;
            }

            @Override
            public HttpHeaders headers() {
                return HttpHeaders.of(headers, (name, value) -> true);
            }

            @Override
            public HttpClient.Version version() {
                return HttpClient.Version.HTTP_1_1;
            }
        };
    }

    private static Flow.Subscription subscription(AtomicBoolean cancelled) {
        return new Flow.Subscription() {
            @Override
            public void request(long n) {
            }

            @Override
            public void cancel() {
                cancelled.set(true);
            }
        };
    }
}
