package io.github.sarisync.examples.cli;

import java.time.Instant;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;

/** How times are shown: local time of the machine, to the second; course starts in Swiss time. */
final class Formats {
    private static final DateTimeFormatter LOCAL = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss");
    private static final DateTimeFormatter MINUTES = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm");
    private static final ZoneId SWISS = ZoneId.of("Europe/Zurich");

    private Formats() {
    }

    static String time(Instant instant) {
        return instant == null ? "-" : LOCAL.format(instant.atZone(ZoneId.systemDefault()));
    }

    static String swiss(Instant instant) {
        return instant == null ? "-" : MINUTES.format(instant.atZone(SWISS));
    }

    static String percent(double share) {
        return String.format(java.util.Locale.ROOT, "%.1f%%", share * 100);
    }
}
