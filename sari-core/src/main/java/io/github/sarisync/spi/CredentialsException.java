package io.github.sarisync.spi;

/**
 * Stored credentials cannot be used: missing, tampered, truncated, or encrypted with a key that
 * is not configured. The message names the tenant (when known) and never contains a secret.
 */
public class CredentialsException extends RuntimeException {
    public CredentialsException(String message) {
        super(message);
    }

    public CredentialsException(String message, Throwable cause) {
        super(message, cause);
    }
}
