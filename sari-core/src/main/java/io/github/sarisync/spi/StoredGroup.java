package io.github.sarisync.spi;

import io.github.sarisync.model.CourseType;

import java.time.Instant;
import java.time.LocalDateTime;

/**
 * A course group as stored. SARI gives groups no id, so the engine assigns {@code groupKey} on
 * first sight and recognises the group later by any overlap of its part ids.
 */
public record StoredGroup(String tenantId, CourseType type, String groupKey, String name, LocalDateTime date,
                          Instant firstSeenAt, Instant lastSeenAt) {
}
