package io.github.sarisync.jdbc;

import io.github.sarisync.spi.Lease;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import java.time.Duration;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** sari-jdbc's lease details beyond the contract: database time, one row per name, argument checks. */
class JdbcSyncLockTest {
    private final TestDatabase db = TestDatabase.h2();
    private final JdbcSyncLock lock = db.jdbc().syncLock();

    @AfterEach
    void close() {
        db.close();
    }

    @Test
    void leaseTimesAreTheDatabasesOwn() {
        lock.tryAcquire("tenant-1", "engine-a", Duration.ofMinutes(5));

        long secondsLeft = db.jdbc().jdbi().withHandle(h -> h.createQuery(
                        "SELECT DATEDIFF(SECOND, CURRENT_TIMESTAMP, expires_at) FROM sari_locks WHERE name = 'tenant-1'")
                .mapTo(Long.class).one());

        assertThat(secondsLeft).isBetween(290L, 300L);
    }

    @Test
    void aReleasedLeaseKeepsItsRowForTheNextHolder() {
        lock.release(lock.tryAcquire("tenant-1", "engine-a", Duration.ofMinutes(5)).orElseThrow());
        lock.tryAcquire("tenant-1", "engine-b", Duration.ofMinutes(5));

        assertThat(db.count("locks")).isEqualTo(1);
    }

    @Test
    void badArgumentsAreRefusedNamingWhatIsWrong() {
        assertThatThrownBy(() -> lock.tryAcquire("tenant-1", "engine-a", Duration.ZERO))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("lease");
        Lease lease = lock.tryAcquire("tenant-1", "engine-a", Duration.ofMinutes(1)).orElseThrow();
        assertThatThrownBy(() -> lock.extend(lease, Duration.ofSeconds(-1)))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("> 0");
        assertThatThrownBy(() -> lock.tryAcquire(" ", "engine-a", Duration.ofMinutes(1)))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("name");
        assertThatThrownBy(() -> lock.release(null))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("lease");
        assertThatThrownBy(() -> lock.extend(null, Duration.ofMinutes(1)))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("lease");
        assertThatThrownBy(() -> lock.release(new Lease("tenant-1", null, 1, lease.acquiredAt(), lease.expiresAt())))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("owner");
    }
}
