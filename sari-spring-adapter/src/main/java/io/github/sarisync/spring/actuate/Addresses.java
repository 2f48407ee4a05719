package io.github.sarisync.spring.actuate;

import java.net.URI;
import java.net.URISyntaxException;

/** How the endpoint shows a tenant's SARI address: scheme, host, port and path only. */
final class Addresses {
    private Addresses() {
    }

    /**
     * The address without user-info (a {@code user:password@} someone put into a base URI), query or
     * fragment, which may carry secrets too. An address whose host cannot be parsed is not shown.
     */
    static String shown(URI uri) {
        if (uri == null) {
            return null;
        }
        if (uri.getHost() == null) {
            // a registry-based authority may hold user-info the URI class did not split off
            return uri.getScheme() == null ? "(address hidden)" : uri.getScheme() + "://(address hidden)";
        }
        try {
            return new URI(uri.getScheme(), null, uri.getHost(), uri.getPort(), uri.getPath(), null, null).toString();
        } catch (URISyntaxException e) {
            return uri.getScheme() + "://" + uri.getHost();
        }
    }
}
