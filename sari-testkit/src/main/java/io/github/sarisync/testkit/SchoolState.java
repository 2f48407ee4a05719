package io.github.sarisync.testkit;

import io.github.sarisync.client.SariCredentials;
import io.github.sarisync.model.CourseType;

import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;

/** One simulated driving school. Its monitor guards its groups, parts and members. */
final class SchoolState {
    final int index;
    final String id;
    final SariCredentials credentials;
    final Set<CourseType> enabledTypes = EnumSet.allOf(CourseType.class);
    final List<GroupState> groups = new ArrayList<>();

    SchoolState(int index, String id, SariCredentials credentials) {
        this.index = index;
        this.id = id;
        this.credentials = credentials;
    }
}
