package io.github.sarisync.credentials;

import io.github.sarisync.spi.CredentialsCipher;
import io.github.sarisync.spi.CredentialsException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Re-encrypts every stored credential that is not under the cipher's current key, the last step
 * of a key rotation: configure the new key as current and the old ones as read-only, run
 * {@link #rotate}, then drop the old keys once {@link Result#failed()} is empty.
 *
 * <pre>{@code
 * CredentialsRotation.Result r = CredentialsRotation.rotate(cipher, store);   // store implements Target
 * log.info("{} of {} credentials re-encrypted", r.reencrypted(), r.examined());
 * }</pre>
 *
 * A value that cannot be decrypted is left as it is and listed in {@link Result#failed()} with the
 * reason; it does not stop the others. Values are replaced one by one with a compare-and-set, so
 * a tenant's credentials saved meanwhile (already under the current key) are never overwritten.
 */
public final class CredentialsRotation {
    private static final Logger log = LoggerFactory.getLogger(CredentialsRotation.class);

    private CredentialsRotation() {
    }

    /** A store whose encrypted credentials can be listed and replaced: what a rotation needs. */
    public interface Target {
        /** Every tenant's stored (encrypted) credentials value, by tenant id. Called once per rotation. */
        Map<String, String> encryptedCredentials();

        /**
         * Replaces a tenant's stored value if it still is {@code expected}; returns false (and
         * changes nothing) when it changed or the tenant is gone. Called once per value to rotate.
         */
        boolean replaceEncryptedCredentials(String tenantId, String expected, String replacement);
    }

    /**
     * The outcome of a rotation.
     *
     * @param examined     stored values looked at
     * @param reencrypted  values re-encrypted under the current key (rows changed)
     * @param current      values already under the current key
     * @param changedMeanwhile values changed by someone else during the rotation (left as they are)
     * @param failed       tenant id to the reason its value could not be decrypted (never a secret)
     */
    public record Result(int examined, int reencrypted, int current, int changedMeanwhile, Map<String, String> failed) {
        public Result {
            failed = Map.copyOf(failed);
        }

        /** The tenants whose value could not be rotated, sorted. */
        public List<String> failedTenants() {
            return failed.keySet().stream().sorted().toList();
        }
    }

    /** Re-encrypts every value of {@code target} that {@code cipher} does not call current. */
    public static Result rotate(CredentialsCipher cipher, Target target) {
        if (cipher == null || target == null) {
            throw new IllegalArgumentException("cipher and target must not be null");
        }
        Map<String, String> stored = target.encryptedCredentials();
        int reencrypted = 0;
        int current = 0;
        int changed = 0;
        Map<String, String> failed = new LinkedHashMap<>();
        for (Map.Entry<String, String> e : stored.entrySet()) {
            String tenantId = e.getKey();
            String value = e.getValue();
            if (cipher.isCurrent(value)) {
                current++;
                continue;
            }
            String replacement;
            try {
                replacement = cipher.encrypt(cipher.decrypt(value));
            } catch (CredentialsException ex) {
                failed.put(tenantId, ex.getMessage());
                log.warn("credentials of tenant {} not rotated: {}", tenantId, ex.getMessage());
                continue;
            }
            if (target.replaceEncryptedCredentials(tenantId, value, replacement)) {
                reencrypted++;
            } else {
                changed++;
            }
        }
        log.info("credentials rotation: {} examined, {} re-encrypted, {} already current, {} changed meanwhile, {} failed",
                stored.size(), reencrypted, current, changed, failed.size());
        return new Result(stored.size(), reencrypted, current, changed, failed);
    }
}
