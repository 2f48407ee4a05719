package io.github.sarisync.internal.sync;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** What a store failure tells the user: the call and the driver's words, not the statement or its values. */
class TenantFailureTest {

    @Test
    void aStoreFailureNamesTheCallAndTheCauseButNotTheStatementOrItsBoundValues() {
        RuntimeException jdbi = new IllegalStateException("java.sql.SQLTransientConnectionException: connection refused"
                + " [statement:\"UPDATE sari_course_members SET removed_at = :removedAt WHERE canonical_faber_id ="
                + " :canonicalFaberId\", arguments:{named:{canonicalFaberId:1234567}}]");

        assertThatThrownBy(() -> TenantFailure.store("courseStore.apply", () -> {
            throw jdbi;
        })).isInstanceOfSatisfying(TenantFailure.class, failure -> {
            assertThat(failure.code()).isEqualTo("STORE_ERROR");
            assertThat(failure.getMessage()).isEqualTo("courseStore.apply failed:"
                    + " IllegalStateException: java.sql.SQLTransientConnectionException: connection refused");
        });
    }
}
