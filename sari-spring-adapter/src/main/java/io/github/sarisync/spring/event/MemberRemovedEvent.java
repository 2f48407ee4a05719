package io.github.sarisync.spring.event;

import io.github.sarisync.spi.StoredMember;

/**
 * A student is no longer listed in a course part (marked removed, not deleted). Carries personal
 * data: do not log it. Published on the engine's worker thread after the write.
 */
public record MemberRemovedEvent(StoredMember member) {
}
