package io.github.sarisync.internal.sync;

import org.junit.jupiter.api.Test;

import java.sql.BatchUpdateException;
import java.sql.SQLException;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowable;

/** What a store failure tells the user: the call and the driver's words, not the statement or its values. */
class TenantFailureTest {

    @Test
    void aStoreFailureNamesTheCallAndTheCauseButNotTheStatementContextOrItsBoundValues() {
        RuntimeException jdbi = new IllegalStateException("connection refused [statement:\"UPDATE sari_course_members"
                + " SET removed_at = :removedAt WHERE canonical_faber_id = :canonicalFaberId\","
                + " arguments:{named:{canonicalFaberId:1234567}}]");

        assertThat(failureOf(jdbi).getMessage()).isEqualTo("courseStore.apply failed: IllegalStateException:"
                + " connection refused");
    }

    @Test
    void aBatchErrorSpeaksThroughTheDriversErrorBehindItFirstLineOnly() {
        SQLException driver = new SQLException("ERROR: duplicate key value violates unique constraint \"pk\"\n"
                + "  Detail: Key (canonical_faber_id)=(1234567) already exists.", "23505");
        BatchUpdateException batch = new BatchUpdateException("Batch entry 0 INSERT INTO sari_course_members VALUES"
                + " (('1234567'), ('Anna'), ('2004-05-06')) was aborted", "23505", new int[0], driver);
        RuntimeException jdbi = new IllegalStateException(batch.toString(), batch);

        TenantFailure failure = failureOf(jdbi);

        assertThat(failure.code()).isEqualTo("STORE_ERROR");
        assertThat(failure.getMessage()).isEqualTo("courseStore.apply failed: IllegalStateException: SQLException:"
                + " ERROR: duplicate key value violates unique constraint \"pk\"");
    }

    private static TenantFailure failureOf(RuntimeException thrown) {
        Throwable caught = catchThrowable(() ->
                TenantFailure.store("courseStore.apply", () -> {
                    throw thrown;
                }));
        assertThat(caught).isInstanceOf(TenantFailure.class);
        return (TenantFailure) caught;
    }
}
