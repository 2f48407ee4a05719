package io.github.sarisync.enrollment;

import io.github.sarisync.spi.RunStatus;

/** The overall outcome of an enrolment operation; the per-part results say which part is where. */
public enum EnrollmentStatus {
    /** Every part is in the state asked for. */
    SUCCEEDED(RunStatus.SUCCEEDED),
    /** No part failed for good, but some wait in the outbox ({@code QUEUED}) and will be retried. */
    PENDING(RunStatus.PARTIAL),
    /** Some parts are done and others failed or need manual action; what was done is left as it is. */
    PARTIAL(RunStatus.PARTIAL),
    /** A part failed; everything this call changed has been undone. */
    ROLLED_BACK(RunStatus.FAILED),
    /** Nothing was changed: the first part tried failed (or the student could not be looked up). */
    FAILED(RunStatus.FAILED),
    /** A part failed and undoing the changes failed too: see the parts marked UNDO_FAILED. */
    UNDO_FAILED(RunStatus.FAILED),
    /** Refused before any registration call (licence, confirmed registration): see {@link EnrollmentResult#refusal()}. */
    REFUSED(RunStatus.FAILED);

    private final RunStatus runStatus;

    EnrollmentStatus(RunStatus runStatus) {
        this.runStatus = runStatus;
    }

    /** How the operation is recorded in the run log. */
    public RunStatus runStatus() {
        return runStatus;
    }
}
