package io.github.sarisync.spi;

/**
 * Encrypts stored credentials, bound to their tenant and SARI target ({@link CredentialsContext}):
 * a value decrypts only with the context it was encrypted with, so it cannot be copied onto another
 * tenant's row or kept when a row is pointed at another address. A stored value carries the id of
 * the key that encrypted it, so that keys can rotate: values are written with the current key and
 * read with whichever key they name. Keys come from configuration, never from the database.
 * Thread-safe.
 *
 * <p>Called by a tenant store when it saves credentials ({@link #encrypt}) and each time the engine
 * or a settings screen reads them ({@link #decrypt}), outside any transaction.
 */
public interface CredentialsCipher {

    /** Encrypts with the current key, bound to {@code context}. */
    String encrypt(String plaintext, CredentialsContext context);

    /**
     * Decrypts a value written by {@link #encrypt} with the same context.
     *
     * @throws CredentialsException naming the tenant when the value is tampered or truncated, was
     *                              written for another tenant or target, is in a format the engine no
     *                              longer reads, or its key is not configured
     */
    String decrypt(String ciphertext, CredentialsContext context);

    /** True when the value is in the current format under the current key (no rotation needed). */
    boolean isCurrent(String ciphertext);
}
