package io.github.sarisync.spring.internal;

import io.github.sarisync.enrollment.OutboxGiveUp;
import io.github.sarisync.enrollment.OutboxListener;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.util.List;

/** Hands every give-up to each listener in order; one that throws is logged and the others still get it. Not API. */
public final class CompositeOutboxListener implements OutboxListener {
    private static final Logger LOG = LoggerFactory.getLogger(CompositeOutboxListener.class);

    private final List<OutboxListener> listeners;

    public CompositeOutboxListener(List<OutboxListener> listeners) {
        this.listeners = List.copyOf(listeners);
    }

    @Override
    public void entryGaveUp(OutboxGiveUp giveUp) {
        for (OutboxListener listener : listeners) {
            try {
                listener.entryGaveUp(giveUp);
            } catch (RuntimeException e) {
                LOG.warn("OutboxListener {} failed for entry {}: {}", listener.getClass().getName(), giveUp.entryId(),
                        e.getClass().getName());
            }
        }
    }
}
