package io.github.sarisync.credentials;

import io.github.sarisync.spi.CredentialsCipher;
import io.github.sarisync.spi.CredentialsContext;
import io.github.sarisync.spi.CredentialsException;

import javax.crypto.AEADBadTagException;
import javax.crypto.Cipher;
import javax.crypto.spec.GCMParameterSpec;
import javax.crypto.spec.SecretKeySpec;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.SecureRandom;
import java.util.ArrayList;
import java.util.Base64;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.regex.Pattern;

/**
 * A {@link CredentialsCipher} with AES-256-GCM (JDK {@code javax.crypto} only). Each value gets a
 * fresh random 96-bit nonce and a 128-bit authentication tag, and is written as
 * <pre>{@code v2:<keyId>:<base64(nonce | ciphertext | tag)>}</pre>
 * The GCM additional data is the header {@code v2:<keyId>}, the tenant id and the canonical SARI
 * target of the {@link CredentialsContext}, so a value whose header was edited, that was copied onto
 * another tenant's row, or whose row now points at another environment or base URI, fails to
 * decrypt with a {@link CredentialsException} naming the tenant.
 *
 * <p><b>Values written before binding ({@code v1:...}, additional data only the header)</b> are
 * refused by {@link #decrypt}: such a value could have been moved between tenants. They are read
 * only by {@link CredentialsRotation#rotate}, which re-encrypts each one bound to the tenant and
 * target of the row it is on (run it once after upgrading, with the key that wrote them configured).
 *
 * <p>Several keys can be configured at once: the current one encrypts, every configured one
 * decrypts the values that name it, so keys rotate without downtime: add the new key as current,
 * keep the old ones for reading, re-encrypt the stored values ({@link CredentialsRotation}), then
 * drop the old keys.
 *
 * <pre>{@code
 * CredentialsCipher cipher = AesGcmCredentialsCipher.builder()
 *     .currentKey("k2", k2Bytes)        // writes
 *     .oldKey("k1", k1Bytes)            // reads what was written before the rotation
 *     .build();
 * // or from one configuration string, the first key is the current one:
 * CredentialsCipher cipher = AesGcmCredentialsCipher.fromConfiguration("k2:<base64>,k1:<base64>");
 * String newKey = AesGcmCredentialsCipher.generateKey();   // for operators: 32 random bytes, base64
 * }</pre>
 *
 * Keys come from configuration, never from the database; neither {@link #toString()} nor any
 * exception message shows key material, a plaintext or a stored value. Thread-safe.
 */
public final class AesGcmCredentialsCipher implements CredentialsCipher {
    /** The format version written by this class: bound to tenant and target. */
    public static final String VERSION = "v2";
    /** The format written before credentials were bound; read only by {@link CredentialsRotation}. */
    public static final String UNBOUND_VERSION = "v1";
    /** AES-256: keys must have exactly this many bytes. */
    public static final int KEY_BYTES = 32;

    static final int NONCE_BYTES = 12;
    static final int TAG_BITS = 128;
    private static final int TAG_BYTES = TAG_BITS / 8;
    private static final String TRANSFORMATION = "AES/GCM/NoPadding";
    private static final Pattern KEY_ID = Pattern.compile("[A-Za-z0-9_.-]{1,32}");

    private final String currentKeyId;
    private final Map<String, SecretKeySpec> keys;
    private final SecureRandom random;

    private AesGcmCredentialsCipher(String currentKeyId, Map<String, SecretKeySpec> keys, SecureRandom random) {
        this.currentKeyId = currentKeyId;
        this.keys = Collections.unmodifiableMap(new LinkedHashMap<>(keys));
        this.random = random;
    }

    public static Builder builder() {
        return new Builder();
    }

    /**
     * A cipher from a configuration string {@code id:base64key[,id:base64key...]}; the first key
     * is the current one, the others are read-only. Whitespace around entries is ignored.
     *
     * @throws IllegalArgumentException naming the entry or key id that is wrong (never the key)
     */
    public static AesGcmCredentialsCipher fromConfiguration(String keys) {
        return builder().keys(keys).build();
    }

    /** A new random AES-256 key, base64-encoded, for operators to put into configuration. */
    public static String generateKey() {
        byte[] key = new byte[KEY_BYTES];
        new SecureRandom().nextBytes(key);
        return Base64.getEncoder().encodeToString(key);
    }

