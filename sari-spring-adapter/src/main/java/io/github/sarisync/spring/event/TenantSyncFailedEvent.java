package io.github.sarisync.spring.event;

import io.github.sarisync.sync.TenantSyncResult;

/**
 * A tenant's run ended FAILED ({@code result.errorCode()} and {@code errorMessage()} say why, never
 * with a secret). Published on the engine's worker thread when the run has been recorded.
 */
public record TenantSyncFailedEvent(TenantSyncResult result) {
    public String tenantId() {
        return result.tenantId();
    }
}
