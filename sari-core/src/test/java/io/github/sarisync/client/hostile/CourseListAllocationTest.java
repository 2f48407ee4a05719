package io.github.sarisync.client.hostile;

import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A large course list is read streaming: reading it allocates a small multiple of its size (the
 * model it becomes), not the ten to fifteen times a tree of the whole answer cost. The bound is
 * generous on purpose; {@link CourseListAllocation} prints the figures.
 */
class CourseListAllocationTest {

    @Test
    void readingALargeCourseListAllocatesLessThanFiveTimesItsSize() {
        byte[] body = Operation.envelope(CourseListAllocation.courseList(4L * 1024 * 1024))
                .getBytes(StandardCharsets.UTF_8);
        CourseListAllocation.readingOnly(body);

        long allocated = CourseListAllocation.readingOnly(body);

        assertThat(allocated).as("bytes allocated to read a body of %,d bytes", body.length)
                .isPositive().isLessThan(5L * body.length);
    }
}
