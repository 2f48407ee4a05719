package io.github.sarisync.jdbc;

import io.github.sarisync.spi.CredentialsCipher;
import io.github.sarisync.spi.CredentialsContext;
import io.github.sarisync.spi.CredentialsException;

import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.Set;

/**
 * A stand-in cipher for tests: {@code <keyId>:<base64 of the bytes XOR the key id>}, the bytes
 * prefixed by the tenant and target they are bound to. Not secure; it only behaves like one (key
 * ids, current key, unknown key, malformed value, a value read for another tenant or target).
 */
final class TestCipher implements CredentialsCipher {
    private final String currentKey;
    private final Set<String> readableKeys;

    TestCipher(String currentKey, String... olderKeys) {
        this.currentKey = currentKey;
        this.readableKeys = Set.of(olderKeys.length == 0 ? new String[]{currentKey} : concat(currentKey, olderKeys));
    }

    @Override
    public String encrypt(String plaintext, CredentialsContext context) {
        return currentKey + ":" + Base64.getEncoder().encodeToString(mix((binding(context) + plaintext)
                .getBytes(StandardCharsets.UTF_8), currentKey));
    }

    @Override
    public String decrypt(String ciphertext, CredentialsContext context) {
        String bound = open(ciphertext);
        if (!bound.startsWith(binding(context))) {
            throw new CredentialsException("tenant " + context.tenantId() + ": value belongs to another tenant or target");
        }
        return bound.substring(binding(context).length());
    }

    private static String binding(CredentialsContext context) {
        return context.tenantId() + "|" + context.target() + "|";
    }

    private String open(String ciphertext) {
        int colon = ciphertext == null ? -1 : ciphertext.indexOf(':');
        if (colon < 0) {
            throw new CredentialsException("value is not a test-cipher value");
        }
        String key = ciphertext.substring(0, colon);
        if (!readableKeys.contains(key)) {
            throw new CredentialsException("key '" + key + "' is not configured");
        }
        try {
            return new String(mix(Base64.getDecoder().decode(ciphertext.substring(colon + 1)), key),
                    StandardCharsets.UTF_8);
        } catch (IllegalArgumentException e) {
            throw new CredentialsException("value is truncated or tampered");
        }
    }

    @Override
    public boolean isCurrent(String ciphertext) {
        return ciphertext.startsWith(currentKey + ":");
    }

    private static byte[] mix(byte[] bytes, String key) {
        byte[] k = key.getBytes(StandardCharsets.UTF_8);
        byte[] out = new byte[bytes.length];
        for (int i = 0; i < bytes.length; i++) {
            out[i] = (byte) (bytes[i] ^ k[i % k.length] ^ 0x5a);
        }
        return out;
    }

    private static String[] concat(String first, String[] rest) {
        String[] all = new String[rest.length + 1];
        all[0] = first;
        System.arraycopy(rest, 0, all, 1, rest.length);
        return all;
    }
}
