package io.github.sarisync.internal.client;

import java.time.Clock;
import java.time.Duration;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.Optional;

/**
 * Reads a {@code Retry-After} header: a number of seconds, or an HTTP date (RFC 1123) taken
 * relative to the client's clock. A date in the past means "now"; an unreadable value is ignored.
 */
public final class RetryAfter {
    private static final long MAX_SECONDS = 24L * 3600;

    private RetryAfter() {
    }

    public static Optional<Duration> parse(String value, Clock clock) {
        if (value == null || value.isBlank()) {
            return Optional.empty();
        }
        String v = value.trim();
        if (v.chars().allMatch(Character::isDigit)) {
            if (v.length() > 6) {
                return Optional.of(Duration.ofSeconds(MAX_SECONDS));
            }
            return Optional.of(Duration.ofSeconds(Math.min(MAX_SECONDS, Long.parseLong(v))));
        }
        try {
            ZonedDateTime at = ZonedDateTime.parse(v, DateTimeFormatter.RFC_1123_DATE_TIME);
            Duration d = Duration.between(clock.instant(), at.toInstant());
            return Optional.of(d.isNegative() ? Duration.ZERO : d);
        } catch (DateTimeParseException e) {
            return Optional.empty();
        }
    }
}
