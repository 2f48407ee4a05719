package io.github.sarisync.client;

/**
 * A SARI address credentials must not be sent to ({@link HostPolicy}). The message names the
 * address without user info, query or fragment, and the rule; never a secret.
 */
public class HostNotAllowedException extends IllegalArgumentException {
    public HostNotAllowedException(String message) {
        super(message);
    }
}