    /** The id of the key that encrypts. */
    public String currentKeyId() {
        return currentKeyId;
    }

    /** The ids of every configured key, the current one first. */
    public List<String> keyIds() {
        return List.copyOf(keys.keySet());
    }

    @Override
    public String encrypt(String plaintext, CredentialsContext context) {
        if (plaintext == null) {
            throw new IllegalArgumentException("plaintext must not be null");
        }
        if (context == null) {
            throw new IllegalArgumentException("credentials context must not be null");
        }
        byte[] nonce = new byte[NONCE_BYTES];
        random.nextBytes(nonce);
        String header = VERSION + ":" + currentKeyId;
        try {
            Cipher cipher = Cipher.getInstance(TRANSFORMATION);
            cipher.init(Cipher.ENCRYPT_MODE, keys.get(currentKeyId), new GCMParameterSpec(TAG_BITS, nonce));
            cipher.updateAAD(boundData(header, context));
            byte[] sealed = cipher.doFinal(plaintext.getBytes(StandardCharsets.UTF_8));
            byte[] payload = ByteBuffer.allocate(NONCE_BYTES + sealed.length).put(nonce).put(sealed).array();
            return header + ":" + Base64.getEncoder().encodeToString(payload);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("AES-GCM encryption is not available in this JVM: " + e.getClass().getName());
        }
    }

    /**
     * Decrypts a value written by {@link #encrypt} for the same tenant and target.
     *
     * @throws CredentialsException naming the tenant when the value is missing, malformed, truncated,
     *                              tampered with, bound to another tenant or target, in the unbound
     *                              {@code v1} format (migrate it with {@link CredentialsRotation}),
     *                              or names a key that is not configured
     */
    @Override
    public String decrypt(String ciphertext, CredentialsContext context) {
        if (context == null) {
            throw new IllegalArgumentException("credentials context must not be null");
        }
        String subject = "tenant " + context.tenantId() + ": stored credentials";
        Parsed parsed = parse(ciphertext, subject);
        if (UNBOUND_VERSION.equals(parsed.version)) {
            throw new CredentialsException(subject + ": stored in the old format " + UNBOUND_VERSION
                    + ", which is not bound to a tenant and is no longer read; migrate the stored credentials with"
                    + " CredentialsRotation.rotate (or enter them again)");
        }
        return open(parsed, boundData(parsed.header, context), subject,
                "the value was altered or truncated, it belongs to another tenant or SARI target than "
                        + context.target() + " (moved or re-pointed), or key '" + parsed.keyId
                        + "' is not the key that encrypted it");
    }

    /**
     * Reads a value of the unbound format {@code v1} (additional data only its header): for the
     * migration in {@link CredentialsRotation} only, never for the engine's read path.
     */
    String decryptUnbound(String ciphertext, CredentialsContext context) {
        String subject = "tenant " + context.tenantId() + ": stored credentials";
        Parsed parsed = parse(ciphertext, subject);
        if (!UNBOUND_VERSION.equals(parsed.version)) {
            throw new CredentialsException(subject + ": not in the unbound format " + UNBOUND_VERSION);
        }
        return open(parsed, parsed.header.getBytes(StandardCharsets.US_ASCII), subject,
                "the value was altered or truncated, or key '" + parsed.keyId + "' is not the key that encrypted it");
    }

    /** True when the value is unbound ({@code v1}) and must be migrated by {@link CredentialsRotation}. */
    static boolean isUnbound(String ciphertext) {
        return ciphertext != null && ciphertext.startsWith(UNBOUND_VERSION + ":");
    }

    private String open(Parsed parsed, byte[] additionalData, String subject, String tagFailure) {
        SecretKeySpec key = keys.get(parsed.keyId);
        if (key == null) {
            throw new CredentialsException(subject + ": encrypted with key '" + parsed.keyId
                    + "', which is not configured (configured keys: " + String.join(", ", keys.keySet()) + ")");
        }
        try {
            Cipher cipher = Cipher.getInstance(TRANSFORMATION);
            cipher.init(Cipher.DECRYPT_MODE, key, new GCMParameterSpec(TAG_BITS, parsed.payload, 0, NONCE_BYTES));
            cipher.updateAAD(additionalData);
            byte[] plain = cipher.doFinal(parsed.payload, NONCE_BYTES, parsed.payload.length - NONCE_BYTES);
            return new String(plain, StandardCharsets.UTF_8);
        } catch (AEADBadTagException e) {
            throw new CredentialsException(subject + ": authentication failed with key '" + parsed.keyId + "': "
                    + tagFailure);
        } catch (GeneralSecurityException e) {
            throw new CredentialsException(subject + ": cannot be decrypted with key '" + parsed.keyId + "' ("
                    + e.getClass().getSimpleName() + ")");
        }
    }

