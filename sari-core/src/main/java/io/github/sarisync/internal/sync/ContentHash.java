package io.github.sarisync.internal.sync;

import io.github.sarisync.model.Course;
import io.github.sarisync.model.CourseLocation;

import java.nio.charset.StandardCharsets;

/**
 * The content hash of a part: what SARI said about it (name, start, location, free places) and
 * the group it belongs to. Two answers with the same hash need no write. A 64-bit FNV-1a hash in
 * hex: cheap, stable across JVMs, and collisions between two versions of one part are negligible.
 */
public final class ContentHash {
    private static final long OFFSET = 0xcbf29ce484222325L;
    private static final long PRIME = 0x100000001b3L;
    private static final char SEPARATOR = '\u001f';

    private ContentHash() {
    }

    public static String of(Course part, String groupKey) {
        CourseLocation location = part.location();
        StringBuilder text = new StringBuilder(160)
                .append(part.name()).append(SEPARATOR)
                .append(part.startsAt().toInstant()).append(SEPARATOR)
                .append(part.freePlaces()).append(SEPARATOR)
                .append(groupKey).append(SEPARATOR);
        if (location != null) {
            text.append(location.name()).append(SEPARATOR).append(location.street()).append(SEPARATOR)
                    .append(location.zip()).append(SEPARATOR).append(location.city());
        }
        long hash = OFFSET;
        for (byte b : text.toString().getBytes(StandardCharsets.UTF_8)) {
            hash ^= b & 0xff;
            hash *= PRIME;
        }
        String hex = Long.toHexString(hash);
        return "0".repeat(16 - hex.length()) + hex;
    }
}
