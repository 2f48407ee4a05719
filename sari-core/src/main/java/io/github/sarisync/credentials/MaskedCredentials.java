package io.github.sarisync.credentials;

import io.github.sarisync.client.SariCredentials;

/**
 * A tenant's credentials as they may be shown in a settings screen: client id and username in
 * clear (they identify the school's account, like a user name on a login form; they authenticate
 * nothing without the secret and the password), and of the client secret and the password only
 * that they are set and a length class such as {@code "set, 8-15 chars"}
 * ({@link SariCredentials#maskSecret(String)}): never a character of them. Holds no secret, so it
 * may be sent to a browser.
 */
public record MaskedCredentials(String tenantId, String clientId, String maskedClientSecret, String username,
                                String maskedPassword) {

    /** The masked form of stored credentials. */
    public static MaskedCredentials of(String tenantId, SariCredentials credentials) {
        return new MaskedCredentials(tenantId, credentials.clientId(),
                SariCredentials.maskSecret(credentials.clientSecret()), credentials.username(),
                SariCredentials.maskSecret(credentials.password()));
    }
}
