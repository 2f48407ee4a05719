package io.github.sarisync.credentials;

import io.github.sarisync.client.SariCredentials;

/**
 * A tenant's credentials as they may be shown in a settings screen: client id and username in
 * clear, client secret and password masked to their last two characters
 * ({@link SariCredentials#maskSecret(String)}). Holds no secret, so it may be sent to a browser.
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
