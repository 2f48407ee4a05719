package io.github.sarisync.testkit;

/**
 * Request times of one school within the last 60 seconds of the simulator clock, as a ring of
 * epoch milliseconds, with the largest count ever seen in one window. Not thread-safe: callers
 * synchronize on it.
 */
final class MinuteWindow {
    static final long WINDOW_MILLIS = 60_000;

    private long[] times = new long[16];
    private int head;
    private int size;
    private int max;

    /** Forgets the requests that left the window ending at {@code now}; the count left. */
    int countAt(long now) {
        while (size > 0 && times[head] <= now - WINDOW_MILLIS) {
            head = (head + 1) % times.length;
            size--;
        }
        return size;
    }

    /** Records a request at {@code now}. */
    void add(long now) {
        countAt(now);
        if (size == times.length) {
            long[] grown = new long[times.length * 2];
            for (int i = 0; i < size; i++) {
                grown[i] = times[(head + i) % times.length];
            }
            times = grown;
            head = 0;
        }
        times[(head + size) % times.length] = now;
        size++;
        max = Math.max(max, size);
    }

    /** Milliseconds until the oldest request leaves the window ending at {@code now}. */
    long millisUntilFree(long now) {
        return size == 0 ? 0 : Math.max(0, times[head] + WINDOW_MILLIS - now);
    }

    int max() {
        return max;
    }
}
