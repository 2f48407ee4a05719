package io.github.sarisync.client;

import java.net.InetAddress;
import java.net.URI;
import java.net.UnknownHostException;
import java.util.LinkedHashSet;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * Where a tenant's SARI credentials may be sent. The default, {@link #strict()}, accepts only
 * {@code https} to the two SARI installations ({@link SariEnvironment}); a host opts in to other
 * addresses explicitly: exact addresses ({@link Builder#allow(URI)}), loopback for a simulator
 * ({@link Builder#allowLoopback()}), private networks ({@link Builder#allowPrivateNetworks()}).
 *
 * <p>Checked when a tenant is saved (by the tenant stores and {@code CredentialsService}) and again
 * when the engine builds a tenant's client (so a row written around the store, by SQL, is refused
 * too). No name is resolved through DNS: a host name is allowed by being listed, an address only
 * as an IP literal.
 *
 * <p>Refused whatever the allow-list says ({@link #requireSafe(URI)}, also applied by
 * {@code SARIClient.builder().build()}): a scheme other than http/https, user info, a query or
 * fragment, a host name ending in a dot, plain http to anything but loopback, the unspecified
 * address, link-local and cloud-metadata addresses (169.254.0.0/16, fe80::/10, and fd00::/8, whose
 * fd00:ec2::254 is a metadata address). IP literals of private ranges (10/8, 172.16/12,
 * 192.168/16, 100.64/10, fc00::/8) pass only with {@link Builder#allowPrivateNetworks()} or an
 * exact entry; other IP literals only by an exact entry.
 *
 * <pre>{@code
 * HostPolicy.strict();                                                 // production default
 * HostPolicy.builder().allowLoopback().build();                        // a simulator on 127.0.0.1
 * HostPolicy.builder().allow(URI.create("https://sari-proxy.example.ch:8443")).build();
 * }</pre>
 * Error messages show the address without user info, query or fragment. Immutable, thread-safe.
 */
public final class HostPolicy {
    private static final HostPolicy STRICT = new HostPolicy(Set.of(), false, false);
    private static final Pattern IPV4 = Pattern.compile("\\d{1,3}(\\.\\d{1,3}){3}");

    private final Set<String> allowed;
    private final boolean loopback;
    private final boolean privateNetworks;

    private HostPolicy(Set<String> allowed, boolean loopback, boolean privateNetworks) {
        this.allowed = Set.copyOf(allowed);
        this.loopback = loopback;
        this.privateNetworks = privateNetworks;
    }

    /** https to the two SARI installations only: the default everywhere. */
    public static HostPolicy strict() {
        return STRICT;
    }

    public static Builder builder() {
        return new Builder();
    }

    /** True when loopback addresses (127.0.0.0/8, ::1, localhost) are allowed, http included. */
    public boolean allowsLoopback() {
        return loopback;
    }

    /** True when IP literals of private ranges are allowed (https only). */
    public boolean allowsPrivateNetworks() {
        return privateNetworks;
    }

    /** The exact addresses allowed besides the SARI installations, as {@code scheme://host:port}. */
    public Set<String> allowedAddresses() {
        return allowed;
    }

    /**
     * Why credentials must not be sent to {@code uri}, or empty when they may. The reason names the
     * address (without user info, query or fragment) and the rule.
     */
    public Optional<String> problem(URI uri) {
        Optional<String> unsafe = unsafe(uri);
        if (unsafe.isPresent()) {
            return unsafe;
        }
        String host = host(uri);
        String key = origin(uri);
        if (isSariInstallation(uri) || allowed.contains(key)) {
            return Optional.empty();
        }
        InetAddress literal = literal(host);
        if (isLoopback(host, literal)) {
            return loopback ? Optional.empty()
                    : refuse(uri, "loopback is not allowed (a simulator needs HostPolicy.builder().allowLoopback())");
        }
        if (literal != null && isPrivate(literal)) {
            return privateNetworks ? Optional.empty()
                    : refuse(uri, "a private network address is not allowed unless allowPrivateNetworks() is set");
        }
        return refuse(uri, "only https to the SARI installations (" + SariEnvironment.TEST.baseUri().getHost()
                + ", " + SariEnvironment.PRODUCTION.baseUri().getHost() + ") is allowed unless the address is on"
                + " the allow-list");
    }

    /**
     * Refuses an address credentials must not be sent to.
     *
     * @param where what the address belongs to, e.g. {@code "tenant school-7"}
     * @throws HostNotAllowedException naming {@code where}, the address and the rule
     */
    public void require(URI uri, String where) {
        problem(uri).ifPresent(p -> {
            throw new HostNotAllowedException(where + ": " + p);
        });
    }

    /**
     * Refuses what no allow-list can permit (see the class comment). {@code SARIClient.builder()}
     * applies only this, so a test may still point a client at http on loopback directly.
     *
     * @throws HostNotAllowedException naming the address (without user info) and the rule
     */
    public static void requireSafe(URI uri) {
        unsafe(uri).ifPresent(p -> {
            throw new HostNotAllowedException("SARIClient: " + p);
        });
    }

    private static Optional<String> unsafe(URI uri) {
        if (uri == null) {
            return Optional.of("no SARI address is set");
        }
        String scheme = uri.getScheme() == null ? "" : uri.getScheme().toLowerCase(Locale.ROOT);
        if (!scheme.equals("https") && !scheme.equals("http")) {
            return refuse(uri, "the scheme must be http or https (http only to loopback)");
        }
        if (uri.getRawUserInfo() != null || (uri.getHost() == null && uri.getRawAuthority() != null
                && uri.getRawAuthority().contains("@"))) {
            return Optional.of("a SARI address must not contain user info (it was " + scheme
                    + "://<user info>@...)");
        }
        String host = host(uri);
        if (host == null || host.isEmpty()) {
            return refuse(uri, "the address has no host");
        }
        if (uri.getRawQuery() != null || uri.getRawFragment() != null) {
            return refuse(uri, "a query or fragment is not allowed in a SARI address");
        }
        if (host.endsWith(".")) {
            return refuse(uri, "a host name ending in a dot is not allowed");
        }
        InetAddress literal = literal(host);
        if (literal != null && (literal.isLinkLocalAddress() || literal.isAnyLocalAddress() || isMetadata(literal))) {
            return refuse(uri, "link-local, unspecified and cloud-metadata addresses are never allowed");
        }
        if (scheme.equals("http") && !isLoopback(host, literal)) {
            return refuse(uri, "plain http is allowed only to loopback; use https");
        }
        return Optional.empty();
    }

    private static Optional<String> refuse(URI uri, String reason) {
        return Optional.of("SARI address " + describe(uri) + " refused: " + reason);
    }

    /** The address as {@code scheme://host:port/path}, without user info, query or fragment. */
    public static String describe(URI uri) {
        if (uri == null) {
            return "null";
        }
        String host = uri.getHost();
        if (host == null) {
            return "<" + (uri.getScheme() == null ? "no scheme" : uri.getScheme()) + " address without a host>";
        }
        return (uri.getScheme() == null ? "" : uri.getScheme() + "://") + host
                + (uri.getPort() >= 0 ? ":" + uri.getPort() : "") + (uri.getRawPath() == null ? "" : uri.getRawPath());
    }

    private static boolean isSariInstallation(URI uri) {
        String key = origin(uri);
        for (SariEnvironment env : SariEnvironment.values()) {
            if (origin(env.baseUri()).equals(key)) {
                return true;
            }
        }
        return false;
    }

    /** {@code scheme://host:port}, lower case, default port written out. */
    static String origin(URI uri) {
        String scheme = uri.getScheme().toLowerCase(Locale.ROOT);
        int port = uri.getPort() >= 0 ? uri.getPort() : scheme.equals("https") ? 443 : 80;
        return scheme + "://" + host(uri) + ":" + port;
    }

    private static String host(URI uri) {
        return uri.getHost() == null ? null : uri.getHost().toLowerCase(Locale.ROOT);
    }

    /** The address of an IP literal host (no DNS: only literals are parsed), else null. */
    private static InetAddress literal(String host) {
        boolean v6 = host.startsWith("[") && host.endsWith("]");
        if (!v6 && !IPV4.matcher(host).matches()) {
            return null;
        }
        try {
            return InetAddress.getByName(v6 ? host.substring(1, host.length() - 1) : host);
        } catch (UnknownHostException e) {
            return null;
        }
    }

    private static boolean isLoopback(String host, InetAddress literal) {
        return literal != null ? literal.isLoopbackAddress() : host.equals("localhost");
    }

    private static boolean isMetadata(InetAddress a) {
        byte[] b = a.getAddress();
        // fd00::/8 holds fd00:ec2::254, a cloud metadata address: refused as a whole
        return b.length == 16 && (b[0] & 0xff) == 0xfd;
    }

    private static boolean isPrivate(InetAddress a) {
        byte[] b = a.getAddress();
        if (b.length == 4) {
            int first = b[0] & 0xff;
            int second = b[1] & 0xff;
            return a.isSiteLocalAddress() || (first == 100 && second >= 64 && second < 128);
        }
        return (b[0] & 0xff) == 0xfc || a.isSiteLocalAddress();
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof HostPolicy p && p.allowed.equals(allowed) && p.loopback == loopback
                && p.privateNetworks == privateNetworks;
    }

    @Override
    public int hashCode() {
        return allowed.hashCode() * 31 + (loopback ? 2 : 0) + (privateNetworks ? 1 : 0);
    }

    @Override
    public String toString() {
        return "HostPolicy[sari installations" + (loopback ? ", loopback" : "")
                + (privateNetworks ? ", private networks" : "") + (allowed.isEmpty() ? "" : ", " + allowed) + "]";
    }

    /**
     * Builds a {@link HostPolicy}. {@link #build()} refuses an allow-list entry that no policy may
     * allow (see {@link HostPolicy}), naming it.
     */
    public static final class Builder {
        private final Set<String> allowed = new LinkedHashSet<>();
        private final Set<String> problems = new LinkedHashSet<>();
        private boolean loopback;
        private boolean privateNetworks;

        private Builder() {
        }

        /**
         * Allows exactly this address (scheme, host and port; the path does not matter), e.g. a
         * proxy in front of SARI. The refusals of {@link HostPolicy#requireSafe(URI)} still apply.
         */
        public Builder allow(URI uri) {
            Optional<String> unsafe = unsafe(uri);
            if (unsafe.isPresent()) {
                problems.add(unsafe.get());
            } else {
                allowed.add(origin(uri));
            }
            return this;
        }

        /** Allows each address of a comma-separated list (blank entries are ignored). */
        public Builder allow(String commaSeparatedUris) {
            if (commaSeparatedUris != null) {
                for (String entry : commaSeparatedUris.split(",")) {
                    if (!entry.isBlank()) {
                        try {
                            allow(URI.create(entry.trim()));
                        } catch (IllegalArgumentException e) {
                            problems.add("allow-list entry is not a URI: " + e.getMessage());
                        }
                    }
                }
            }
            return this;
        }

        /** Allows loopback (127.0.0.0/8, ::1, localhost) on any port, http included: for simulators. */
        public Builder allowLoopback() {
            this.loopback = true;
            return this;
        }

        /** Allows https to IP literals of private ranges (10/8, 172.16/12, 192.168/16, 100.64/10, fc00::/8). */
        public Builder allowPrivateNetworks() {
            this.privateNetworks = true;
            return this;
        }

        public HostPolicy build() {
            if (!problems.isEmpty()) {
                throw new IllegalArgumentException("HostPolicy: " + String.join("; ", problems));
            }
            return new HostPolicy(allowed, loopback, privateNetworks);
        }
    }
}
