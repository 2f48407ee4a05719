package io.github.sarisync.internal.sync;

import io.github.sarisync.sync.MemberPolicy;

import java.time.Duration;
import java.time.Instant;
import java.util.List;

/**
 * Which listed parts get a getCourseDetail call under a {@link MemberPolicy}: ALL every listed
 * part, NONE none, CHANGED the new parts, the parts listed again, those whose free places changed
 * and those starting within the soon window (where registrations move most). Ordered by part id
 * so runs are reproducible.
 */
public final class MemberSelection {
    private MemberSelection() {
    }

    public static List<Long> choose(MemberPolicy policy, CourseDiff diff, Instant now, Duration soonWindow) {
        Instant soon = now.plus(soonWindow);
        return diff.listed().values().stream()
                .filter(p -> switch (policy) {
                    case ALL -> true;
                    case NONE -> false;
                    case CHANGED -> diff.memberCandidates().contains(p.course().id())
                            || !p.course().startsAt().toInstant().isAfter(soon);
                })
                .map(p -> p.course().id()).sorted().toList();
    }
}
