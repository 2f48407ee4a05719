package io.github.sarisync.model;

import java.time.LocalDate;

/** A driving licence category held by a student (e.g. {@code A1}, {@code B}) and when it expires (null: no expiry). */
public record License(String category, LocalDate expiresOn) {
}
