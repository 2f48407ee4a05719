package io.github.sarisync.examples.cli;

import io.github.sarisync.client.SariCredentials;

import java.net.URI;
import java.util.List;

/**
 * The built-in simulator with its demo driving schools, started in-process for one command.
 */
final class DemoSari implements AutoCloseable {

    /** A demo driving school: tenant id, display name, and the credentials the simulator accepts for it. */
    record School(String id, String name, SariCredentials credentials) {
    }

    private DemoSari() {
    }

    static DemoSari start(int schools) {
        throw new UnsupportedOperationException("simulator not wired yet");
    }

    URI baseUri() {
        throw new UnsupportedOperationException("simulator not wired yet");
    }

    List<School> schools() {
        throw new UnsupportedOperationException("simulator not wired yet");
    }

    @Override
    public void close() {
    }
}
