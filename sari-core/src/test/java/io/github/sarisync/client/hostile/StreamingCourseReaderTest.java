package io.github.sarisync.client.hostile;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.github.sarisync.internal.client.CourseFeedReader;
import io.github.sarisync.internal.client.JsonBodies;
import io.github.sarisync.internal.client.MalformedAnswer;
import io.github.sarisync.internal.client.TreeCourseFeedReader;
import io.github.sarisync.model.CourseFeed;
import io.github.sarisync.model.CourseType;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;

import java.nio.charset.StandardCharsets;
import java.util.Collections;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The streaming reader of course lists reads every answer exactly as the tree reader it replaced
 * ({@link TreeCourseFeedReader}): the same groups, parts, rejections with their reasons and ids,
 * the same refusals, and the same verdict on bodies that are no envelope.
 */
class StreamingCourseReaderTest {
    private static final JsonBodies JSON = new JsonBodies(new ObjectMapper());

    @Property(tries = 300)
    void aCourseListIsReadAsTheTreeReaderReadIt(@ForAll("courseLists") TolerantReadingTest.FeedSpec spec) {
        byte[] body = Operation.envelope(spec.json()).getBytes(StandardCharsets.UTF_8);

        assertThat(streamed(body)).isEqualTo(fromTree(body));
    }

    @Property(tries = 500)
    void anyHostileAnswerToGetCoursesIsReadAsTheTreeReaderReadIt(@ForAll("hostileBodies") byte[] body) {
        assertThat(streamed(body)).isEqualTo(fromTree(body));
    }

    @Property(tries = 20)
    void aListOfMostlyUnreadableRecordsIsRefusedAsByTheTreeReader(@ForAll("junk") String element,
                                                                   @ForAll boolean asParts) {
        String elements = String.join(",", Collections.nCopies(10_001, element));
        String result = asParts ? "{\"name\":\"VKU\",\"courses\":[" + elements + "]}" : "[" + elements + "]";
        byte[] body = Operation.envelope(result).getBytes(StandardCharsets.UTF_8);

        assertThat(streamed(body)).isEqualTo(fromTree(body)).contains("unreadable: more than 10000 groups and parts are unreadable");
    }

    /** What the client made of a body before: a whole tree, then the tree reader. */
    private static List<Object> fromTree(byte[] body) {
        JsonNode root = JSON.parse(body);
        JsonNode status = root != null && root.isObject() ? root.get("status") : null;
        if (status == null || !status.isTextual()) {
            return List.of("no envelope: " + JsonBodies.describe(body, root));
        }
        try {
            return List.of(status.textValue(), TreeCourseFeedReader.read(CourseType.VKU, root.get("result")));
        } catch (MalformedAnswer e) {
            return List.of(status.textValue(), "unreadable: " + e.reason());
        } catch (RuntimeException e) {
            return List.of(status.textValue(), "unreadable (" + e.getClass().getSimpleName() + ")");
        }
    }

    /** What the client makes of it now: one streaming pass. */
    private static List<Object> streamed(byte[] body) {
        JsonBodies.Envelope<CourseFeed> envelope = JSON.envelope(body,
                p -> CourseFeedReader.read(CourseType.VKU, p, JSON.decimals()));
        if (envelope.problem() != null) {
            return List.of("no envelope: " + envelope.problem());
        }
        if (envelope.failure() instanceof MalformedAnswer e) {
            return List.of(envelope.status(), "unreadable: " + e.reason());
        }
        if (envelope.failure() != null) {
            return List.of(envelope.status(), "unreadable (" + envelope.failure().getClass().getSimpleName() + ")");
        }
        return List.of(envelope.status(), envelope.result());
    }

    @Provide
    Arbitrary<TolerantReadingTest.FeedSpec> courseLists() {
        return Combinators.combine(CourseSpecs.group().list().ofMinSize(1).ofMaxSize(4), Arbitraries.of(true, false))
                .as(TolerantReadingTest.FeedSpec::new);
    }

    @Provide
    Arbitrary<byte[]> hostileBodies() {
        return HostileReplies.body(Operation.COURSES_VKU);
    }

    @Provide
    Arbitrary<String> junk() {
        return Arbitraries.of("0", "1", "null", "\"\"", "\"x\"", "[]", "true");
    }
}
