package io.github.sarisync.internal.sync;

import io.github.sarisync.model.CourseType;
import io.github.sarisync.spi.SyncCounts;

import java.util.List;

/**
 * How one course type of a tenant's run ended.
 *
 * @param counts       what was written (null unless SYNCED)
 * @param warnings     why the type is only partly synced
 * @param stopsTenant  a FAILED type whose error concerns the whole tenant (credentials, SARI down):
 *                     the remaining types are not tried
 * @param summary      one line for the run log
 */
record TypeResult(CourseType type, Status status, SyncCounts counts, List<String> warnings, String errorCode,
                  String errorMessage, boolean stopsTenant, String summary) {
    enum Status { SYNCED, NOT_ENABLED, FAILED }

    TypeResult {
        warnings = List.copyOf(warnings);
    }

    static TypeResult notEnabled(CourseType type) {
        return new TypeResult(type, Status.NOT_ENABLED, null, List.of(), null, null, false,
                type + " not enabled for this school (SECTION_NOT_FOUND)");
    }

    static TypeResult failed(CourseType type, String code, String message, boolean stopsTenant) {
        return new TypeResult(type, Status.FAILED, null, List.of(), code, message, stopsTenant,
                type + " failed: " + code);
    }
}
