package io.github.sarisync.memory;

import io.github.sarisync.client.SariCredentials;
import io.github.sarisync.client.SariEnvironment;
import io.github.sarisync.spi.Lease;
import io.github.sarisync.spi.LeaseLostException;
import io.github.sarisync.spi.RunStatus;
import io.github.sarisync.spi.Tenant;
import io.github.sarisync.spi.TenantState;
import org.junit.jupiter.api.Test;

import java.time.Instant;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * In-memory stores built without the engines' lock cannot ask whether a lease is still held; they
 * still refuse a write whose lease is older than one they have already written with.
 */
class StoresWithoutALockTest {
    private static final Instant T0 = Instant.parse("2026-03-02T08:00:00Z");

    @Test
    void aStateWriteWithALeaseOlderThanOneAlreadyWrittenWithIsRefusedAndAnUnfencedWriteAlwaysLands() {
        InMemoryTenantStore store = new InMemoryTenantStore();
        store.save(Tenant.of("tenant-1", "Eins", SariEnvironment.TEST), new SariCredentials("c", "s", "u", "p"));
        TenantState newer = new TenantState(T0.plusSeconds(60), T0.plusSeconds(60), RunStatus.SUCCEEDED, 0, null,
                null);
        TenantState older = new TenantState(T0, null, RunStatus.FAILED, 1, "X", "stale");

        store.updateState("tenant-1", newer, lease(2));

        assertThatThrownBy(() -> store.updateState("tenant-1", older, lease(1)))
                .isInstanceOf(LeaseLostException.class).hasMessageContaining("fence 1");
        assertThat(store.find("tenant-1").orElseThrow().state()).isEqualTo(newer);
        store.updateState("tenant-1", older);
        assertThat(store.find("tenant-1").orElseThrow().state()).isEqualTo(older);
    }

    private static Lease lease(long fence) {
        return new Lease("tenant:tenant-1", "engine-" + fence, fence, T0, T0.plusSeconds(300));
    }
}