    /**
     * The additional data of a bound value: header, tenant id and target, each length-prefixed so
     * that no two different (tenant, target) pairs give the same bytes.
     */
    private static byte[] boundData(String header, CredentialsContext context) {
        byte[] h = header.getBytes(StandardCharsets.US_ASCII);
        byte[] tenant = context.tenantId().getBytes(StandardCharsets.UTF_8);
        byte[] target = context.target().getBytes(StandardCharsets.UTF_8);
        return ByteBuffer.allocate(12 + h.length + tenant.length + target.length)
                .putInt(h.length).put(h).putInt(tenant.length).put(tenant).putInt(target.length).put(target).array();
    }

    /** True when the value is in the current (bound) format and names the current key. */
    @Override
    public boolean isCurrent(String ciphertext) {
        if (ciphertext == null) {
            return false;
        }
        String[] parts = ciphertext.split(":", -1);
        return parts.length == 3 && VERSION.equals(parts[0]) && currentKeyId.equals(parts[1]);
    }

    /**
     * The id of the key a stored value names (for a store that keeps it in a column of its own).
     *
     * @throws CredentialsException when the value is not in this class's format
     */
    public String keyIdOf(String ciphertext) {
        return parse(ciphertext, "stored credentials").keyId;
    }

    private Parsed parse(String value, String subject) {
        if (value == null || value.isEmpty()) {
            throw new CredentialsException(subject + ": no encrypted value is stored");
        }
        String[] parts = value.split(":", -1);
        if (parts.length != 3) {
            throw new CredentialsException(subject + ": not an encrypted value (expected "
                    + VERSION + ":<keyId>:<base64>, found " + parts.length + " part(s))");
        }
        if (!VERSION.equals(parts[0]) && !UNBOUND_VERSION.equals(parts[0])) {
            throw new CredentialsException(subject + ": unknown format version '" + abbreviate(parts[0])
                    + "' (this library reads " + VERSION + ")");
        }
        if (!KEY_ID.matcher(parts[1]).matches()) {
            throw new CredentialsException(subject + ": the key id is malformed");
        }
        byte[] payload;
        try {
            payload = Base64.getDecoder().decode(parts[2]);
        } catch (IllegalArgumentException e) {
            throw new CredentialsException(subject + ": the encrypted part is not valid base64 (altered or truncated)");
        }
        if (payload.length < NONCE_BYTES + TAG_BYTES) {
            throw new CredentialsException(subject + ": the encrypted part is too short (" + payload.length
                    + " bytes, at least " + (NONCE_BYTES + TAG_BYTES) + " expected): truncated");
        }
        return new Parsed(parts[0], parts[0] + ":" + parts[1], parts[1], payload);
    }

    private static String abbreviate(String s) {
        return s.length() <= 8 ? s : s.substring(0, 8) + "...";
    }

    @Override
    public String toString() {
        return "AesGcmCredentialsCipher[current=" + currentKeyId + ", keys=" + keys.keySet() + "]";
    }

    private record Parsed(String version, String header, String keyId, byte[] payload) {
    }

    /**
     * Builds an {@link AesGcmCredentialsCipher}. Required: a current key. {@link #build()} refuses
     * a key that is not 32 bytes, a malformed or duplicate key id, naming the key id (never the key).
     */
    public static final class Builder {
        private String currentKeyId;
        private boolean currentExplicit;
        private final Map<String, byte[]> keys = new LinkedHashMap<>();
        private final List<String> problems = new ArrayList<>();
        private SecureRandom random;

        private Builder() {
        }

