package io.github.sarisync.client;

import java.net.URI;

/** The two SARI installations. Use {@code SARIClient.Builder#baseUri(URI)} for a simulator or proxy. */
public enum SariEnvironment {
    /** Test / acceptance system (an older code level than production). */
    TEST(URI.create("https://sari-v4-test.ky2help.com")),
    /** Production. */
    PRODUCTION(URI.create("https://www.vku-pgs.asa.ch"));

    private final URI baseUri;

    SariEnvironment(URI baseUri) {
        this.baseUri = baseUri;
    }

    public URI baseUri() {
        return baseUri;
    }
}
