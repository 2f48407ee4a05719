package io.github.sarisync.internal.client;

/**
 * A part of a SARI answer could not be read. The reason is in plain words and holds no personal
 * data; the caller turns it into a rejected record or a MALFORMED_RESPONSE.
 */
public final class MalformedAnswer extends RuntimeException {
    public MalformedAnswer(String reason) {
        super(reason, null, false, false);
    }

    public String reason() {
        return getMessage();
    }
}