        /** The key that encrypts (and decrypts the values naming it). */
        public Builder currentKey(String keyId, byte[] key) {
            add(keyId, key);
            if (currentExplicit && !Objects.equals(currentKeyId, keyId)) {
                problems.add("two current keys were set ('" + currentKeyId + "' and '" + keyId + "')");
            }
            currentKeyId = keyId;
            currentExplicit = true;
            return this;
        }

        /** The current key, base64-encoded as in configuration. */
        public Builder currentKey(String keyId, String base64Key) {
            return currentKey(keyId, decodeKey(keyId, base64Key));
        }

        /** A key that only decrypts values written before a rotation. */
        public Builder oldKey(String keyId, byte[] key) {
            add(keyId, key);
            return this;
        }

        /** An old key, base64-encoded as in configuration. */
        public Builder oldKey(String keyId, String base64Key) {
            return oldKey(keyId, decodeKey(keyId, base64Key));
        }

        /**
         * Keys from a configuration string {@code id:base64key[,id:base64key...]}. The first becomes
         * the current key unless {@link #currentKey} or {@link #currentKeyId} names another.
         */
        public Builder keys(String configuration) {
            if (configuration == null || configuration.isBlank()) {
                problems.add("the key configuration is empty (expected id:base64key[,id:base64key...])");
                return this;
            }
            String[] entries = configuration.split(",", -1);
            for (int i = 0; i < entries.length; i++) {
                String entry = entries[i].trim();
                int colon = entry.indexOf(':');
                if (colon <= 0 || colon == entry.length() - 1) {
                    problems.add("key entry " + (i + 1) + " is not of the form id:base64key");
                    continue;
                }
                String id = entry.substring(0, colon).trim();
                byte[] key = decodeKey(id, entry.substring(colon + 1).trim());
                add(id, key);
                if (currentKeyId == null) {
                    currentKeyId = id;
                }
            }
            return this;
        }

        /** Which of the configured keys encrypts (overrides the first-is-current rule of {@link #keys}). */
        public Builder currentKeyId(String keyId) {
            this.currentKeyId = keyId;
            this.currentExplicit = true;
            return this;
        }

        /** The source of nonces; default a new {@link SecureRandom}. */
        public Builder secureRandom(SecureRandom value) {
            this.random = value;
            return this;
        }

        public AesGcmCredentialsCipher build() {
            if (!problems.isEmpty()) {
                throw new IllegalArgumentException("AesGcmCredentialsCipher: " + String.join("; ", problems));
            }
            if (currentKeyId == null) {
                throw new IllegalArgumentException("AesGcmCredentialsCipher: a current key is required");
            }
            if (!keys.containsKey(currentKeyId)) {
                throw new IllegalArgumentException("AesGcmCredentialsCipher: the current key '" + currentKeyId
                        + "' is not among the configured keys " + keys.keySet());
            }
            Map<String, SecretKeySpec> specs = new LinkedHashMap<>();
            specs.put(currentKeyId, new SecretKeySpec(keys.get(currentKeyId), "AES"));
            keys.forEach((id, key) -> specs.putIfAbsent(id, new SecretKeySpec(key, "AES")));
            return new AesGcmCredentialsCipher(currentKeyId, specs, Objects.requireNonNullElseGet(random, SecureRandom::new));
        }

        private void add(String keyId, byte[] key) {
            if (keyId == null || !KEY_ID.matcher(keyId).matches()) {
                problems.add("key id " + (keyId == null ? "null" : "'" + abbreviate(keyId) + "'")
                        + " must be 1 to 32 letters, digits, '.', '_' or '-'");
                return;
            }
            if (key == null) {
                problems.add("key '" + keyId + "' is missing");
                return;
            }
            if (key.length != KEY_BYTES) {
                problems.add("key '" + keyId + "' must be " + KEY_BYTES + " bytes (AES-256), was " + key.length + " bytes");
                return;
            }
            if (keys.containsKey(keyId)) {
                problems.add("key id '" + keyId + "' is configured twice");
                return;
            }
            keys.put(keyId, key.clone());
        }

        private byte[] decodeKey(String keyId, String base64Key) {
            if (base64Key == null) {
                return null;
            }
            try {
                return Base64.getDecoder().decode(base64Key.trim());
            } catch (IllegalArgumentException e) {
                problems.add("key '" + keyId + "' is not valid base64");
                return new byte[KEY_BYTES];
            }
        }
    }
}
