package io.github.sarisync.enrollment;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** Passes give-ups to the host's listener and swallows what it throws, so an alert can never break a run. */
final class GuardedOutboxListener implements OutboxListener {
    private static final Logger LOG = LoggerFactory.getLogger(GuardedOutboxListener.class);

    private final OutboxListener delegate;

    GuardedOutboxListener(OutboxListener delegate) {
        this.delegate = delegate;
    }

    @Override
    public void entryGaveUp(OutboxGiveUp giveUp) {
        if (delegate == null) {
            return;
        }
        try {
            delegate.entryGaveUp(giveUp);
        } catch (RuntimeException e) {
            // the class only: the message of a host's exception may carry anything
            LOG.warn("outbox listener threw {} for entry {}; ignored", e.getClass().getName(), giveUp.entryId());
        }
    }
}
