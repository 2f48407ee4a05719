package io.github.sarisync.client.hostile;

import io.github.sarisync.client.RetryPolicy;
import io.github.sarisync.client.SARIClient;
import io.github.sarisync.client.SariErrorCode;
import io.github.sarisync.client.SariException;
import io.github.sarisync.model.CourseFeed;
import io.github.sarisync.model.CourseType;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

import java.time.Duration;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;

/**
 * A call never hangs: an answer that stops half-way, trickles in forever or never starts ends in a
 * TIMEOUT after the request timeout, the connection is closed, and no answer can keep the client
 * busy computing for long.
 */
class SlowAnswerTest {
    private static final Duration PATIENCE = Duration.ofSeconds(20);
    private static final Duration REQUEST_TIMEOUT = Duration.ofSeconds(1);

    private static HostileSari sari;

    @BeforeAll
    static void startSari() {
        sari = HostileSari.start();
    }

    @AfterAll
    static void stopSari() {
        sari.close();
    }

    @ParameterizedTest
    @EnumSource(Operation.class)
    void anAnswerThatStopsHalfWayTimesOutNamingTheOperation(Operation op) {
        sari.answer(op, new Reply.Stalled(true, false));

        SariException e = op.failureWithin(PATIENCE, impatientClient());

        assertThat(e.code()).isEqualTo(SariErrorCode.TIMEOUT);
        assertThat(e.operation()).isEqualTo(op.sariName());
        assertThat(e.getMessage()).startsWith(op.sariName() + " failed: no complete answer within 1000 ms");
    }

    @ParameterizedTest
    @EnumSource(value = Operation.class, names = {"TOKEN", "COURSES_VKU", "ENROL"})
    void anAnswerTricklingInForeverTimesOutAndItsConnectionIsClosed(Operation op) throws Exception {
        sari.answer(op, new Reply.Stalled(true, true));

        SariException e = op.failureWithin(PATIENCE, impatientClient());

        assertThat(e.code()).isEqualTo(SariErrorCode.TIMEOUT);
        assertThat(e.operation()).isEqualTo(op.sariName());
        assertThat(sari.outcome(op).get(PATIENCE.toSeconds(), TimeUnit.SECONDS))
                .as("how the server's writing ended").isEqualTo(HostileSari.Outcome.CLIENT_HUNG_UP);
    }

    @Test
    void anAnswerWhoseHeadersNeverComeTimesOut() {
        sari.answer(Operation.COURSES_VKU, new Reply.Stalled(false, false));

        SariException e = Operation.COURSES_VKU.failureWithin(PATIENCE, impatientClient());

        assertThat(e.code()).isEqualTo(SariErrorCode.TIMEOUT);
        assertThat(e.getMessage()).startsWith("getCourses failed: no complete answer within 1000 ms");
    }

    @Test
    void numbersOfMillionsOfDigitsAreRejectedWithoutBeingParsed() {
        String digits = "9".repeat(1_000_000);
        String part = "{\"id\":%s,\"name\":\"VKU Teil 1\",\"date\":\"2026-04-10 18:00\",\"freeplaces\":%s}";
        sari.answer(Operation.COURSES_VKU, Reply.json(200, Operation.envelope("[{\"name\":\"VKU April\",\"courses\":["
                + part.formatted("61", "3") + "," + part.formatted("\"" + digits + "\"", "3") + ","
                + part.formatted("63", "\"" + digits + "\"") + "]}]")));
        SARIClient client = sari.client().maxResponseBytes(16L * 1024 * 1024).build();

        CourseFeed feed = assertTimeoutPreemptively(PATIENCE, () -> client.courseFeed(CourseType.VKU));

        assertThat(feed.groups()).singleElement().satisfies(g -> assertThat(g.courses()).extracting(c -> c.id())
                .containsExactly(61L));
        assertThat(feed.rejected()).extracting(r -> r.partId(), r -> r.reason())
                .containsExactly(tuple(null, "part 2 of group 1: id is not a whole number"),
                        tuple(63L, "part 63: freeplaces is not a whole number"));
    }

    /** A client that waits {@link #REQUEST_TIMEOUT} for an answer and does not retry. */
    private static SARIClient impatientClient() {
        return sari.client().requestTimeout(REQUEST_TIMEOUT).retry(RetryPolicy.none()).build();
    }
}
