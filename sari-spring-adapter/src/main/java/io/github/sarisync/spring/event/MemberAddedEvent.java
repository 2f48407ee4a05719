package io.github.sarisync.spring.event;

import io.github.sarisync.spi.StoredMember;

/**
 * A student was seen in a course part for the first time (or again after removal). Carries
 * personal data: do not log it. Published on the engine's worker thread after the write.
 */
public record MemberAddedEvent(StoredMember member) {
}
