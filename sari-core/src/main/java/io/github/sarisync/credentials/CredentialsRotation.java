package io.github.sarisync.credentials;

import io.github.sarisync.spi.CredentialsCipher;
import io.github.sarisync.spi.CredentialsContext;
import io.github.sarisync.spi.CredentialsException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Re-encrypts every stored credential that is not in the cipher's current format under its current
 * key: the last step of a key rotation, and the migration of values written before credentials were
 * bound to their tenant and SARI target.
 *
 * <p><b>Key rotation:</b> configure the new key as current and the old ones as read-only, run
 * {@link #rotate}, then drop the old keys once {@link Result#failed()} is empty.
 *
 * <p><b>Migration of unbound values ({@code v1:...}, written before version 0.2):</b> the engine no
 * longer reads them (a value copied onto another tenant's row would have decrypted there). With the
 * key that wrote them configured, {@link #rotate} reads each one and re-encrypts it bound to the
 * tenant id and target (environment or base URI) of the row it is on ({@link Result#migrated()}).
 * Run it once right after upgrading: it trusts the rows as they are at that moment, so check that
 * no tenant's address was changed by someone other than its administrators before.
 *
 * <pre>{@code
 * CredentialsRotation.Result r = CredentialsRotation.rotate(cipher, store);   // store implements Target
 * log.info("{} of {} credentials re-encrypted ({} migrated)", r.reencrypted(), r.examined(), r.migrated());
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

    /**
     * A stored value and what it is (to be) bound to: the tenant and target of its row.
     *
     * @param context the row's tenant id and SARI target
     * @param value   the encrypted value as stored
     */
    public record Stored(CredentialsContext context, String value) {
    }

    /** A store whose encrypted credentials can be listed and replaced: what a rotation needs. */
    public interface Target {
        /** Every tenant's stored (encrypted) credentials with its row's binding. Called once per rotation. */
        List<Stored> encryptedCredentials();

        /**
         * Replaces a tenant's stored value if it still is {@code expected}; returns false (and
         * changes nothing) when it changed or the tenant is gone. Called once per value to rotate.
         */
        boolean replaceEncryptedCredentials(String tenantId, String expected, String replacement);
    }

    /**
     * The outcome of a rotation.
     *
     * @param examined         stored values looked at
     * @param reencrypted      values re-encrypted under the current key (rows changed), migrated ones included
     * @param migrated         of those, values of the unbound format now bound to their row's tenant and target
     * @param current          values already in the current format under the current key
     * @param changedMeanwhile values changed by someone else during the rotation (left as they are)
     * @param failed           tenant id to the reason its value could not be decrypted (never a secret)
     */
    public record Result(int examined, int reencrypted, int migrated, int current, int changedMeanwhile,
                         Map<String, String> failed) {
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
        List<Stored> stored = target.encryptedCredentials();
        int reencrypted = 0;
        int migrated = 0;
        int current = 0;
        int changed = 0;
        Map<String, String> failed = new LinkedHashMap<>();
        for (Stored row : stored) {
            CredentialsContext context = row.context();
            String tenantId = context.tenantId();
            String value = row.value();
            if (cipher.isCurrent(value)) {
                current++;
                continue;
            }
            boolean unbound = cipher instanceof AesGcmCredentialsCipher && AesGcmCredentialsCipher.isUnbound(value);
            String replacement;
            try {
                String plain = unbound ? ((AesGcmCredentialsCipher) cipher).decryptUnbound(value, context)
                        : cipher.decrypt(value, context);
                replacement = cipher.encrypt(plain, context);
            } catch (CredentialsException ex) {
                failed.put(tenantId, ex.getMessage());
                log.warn("credentials of tenant {} not rotated: {}", tenantId, ex.getMessage());
                continue;
            }
            if (target.replaceEncryptedCredentials(tenantId, value, replacement)) {
                reencrypted++;
                migrated += unbound ? 1 : 0;
            } else {
                changed++;
            }
        }
        log.info("credentials rotation: {} examined, {} re-encrypted ({} migrated to bound values), {} already current,"
                        + " {} changed meanwhile, {} failed",
                stored.size(), reencrypted, migrated, current, changed, failed.size());
        return new Result(stored.size(), reencrypted, migrated, current, changed, failed);
    }
}
