package io.github.sarisync.spi;

/**
 * A filter for {@link EnrollmentOutbox#list(OutboxQuery)}; null fields match everything. Results are
 * ordered by creation time, then id, and cut at {@code limit}.
 */
public record OutboxQuery(String tenantId, String operationId, OutboxState state, int limit) {
    public OutboxQuery {
        if (limit <= 0) {
            throw new IllegalArgumentException("limit must be > 0, was " + limit);
        }
    }

    /** Every entry (up to 10,000). */
    public static OutboxQuery all() {
        return new OutboxQuery(null, null, null, 10_000);
    }

    /** The entries of one enrolment operation. */
    public static OutboxQuery operation(String operationId) {
        return all().withOperation(operationId);
    }

    public OutboxQuery withTenant(String value) {
        return new OutboxQuery(value, operationId, state, limit);
    }

    public OutboxQuery withOperation(String value) {
        return new OutboxQuery(tenantId, value, state, limit);
    }

    public OutboxQuery withState(OutboxState value) {
        return new OutboxQuery(tenantId, operationId, value, limit);
    }

    public OutboxQuery withLimit(int value) {
        return new OutboxQuery(tenantId, operationId, state, value);
    }
}
