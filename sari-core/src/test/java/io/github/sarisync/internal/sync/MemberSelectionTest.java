package io.github.sarisync.internal.sync;

import io.github.sarisync.spi.CourseSnapshot;
import io.github.sarisync.sync.MemberPolicy;
import org.junit.jupiter.api.Test;

import java.time.Duration;

import static io.github.sarisync.internal.sync.Feeds.NOW;
import static io.github.sarisync.internal.sync.Feeds.applied;
import static io.github.sarisync.internal.sync.Feeds.diff;
import static io.github.sarisync.internal.sync.Feeds.empty;
import static io.github.sarisync.internal.sync.Feeds.group;
import static io.github.sarisync.internal.sync.Feeds.part;
import static org.assertj.core.api.Assertions.assertThat;

class MemberSelectionTest {
    private static final Duration SOON = Duration.ofHours(48);

    private final CourseSnapshot stored = applied(empty(), diff(NOW, empty(),
            group("A", part(1, 1), part(2, 5), part(3, 6), part(4, 7))));
    private final CourseDiff next = diff(NOW, stored,
            group("A", part(1, 1), part(2, 5, 3), part(3, 6), part(4, 7)), group("B", part(9, 10)));

    @Test
    void changedPicksNewPartsChangedFreePlacesAndPartsStartingSoon() {
        assertThat(MemberSelection.choose(MemberPolicy.CHANGED, next, NOW, SOON)).containsExactly(1L, 2L, 9L);
    }

    @Test
    void allPicksEveryListedPartAndNoneNothing() {
        assertThat(MemberSelection.choose(MemberPolicy.ALL, next, NOW, SOON)).containsExactly(1L, 2L, 3L, 4L, 9L);
        assertThat(MemberSelection.choose(MemberPolicy.NONE, next, NOW, SOON)).isEmpty();
    }
}
