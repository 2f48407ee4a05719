package io.github.sarisync.spring.internal;

import io.github.sarisync.enrollment.EnrollmentFailure;
import io.github.sarisync.enrollment.EnrollmentListener;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.util.List;

/** Hands every failed operation to each listener in order; one that throws is logged and the others still get it. Not API. */
public final class CompositeEnrollmentListener implements EnrollmentListener {
    private static final Logger LOG = LoggerFactory.getLogger(CompositeEnrollmentListener.class);

    private final List<EnrollmentListener> listeners;

    public CompositeEnrollmentListener(List<EnrollmentListener> listeners) {
        this.listeners = List.copyOf(listeners);
    }

    @Override
    public void operationFailed(EnrollmentFailure failure) {
        for (EnrollmentListener listener : listeners) {
            try {
                listener.operationFailed(failure);
            } catch (RuntimeException e) {
                LOG.warn("EnrollmentListener {} failed for operation {}: {}", listener.getClass().getName(),
                        failure.operationId(), e.getClass().getName());
            }
        }
    }
}
