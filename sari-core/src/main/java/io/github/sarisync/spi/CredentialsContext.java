package io.github.sarisync.spi;

import io.github.sarisync.client.SariEnvironment;

import java.net.URI;
import java.util.Locale;

/**
 * What stored credentials are bound to: their tenant and the SARI target they are sent to. A
 * {@link CredentialsCipher} authenticates both with the value, so a value copied onto another
 * tenant's row, or left on a row whose target was changed, cannot be decrypted.
 *
 * @param tenantId the tenant's id
 * @param target   the canonical SARI target: {@code env:<ENVIRONMENT>} or {@code uri:<normalised base URI>}
 */
public record CredentialsContext(String tenantId, String target) {
    public CredentialsContext {
        if (tenantId == null || tenantId.isBlank()) {
            throw new IllegalArgumentException("credentials context: tenant id must not be blank");
        }
        if (target == null || target.isBlank()) {
            throw new IllegalArgumentException("credentials context of tenant " + tenantId + ": target must not be blank");
        }
    }

    /** The binding of a tenant's credentials: its id and its base URI, or its environment when it has none. */
    public static CredentialsContext of(Tenant tenant) {
        return of(tenant.id(), tenant.environment(), tenant.baseUri());
    }

    /** As {@link #of(Tenant)}, from the columns a store keeps. */
    public static CredentialsContext of(String tenantId, SariEnvironment environment, URI baseUri) {
        return new CredentialsContext(tenantId, target(environment, baseUri));
    }

    /**
     * The canonical target: {@code uri:} and the base URI with scheme and host in lower case, the
     * default port written out and a trailing slash dropped; else {@code env:} and the
     * environment's name ({@link SariEnvironment#PRODUCTION} when neither is set, as in {@link Tenant}).
     */
    public static String target(SariEnvironment environment, URI baseUri) {
        if (baseUri == null) {
            return "env:" + (environment == null ? SariEnvironment.PRODUCTION : environment).name();
        }
        String scheme = baseUri.getScheme() == null ? "" : baseUri.getScheme().toLowerCase(Locale.ROOT);
        String host = baseUri.getHost() == null ? String.valueOf(baseUri.getRawAuthority())
                : baseUri.getHost().toLowerCase(Locale.ROOT);
        int port = baseUri.getPort() >= 0 ? baseUri.getPort() : scheme.equals("https") ? 443 : scheme.equals("http") ? 80 : -1;
        String path = baseUri.getRawPath() == null ? "" : baseUri.getRawPath();
        while (path.endsWith("/")) {
            path = path.substring(0, path.length() - 1);
        }
        return "uri:" + scheme + "://" + host + ":" + port + path;
    }

    /** Names the tenant and target, never a secret. */
    @Override
    public String toString() {
        return "tenant " + tenantId + " at " + target;
    }
}
