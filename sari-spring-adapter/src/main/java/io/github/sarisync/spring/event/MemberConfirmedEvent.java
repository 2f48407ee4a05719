package io.github.sarisync.spring.event;

import io.github.sarisync.spi.StoredMember;

/**
 * SARI shows a student's registration in a part as confirmed ({@code member.confirmedOn()}), where it was
 * stored unconfirmed or the student is first seen confirmed. Carries personal data (its {@code toString}
 * masks it): do not log the member's fields. Published on the engine's worker thread after the write.
 */
public record MemberConfirmedEvent(StoredMember member) {
}
