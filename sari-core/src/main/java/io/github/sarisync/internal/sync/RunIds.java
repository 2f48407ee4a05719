package io.github.sarisync.internal.sync;

import java.util.UUID;
import java.util.concurrent.ThreadLocalRandom;

/**
 * Random version-4 UUIDs for run ids and group keys. They need to be unique, not unguessable, so
 * they come from {@link ThreadLocalRandom} rather than {@link UUID#randomUUID()}, whose secure
 * random source costs a noticeable share of a run that changes nothing.
 */
public final class RunIds {
    private RunIds() {
    }

    public static UUID next() {
        ThreadLocalRandom random = ThreadLocalRandom.current();
        long msb = (random.nextLong() & ~0xF000L) | 0x4000L;
        long lsb = (random.nextLong() & 0x3FFFFFFFFFFFFFFFL) | 0x8000000000000000L;
        return new UUID(msb, lsb);
    }
}
