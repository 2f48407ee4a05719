package io.github.sarisync.client;

/**
 * The four secrets a driving school needs for SARI: client id and secret (issued by KYBERNA) and
 * the school's API username and password. {@code toString} masks the secret and the password.
 *
 * @throws IllegalArgumentException at construction when a part is null or blank
 */
public record SariCredentials(String clientId, String clientSecret, String username, String password) {
    public SariCredentials {
        requireText(clientId, "clientId");
        requireText(clientSecret, "clientSecret");
        requireText(username, "username");
        requireText(password, "password");
    }

    private static void requireText(String value, String name) {
        if (value == null || value.isBlank()) {
            throw new IllegalArgumentException("SARI credentials: " + name + " must not be null or blank");
        }
    }

    /** A form safe to show: the last two characters of a secret, the rest as stars. */
    public static String maskSecret(String secret) {
        if (secret == null) {
            return "null";
        }
        if (secret.length() <= 4) {
            return "****";
        }
        return "*".repeat(Math.min(8, secret.length() - 2)) + secret.substring(secret.length() - 2);
    }

    @Override
    public String toString() {
        return "SariCredentials[clientId=" + clientId + ", clientSecret=" + maskSecret(clientSecret)
                + ", username=" + username + ", password=" + maskSecret(password) + "]";
    }
}
