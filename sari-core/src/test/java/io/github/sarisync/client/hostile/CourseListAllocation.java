package io.github.sarisync.client.hostile;

import io.github.sarisync.client.SARIClient;
import io.github.sarisync.model.CourseFeed;
import io.github.sarisync.model.CourseType;

import java.lang.management.ManagementFactory;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * Measures what reading a large course list costs in allocated bytes: a getCourses answer of
 * about the given size is served by {@link HostileSari} and read by {@code client.courseFeed}; the
 * bytes allocated meanwhile by every thread except the server's are summed (JVM thread allocation
 * counters, {@code com.sun.management.ThreadMXBean}), next to what reading the body from memory
 * costs with the streaming reader and with the former tree reader. Run it after
 * {@code mvn -B -q -o -pl sari-core test-compile} on the test class path, e.g.
 * <pre>
 * M=~/.m2/repository/com/fasterxml/jackson/core; V=2.23.0
 * java -cp "$M/jackson-core/$V/jackson-core-$V.jar:$M/jackson-databind/$V/jackson-databind-$V.jar:\
 * $M/jackson-annotations/2.23/jackson-annotations-2.23.jar:$HOME/.m2/repository/org/slf4j/slf4j-api/2.0.20/\
 * slf4j-api-2.0.20.jar:sari-core/target/classes:sari-core/target/test-classes" \
 *     io.github.sarisync.client.hostile.CourseListAllocation 15 5
 * </pre>
 * (arguments: the size in MiB, the number of rounds; the first rounds warm up).
 */
public final class CourseListAllocation {
    private static final int PARTS_PER_GROUP = 4;

    private CourseListAllocation() {
    }

    public static void main(String[] args) {
        int mebibytes = args.length > 0 ? Integer.parseInt(args[0]) : 15;
        int rounds = args.length > 1 ? Integer.parseInt(args[1]) : 5;
        String body = Operation.envelope(courseList(mebibytes * 1024L * 1024));
        byte[] bytes = body.getBytes(java.nio.charset.StandardCharsets.UTF_8);
        try (HostileSari sari = HostileSari.start()) {
            sari.answer(Operation.COURSES_VKU, Reply.json(200, body));
            SARIClient client = sari.client().maxResponseBytes(16L * 1024 * 1024)
                    .requestTimeout(java.time.Duration.ofSeconds(60)).build();
            for (int round = 1; round <= rounds; round++) {
                long before = allocatedOutsideServer();
                CourseFeed feed = client.courseFeed(CourseType.VKU);
                long allocated = allocatedOutsideServer() - before;
                long readingOnly = readingOnly(bytes);
                long asTree = readingAsTree(bytes);
                System.out.printf(Locale.ROOT, "round %d: body %,d bytes, %,d parts read, %,d bytes allocated"
                                + " (%.1fx the body); reading the body alone: %,d bytes (%.1fx), with the former"
                                + " tree reader: %,d bytes (%.1fx)%n", round, body.length(), feed.partCount(),
                        allocated, (double) allocated / body.length(), readingOnly,
                        (double) readingOnly / body.length(), asTree, (double) asTree / body.length());
            }
        }
    }

    /** A getCourses result of groups of four parts, about {@code size} bytes long. */
    static String courseList(long size) {
        StringBuilder sb = new StringBuilder((int) size + 1024);
        sb.append('[');
        long id = 100_000;
        int group = 0;
        while (sb.length() < size) {
            if (group > 0) {
                sb.append(',');
            }
            sb.append("{\"name\":\"VKU Kurs ").append(++group).append("\",\"date\":\"2026-04-10 00:00\",\"courses\":[");
            for (int p = 0; p < PARTS_PER_GROUP; p++) {
                if (p > 0) {
                    sb.append(',');
                }
                sb.append("{\"id\":").append(id++).append(",\"name\":\"VKU Teil ").append(p + 1)
                        .append("\",\"date\":\"2026-04-1").append(p).append(" 18:00\",\"address\":{\"name\":")
                        .append("\"Fahrschule Alpha\",\"address\":\"Bahnhofstrasse 12\",\"zip\":3000,")
                        .append("\"city\":\"Bern\"},\"freeplaces\":").append(p * 3).append('}');
            }
            sb.append("]}");
        }
        return sb.append(']').toString();
    }

    /** Bytes this thread allocates to read the envelope and its course list from memory (no HTTP). */
    static long readingOnly(byte[] body) {
        com.sun.management.ThreadMXBean threads =
                (com.sun.management.ThreadMXBean) ManagementFactory.getThreadMXBean();
        io.github.sarisync.internal.client.JsonBodies json =
                new io.github.sarisync.internal.client.JsonBodies(new com.fasterxml.jackson.databind.ObjectMapper());
        long before = threads.getCurrentThreadAllocatedBytes();
        Object feed = json.envelope(body, p -> io.github.sarisync.internal.client.CourseFeedReader.read(
                CourseType.VKU, p, false)).result();
        long allocated = threads.getCurrentThreadAllocatedBytes() - before;
        return feed == null ? -1 : allocated;
    }

    /** The same with the tree reader the streaming one replaced: the whole answer as a tree first. */
    static long readingAsTree(byte[] body) {
        com.sun.management.ThreadMXBean threads =
                (com.sun.management.ThreadMXBean) ManagementFactory.getThreadMXBean();
        io.github.sarisync.internal.client.JsonBodies json =
                new io.github.sarisync.internal.client.JsonBodies(new com.fasterxml.jackson.databind.ObjectMapper());
        long before = threads.getCurrentThreadAllocatedBytes();
        Object feed = io.github.sarisync.internal.client.TreeCourseFeedReader.read(CourseType.VKU,
                json.parse(body).get("result"));
        long allocated = threads.getCurrentThreadAllocatedBytes() - before;
        return feed == null ? -1 : allocated;
    }

    private static long allocatedOutsideServer() {
        com.sun.management.ThreadMXBean threads =
                (com.sun.management.ThreadMXBean) ManagementFactory.getThreadMXBean();
        List<Long> ids = new ArrayList<>();
        for (long id : threads.getAllThreadIds()) {
            java.lang.management.ThreadInfo info = threads.getThreadInfo(id);
            if (info != null && !info.getThreadName().startsWith("hostile-sari")) {
                ids.add(id);
            }
        }
        long[] bytes = threads.getThreadAllocatedBytes(ids.stream().mapToLong(Long::longValue).toArray());
        long sum = 0;
        for (long b : bytes) {
            sum += Math.max(0, b);
        }
        return sum;
    }
}
