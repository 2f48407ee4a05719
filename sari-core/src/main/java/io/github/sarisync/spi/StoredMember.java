package io.github.sarisync.spi;

import io.github.sarisync.model.FaberIds;

import java.time.Instant;
import java.time.LocalDate;

/**
 * A student registered in a stored course part, identified by (tenant, part id, canonical
 * faberid). Personal data: kept only here. {@code toString} masks it.
 *
 * @param removedAt when SARI stopped listing the member in the part, null while listed
 */
public record StoredMember(String tenantId, long partId, String faberId, String canonicalFaberId, String firstName,
                           String lastName, LocalDate birthdate, LocalDate confirmedOn, Instant firstSeenAt,
                           Instant lastSeenAt, Instant removedAt) {
    @Override
    public String toString() {
        return "StoredMember[tenantId=" + tenantId + ", partId=" + partId + ", faberId=" + FaberIds.mask(faberId)
                + ", confirmedOn=" + confirmedOn + ", removedAt=" + removedAt + "]";
    }
}
