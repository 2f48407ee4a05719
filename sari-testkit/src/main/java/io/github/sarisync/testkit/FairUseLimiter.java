package io.github.sarisync.testkit;

import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/** Enforces SARI's fair use: at most {@code limit} accepted requests per school within 60 seconds. */
final class FairUseLimiter {
    private final int limit;
    private final Map<String, MinuteWindow> windows = new ConcurrentHashMap<>();

    FairUseLimiter(int limit) {
        this.limit = limit;
    }

    /** Null when the request may pass (it is then counted), else the Retry-After in seconds. */
    String acquire(String schoolId, long nowMillis) {
        MinuteWindow window = windows.computeIfAbsent(schoolId, id -> new MinuteWindow());
        synchronized (window) {
            if (window.countAt(nowMillis) < limit) {
                window.add(nowMillis);
                return null;
            }
            long seconds = (window.millisUntilFree(nowMillis) + 999) / 1000;
            return Long.toString(Math.max(1, seconds));
        }
    }

    void reset() {
        windows.clear();
    }
}
