package io.github.sarisync.credentials;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.github.sarisync.client.SariCredentials;
import io.github.sarisync.spi.CredentialsCipher;
import io.github.sarisync.spi.CredentialsContext;
import io.github.sarisync.spi.CredentialsException;

import java.util.ArrayList;
import java.util.List;

/**
 * Turns {@link SariCredentials} into the one string a store encrypts and keeps, and back: a
 * compact JSON object {@code {"clientId":..,"clientSecret":..,"username":..,"password":..}}.
 * Failures never echo the stored text (it holds secrets), only what is wrong with it.
 *
 * <pre>{@code
 * CredentialsContext context = CredentialsContext.of(tenant);              // tenant id and SARI target
 * String stored = CredentialsCodec.seal(cipher, credentials, context);     // write this to the row
 * SariCredentials back = CredentialsCodec.open(cipher, stored, context);   // names the tenant on failure
 * }</pre>
 */
public final class CredentialsCodec {
    private static final ObjectMapper MAPPER = new ObjectMapper();
    private static final String[] FIELDS = {"clientId", "clientSecret", "username", "password"};

    private CredentialsCodec() {
    }

    /** The credentials as compact JSON (in clear: encrypt before storing). */
    public static String toJson(SariCredentials credentials) {
        if (credentials == null) {
            throw new IllegalArgumentException("credentials must not be null");
        }
        ObjectNode node = MAPPER.createObjectNode()
                .put("clientId", credentials.clientId())
                .put("clientSecret", credentials.clientSecret())
                .put("username", credentials.username())
                .put("password", credentials.password());
        return node.toString();
    }

    /**
     * Reads what {@link #toJson} wrote; fields it does not know are ignored.
     *
     * @throws CredentialsException when the text is not such an object or a part is missing or blank
     */
    public static SariCredentials fromJson(String json) {
        if (json == null) {
            throw new CredentialsException("stored credentials: no value");
        }
        JsonNode node;
        try {
            node = MAPPER.readTree(json);
        } catch (JsonProcessingException e) {
            // the parser's message quotes the text it read, which holds secrets: keep only the position
            throw new CredentialsException("stored credentials are not valid JSON (line "
                    + e.getLocation().getLineNr() + ", column " + e.getLocation().getColumnNr() + ")");
        }
        if (node == null || !node.isObject()) {
            throw new CredentialsException("stored credentials are not a JSON object");
        }
        List<String> missing = new ArrayList<>();
        String[] values = new String[FIELDS.length];
        for (int i = 0; i < FIELDS.length; i++) {
            JsonNode field = node.get(FIELDS[i]);
            values[i] = field != null && field.isTextual() ? field.textValue() : null;
            if (values[i] == null || values[i].isBlank()) {
                missing.add(FIELDS[i]);
            }
        }
        if (!missing.isEmpty()) {
            throw new CredentialsException("stored credentials lack " + String.join(", ", missing));
        }
        return new SariCredentials(values[0], values[1], values[2], values[3]);
    }

    /**
     * The credentials as JSON, encrypted with the cipher's current key and bound to the tenant and
     * SARI target of {@code context}: the value a store keeps.
     */
    public static String seal(CredentialsCipher cipher, SariCredentials credentials, CredentialsContext context) {
        return cipher.encrypt(toJson(credentials), context);
    }

    /**
     * Decrypts and reads a value written by {@link #seal} for the same tenant and target.
     *
     * @throws CredentialsException naming the tenant when the value cannot be decrypted or read
     */
    public static SariCredentials open(CredentialsCipher cipher, String stored, CredentialsContext context) {
        String tenantId = context.tenantId();
        try {
            return fromJson(cipher.decrypt(stored, context));
        } catch (CredentialsException e) {
            String message = e.getMessage() == null ? "" : e.getMessage();
            throw new CredentialsException(message.contains("tenant " + tenantId) ? message
                    : "tenant " + tenantId + ": " + message, e);
        }
    }
}
