package io.github.sarisync.spring.event;

import io.github.sarisync.sync.ChangedField;
import io.github.sarisync.sync.CourseChange;

/**
 * A listed part's date, place or free places changed ({@code change.changed()} says which, with
 * {@code change.before()} and {@code change.after()}); one event per part and run. Free places change
 * often: filter with {@link #changed(ChangedField)}, e.g. {@code STARTS_AT} for a moved date. Published on
 * the engine's worker thread after the change set was written.
 */
public record CourseChangedEvent(CourseChange change) {
    public String tenantId() {
        return change.tenantId();
    }

    /** True when {@code field} changed. */
    public boolean changed(ChangedField field) {
        return change.changed(field);
    }
}
