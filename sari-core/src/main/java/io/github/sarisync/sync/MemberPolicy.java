package io.github.sarisync.sync;

/** Which parts get a getCourseDetail call (one request each) to sync their members. */
public enum MemberPolicy {
    /** Every listed part, every run. */
    ALL,
    /** None: members are not synced. */
    NONE,
    /** New parts, parts whose free places changed, and parts starting soon. The default. */
    CHANGED
}
