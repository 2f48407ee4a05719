package io.github.sarisync.enrollment;

import io.github.sarisync.memory.InMemoryEnrollmentOutbox;
import io.github.sarisync.spi.EnrollmentOutbox;
import io.github.sarisync.testkit.contract.EnrollmentOutboxContract;

class InMemoryEnrollmentOutboxContractTest extends EnrollmentOutboxContract {
    @Override
    protected EnrollmentOutbox createOutbox() {
        return new InMemoryEnrollmentOutbox();
    }
}
