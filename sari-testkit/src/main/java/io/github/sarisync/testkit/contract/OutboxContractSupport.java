package io.github.sarisync.testkit.contract;

import io.github.sarisync.spi.EnrollmentOutbox;
import io.github.sarisync.spi.OutboxAction;
import io.github.sarisync.spi.OutboxEntry;
import org.junit.jupiter.api.BeforeEach;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;

/**
 * What the parts of the enrolment outbox contract share: the hooks a store's test implements (see
 * {@link EnrollmentOutboxContract}) and the fixtures. Extend {@link EnrollmentOutboxContract}, not this.
 */
public abstract class OutboxContractSupport {
    protected static final Instant T0 = Instant.parse("2027-01-10T08:00:00Z");
    protected static final LocalDate BIRTHDATE = LocalDate.of(2005, 4, 1);
    protected static final Duration LEASE = Duration.ofMinutes(5);

    protected EnrollmentOutbox outbox;

    /** An outbox without entries. */
    protected abstract EnrollmentOutbox createOutbox();

    /** The current instant of the store's clock (the database's for a database). */
    protected abstract Instant storeNow();

    /** Lets {@code duration} pass in the store's clock for the claims held now. */
    protected abstract void passStoreTime(Duration duration);

    @BeforeEach
    void createOutboxUnderTest() {
        outbox = createOutbox();
    }

    /** A PENDING enrolment of tenant-1 for a student. */
    protected static OutboxEntry enrol(String id, String operation, long course, Instant createdAt, Instant due) {
        return enrol(id, "tenant-1", operation, course, createdAt, due);
    }

    /** A PENDING enrolment of {@code tenantId} for a student. */
    protected static OutboxEntry enrol(String id, String tenantId, String operation, long course, Instant createdAt,
                                       Instant due) {
        return OutboxEntry.pending(id, operation, tenantId, OutboxAction.ENROLL, course, "001234567", BIRTHDATE,
                createdAt, due);
    }
}
