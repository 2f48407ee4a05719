package io.github.sarisync.client.hostile;

import io.github.sarisync.client.SARIClient;
import io.github.sarisync.client.SariErrorCode;
import io.github.sarisync.client.SariException;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.constraints.IntRange;
import net.jqwik.api.constraints.LongRange;
import net.jqwik.api.lifecycle.AfterContainer;
import net.jqwik.api.lifecycle.BeforeContainer;

import java.time.Duration;
import java.util.Collections;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Memory stays bounded: an answer larger than the client's limit fails as MALFORMED_RESPONSE naming
 * the limit, and the client stops reading at the limit (or at once when the Content-Length
 * announces more) and hangs up, however much more the server would send. A course list of tiny
 * unreadable elements, which would cost far more memory than its size as rejected records, is
 * refused as a whole.
 */
class OversizedAnswerTest {
    private static final Duration PATIENCE = Duration.ofSeconds(20);
    /** The default of {@code SARIClient.Builder.maxResponseBytes}. */
    private static final long DEFAULT_LIMIT = 16L * 1024 * 1024;

    private static HostileSari sari;

    @BeforeContainer
    static void startSari() {
        sari = HostileSari.start();
    }

    @AfterContainer
    static void stopSari() {
        sari.close();
    }

    @Property(tries = 40)
    void anAnswerLargerThanTheLimitFailsNamingTheLimit(
            @ForAll Operation op, @ForAll @LongRange(min = HostileSari.LIMIT + 1, max = 3L * 1024 * 1024) long size,
            @ForAll boolean chunked) {
        sari.answer(op, new Reply.Streamed(200, size, chunked ? 0 : size));

        SariException e = op.failureWithin(PATIENCE, sari.client().build());

        assertThat(e.code()).isEqualTo(SariErrorCode.MALFORMED_RESPONSE);
        assertThat(e.operation()).isEqualTo(op.sariName());
        assertThat(e.getMessage()).startsWith(op.sariName()).contains("larger than " + HostileSari.LIMIT + " bytes");
    }

    @Property(tries = 16)
    void anEndlessAnswerIsCutOffAtTheDefaultLimitAndItsConnectionClosed(@ForAll Operation op,
                                                                        @ForAll boolean chunked) throws Exception {
        sari.answer(op, new Reply.Streamed(200, Reply.Streamed.ENDLESS, chunked ? 0 : 1L << 40));
        SARIClient client = sari.client().maxResponseBytes(DEFAULT_LIMIT).build();

        SariException e = op.failureWithin(PATIENCE, client);

        assertThat(e.code()).isEqualTo(SariErrorCode.MALFORMED_RESPONSE);
        assertThat(e.getMessage()).startsWith(op.sariName()).contains("larger than " + DEFAULT_LIMIT + " bytes");
        assertThat(sari.outcome(op).get(PATIENCE.toSeconds(), TimeUnit.SECONDS))
                .as("how the server's writing ended").isEqualTo(HostileSari.Outcome.CLIENT_HUNG_UP);
    }

    @Property(tries = 20)
    void aCourseListOfMostlyUnreadableRecordsIsRefusedInsteadOfKeepingAReasonForEach(
            @ForAll @IntRange(min = 10_001, max = 12_000) int count, @ForAll("junk") String element,
            @ForAll boolean asParts) {
        String elements = String.join(",", Collections.nCopies(count, element));
        String result = asParts ? "{\"name\":\"VKU\",\"courses\":[" + elements + "]}" : "[" + elements + "]";
        sari.answer(Operation.COURSES_VKU, Reply.json(200, Operation.envelope(result)));

        SariException e = Operation.COURSES_VKU.failureWithin(PATIENCE,
                sari.client().maxResponseBytes(1024 * 1024).build());

        assertThat(e.code()).isEqualTo(SariErrorCode.MALFORMED_RESPONSE);
        assertThat(e.getMessage()).startsWith("getCourses failed:")
                .contains("more than 10000 groups and parts are unreadable");
    }

    @Provide
    Arbitrary<String> junk() {
        return Arbitraries.of("0", "1", "null", "\"\"", "\"x\"", "[]", "true");
    }
}
