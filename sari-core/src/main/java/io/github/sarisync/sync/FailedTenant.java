package io.github.sarisync.sync;

/** A tenant whose run failed, as listed in a {@link SyncReport}. {@code error} names code and message, no secret. */
public record FailedTenant(String tenantId, String name, String error) {
}
