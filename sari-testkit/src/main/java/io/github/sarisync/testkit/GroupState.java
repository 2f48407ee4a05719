package io.github.sarisync.testkit;

import io.github.sarisync.model.CourseType;

import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.List;

/** One course group of a simulated school. Guarded by the owning {@link SchoolState}'s monitor. */
final class GroupState {
    final CourseType type;
    final String name;
    final long date;
    final List<PartState> parts = new ArrayList<>(4);

    GroupState(CourseType type, String name, LocalDateTime date) {
        this.type = type;
        this.name = name;
        this.date = PartState.seconds(date);
    }

    LocalDateTime dateTime() {
        return PartState.local(date);
    }
}
