package io.github.sarisync.examples.harness;

import java.lang.management.ManagementFactory;
import java.lang.management.MemoryPoolMXBean;
import java.lang.management.MemoryType;
import java.util.List;

/**
 * The peak heap of this process between {@link #reset()} and {@link #peakBytes()}: the sum of the
 * peaks of the heap memory pools (an upper bound, as the pools need not peak at the same moment;
 * it includes garbage not yet collected, so run with {@code -Xmx} to prove a limit).
 */
public final class HeapPeak {
    private final List<MemoryPoolMXBean> pools = ManagementFactory.getMemoryPoolMXBeans().stream()
            .filter(pool -> pool.getType() == MemoryType.HEAP && pool.isValid()).toList();

    /** Collects garbage and starts measuring from the heap in use now. */
    public void reset() {
        System.gc();
        pools.forEach(MemoryPoolMXBean::resetPeakUsage);
    }

    public long peakBytes() {
        long sum = 0;
        for (MemoryPoolMXBean pool : pools) {
            sum += pool.getPeakUsage().getUsed();
        }
        return sum;
    }

    /** The most heap this JVM may use ({@code -Xmx}). */
    public static long maxBytes() {
        return Runtime.getRuntime().maxMemory();
    }
}
