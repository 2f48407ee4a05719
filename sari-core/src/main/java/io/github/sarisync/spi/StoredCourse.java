package io.github.sarisync.spi;

import io.github.sarisync.model.CourseLocation;
import io.github.sarisync.model.CourseType;

import java.time.Instant;
import java.time.ZoneId;
import java.time.ZonedDateTime;

/**
 * A course part as stored, identified by (tenant, SARI part id).
 *
 * @param contentHash     a hash of what SARI said about the part (name, start, location, free
 *                        places, group): unchanged parts are recognised by it and not written
 * @param lastSeenAt      when SARI last listed it with a change (unchanged parts are not written)
 * @param statusChangedAt when {@code status} last changed
 */
public record StoredCourse(String tenantId, CourseType type, long partId, String groupKey, String name,
                           Instant startsAt, CourseLocation location, int freePlaces, String contentHash,
                           CourseStatus status, Instant firstSeenAt, Instant lastSeenAt, Instant statusChangedAt) {
    public static final ZoneId SWISS = ZoneId.of("Europe/Zurich");

    /** The start in Swiss local time. */
    public ZonedDateTime startsAtZurich() {
        return startsAt.atZone(SWISS);
    }

    public StoredCourse withStatus(CourseStatus newStatus, Instant at) {
        return new StoredCourse(tenantId, type, partId, groupKey, name, startsAt, location, freePlaces, contentHash,
                newStatus, firstSeenAt, lastSeenAt, at);
    }
}
