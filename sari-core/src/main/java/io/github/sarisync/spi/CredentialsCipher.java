package io.github.sarisync.spi;

/**
 * Encrypts stored credentials. A stored value carries the id of the key that encrypted it, so
 * that keys can rotate: values are written with the current key and read with whichever key
 * they name. Keys come from configuration, never from the database. Thread-safe.
 */
public interface CredentialsCipher {

    /** Encrypts with the current key. */
    String encrypt(String plaintext);

    /**
     * Decrypts a value written by {@link #encrypt}.
     *
     * @throws CredentialsException when the value is tampered or truncated, or its key is not configured
     */
    String decrypt(String ciphertext);

    /** True when the value was encrypted with the current key (no rotation needed). */
    boolean isCurrent(String ciphertext);
}
