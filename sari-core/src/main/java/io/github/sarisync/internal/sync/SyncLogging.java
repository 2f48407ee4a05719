package io.github.sarisync.internal.sync;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** The engine logs under one root, {@code io.github.sarisync.sync}, wherever its code lives. */
final class SyncLogging {
    static final String ROOT = "io.github.sarisync.sync";

    private SyncLogging() {
    }

    static Logger logger(String name) {
        return LoggerFactory.getLogger(ROOT + "." + name);
    }
}
