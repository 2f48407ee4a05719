package io.github.sarisync;

import io.github.sarisync.client.HostPolicy;
import io.github.sarisync.sync.SyncOptions;

/**
 * The host policy of tests whose tenants point at WireMock or a local server on 127.0.0.1: the
 * library's default allows only https to the SARI installations.
 */
public final class TestHosts {
    public static final HostPolicy LOOPBACK = HostPolicy.builder().allowLoopback().build();

    private TestHosts() {
    }

    /** Engine options that allow loopback, the rest default. */
    public static SyncOptions loopbackOptions() {
        return SyncOptions.builder().hostPolicy(LOOPBACK).build();
    }
}
