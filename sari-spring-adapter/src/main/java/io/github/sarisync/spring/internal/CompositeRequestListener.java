package io.github.sarisync.spring.internal;

import io.github.sarisync.client.SariRequestListener;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.time.Duration;
import java.util.List;

/** Tells each of several request listeners about an exchange; one that throws is logged. Not API. */
public final class CompositeRequestListener implements SariRequestListener {
    private static final Logger LOG = LoggerFactory.getLogger(CompositeRequestListener.class);

    private final List<SariRequestListener> listeners;

    public CompositeRequestListener(List<SariRequestListener> listeners) {
        this.listeners = List.copyOf(listeners);
    }

    @Override
    public void onRequest(String operation, String status, int httpStatus, Duration duration) {
        for (SariRequestListener listener : listeners) {
            try {
                listener.onRequest(operation, status, httpStatus, duration);
            } catch (RuntimeException e) {
                LOG.warn("SariRequestListener {} failed: {}", listener.getClass().getName(), e.toString());
            }
        }
    }
}
