package io.github.sarisync.internal.client;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import java.time.LocalDateTime;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** Local times of SARI answers: the common forms read quickly, the others as before, bad ones refused. */
class JsonValuesTimeTest {
    private static final ObjectMapper MAPPER = new ObjectMapper();

    @ParameterizedTest
    @ValueSource(strings = {"2026-03-29 02:30", "2026-03-29T02:30", "2026-03-29 02:30:00", "2026-03-29T02:30:00",
            " 2026-03-29 02:30 "})
    void theCommonFormsAreReadAsTheSameLocalTime(String text) {
        assertThat(JsonValues.localDateTime(node(text), "date")).isEqualTo(LocalDateTime.of(2026, 3, 29, 2, 30));
    }

    @ParameterizedTest
    @ValueSource(strings = {"2026-12-31 23:59:59", "2024-02-29 00:00", "0001-01-01T00:00"})
    void edgeValuesOfEveryFieldAreAccepted(String text) {
        assertThat(JsonValues.localDateTime(node(text), "date")).isNotNull();
    }

    @ParameterizedTest
    @ValueSource(strings = {"2026-02-30 10:00", "2025-02-29 10:00", "2026-13-01 10:00", "2026-12-01 24:00",
            "2026-12-01 10:60", "2026-12-01 10:00:60", "2026-12-01 1O:00", "2026-12-01+10:00", "12/01/2026 10:00"})
    void aTimeOutOfRangeOrOfAnotherFormIsRefusedNamingTheField(String text) {
        assertThatThrownBy(() -> JsonValues.localDateTime(node(text), "date"))
                .isInstanceOf(MalformedAnswer.class)
                .hasMessageContaining("date is not a time of the form yyyy-MM-dd HH:mm");
    }

    @ParameterizedTest
    @ValueSource(strings = {"2026-12-01", "2026-12-01T10:00:05"})
    void aBareDateIsMidnightAndSecondsAreKept(String text) {
        LocalDateTime read = JsonValues.localDateTime(node(text), "date");
        assertThat(read.toLocalDate()).isEqualTo(java.time.LocalDate.of(2026, 12, 1));
        assertThat(read.getSecond()).isEqualTo(text.length() == 10 ? 0 : 5);
    }

    private static JsonNode node(String value) {
        ObjectNode node = MAPPER.createObjectNode();
        node.put("date", value);
        return node;
    }
}
