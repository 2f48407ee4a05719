package io.github.sarisync.client;

/**
 * The four secrets a driving school needs for SARI: client id and secret (issued by KYBERNA) and
 * the school's API username and password. {@code toString} shows client id and username (account
 * identifiers, not secrets) and of the secret and the password only that they are set and a length
 * class ({@link #maskSecret(String)}).
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

    /**
     * A form safe to show that reveals no character of the secret: {@code "set, 1-7 chars"},
     * {@code "set, 8-15 chars"}, {@code "set, 16-31 chars"} or {@code "set, 32+ chars"} (a length
     * class, not the length), {@code "not set"} for null or blank.
     */
    public static String maskSecret(String secret) {
        if (secret == null || secret.isBlank()) {
            return "not set";
        }
        int n = secret.length();
        String lengthClass = n < 8 ? "1-7" : n < 16 ? "8-15" : n < 32 ? "16-31" : "32+";
        return "set, " + lengthClass + " chars";
    }

    @Override
    public String toString() {
        return "SariCredentials[clientId=" + clientId + ", clientSecret=<" + maskSecret(clientSecret)
                + ">, username=" + username + ", password=<" + maskSecret(password) + ">]";
    }
}
