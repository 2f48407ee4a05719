package io.github.sarisync.enrollment;

import io.github.sarisync.memory.InMemoryEnrollmentOutbox;
import io.github.sarisync.spi.EnrollmentOutbox;
import io.github.sarisync.testkit.contract.EnrollmentOutboxContract;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.concurrent.atomic.AtomicReference;

class InMemoryEnrollmentOutboxContractTest extends EnrollmentOutboxContract {
    private final AtomicReference<Instant> now = new AtomicReference<>(Instant.parse("2026-12-02T10:00:00Z"));

    @Override
    protected EnrollmentOutbox createOutbox() {
        return new InMemoryEnrollmentOutbox(new Clock() {
            @Override
            public Instant instant() {
                return now.get();
            }

            @Override
            public ZoneId getZone() {
                return ZoneOffset.UTC;
            }

            @Override
            public Clock withZone(ZoneId zone) {
                throw new UnsupportedOperationException();
            }
        });
    }

    @Override
    protected Instant storeNow() {
        return now.get();
    }

    @Override
    protected void passStoreTime(Duration duration) {
        now.updateAndGet(t -> t.plus(duration));
    }
}
