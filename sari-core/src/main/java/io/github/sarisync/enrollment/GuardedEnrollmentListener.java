package io.github.sarisync.enrollment;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.time.Clock;

/** Tells the host's listener of failed operations and swallows what it throws, so an alert never breaks a call. */
final class GuardedEnrollmentListener {
    private static final Logger LOG = LoggerFactory.getLogger(GuardedEnrollmentListener.class);

    private final EnrollmentListener delegate;
    private final Clock clock;

    GuardedEnrollmentListener(EnrollmentListener delegate, Clock clock) {
        this.delegate = delegate;
        this.clock = clock;
    }

    /** Tells the listener when {@code result} is a failure it hears of; returns {@code result}. */
    EnrollmentResult told(EnrollmentResult result, String faberId) {
        if (delegate == null || !EnrollmentFailure.TOLD.contains(result.status())) {
            return result;
        }
        try {
            delegate.operationFailed(EnrollmentFailure.of(result, faberId, clock.instant()));
        } catch (RuntimeException e) {
            // the class only: the message of a host's exception may carry anything
            LOG.warn("enrollment listener threw {} for operation {}; ignored", e.getClass().getName(),
                    result.operationId());
        }
        return result;
    }
}
