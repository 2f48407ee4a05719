package io.github.sarisync.enrollment;

import org.junit.jupiter.api.Test;

import java.time.Duration;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class OutboxPolicyTest {

    @Test
    void delayDoublesFromTheInitialDelayUpToTheCap() {
        OutboxPolicy policy = OutboxPolicy.builder().initialDelay(Duration.ofMinutes(1))
                .maxDelay(Duration.ofMinutes(10)).build();
        assertThat(policy.delayAfter(1)).isEqualTo(Duration.ofMinutes(1));
        assertThat(policy.delayAfter(2)).isEqualTo(Duration.ofMinutes(2));
        assertThat(policy.delayAfter(4)).isEqualTo(Duration.ofMinutes(8));
        assertThat(policy.delayAfter(5)).isEqualTo(Duration.ofMinutes(10));
        assertThat(policy.delayAfter(60)).isEqualTo(Duration.ofMinutes(10));
    }

    @Test
    void defaultsSpreadTwelveAttemptsOverAboutTwentyHours() {
        OutboxPolicy policy = OutboxPolicy.defaults();
        Duration total = Duration.ZERO;
        for (int attempt = 1; attempt < policy.maxAttempts(); attempt++) {
            total = total.plus(policy.delayAfter(attempt));
        }
        assertThat(policy.maxAttempts()).isEqualTo(12);
        assertThat(total).isEqualTo(Duration.ofMinutes(1 + 2 + 4 + 8 + 16 + 32 + 64 + 128 + 256 + 360 + 360));
    }

    @Test
    void buildNamesTheSettingOutOfRange() {
        assertThatThrownBy(() -> OutboxPolicy.builder().maxAttempts(0).build())
                .hasMessageContaining("outboxPolicy.maxAttempts");
        assertThatThrownBy(() -> OutboxPolicy.builder().multiplier(0.5).build())
                .hasMessageContaining("outboxPolicy.multiplier");
        assertThatThrownBy(() -> OutboxPolicy.builder().initialDelay(Duration.ZERO).build())
                .hasMessageContaining("outboxPolicy.initialDelay");
        assertThatThrownBy(() -> OutboxPolicy.builder().initialDelay(Duration.ofHours(7)).build())
                .hasMessageContaining("outboxPolicy.maxDelay");
        assertThatThrownBy(() -> OutboxPolicy.builder().batchSize(0).build())
                .hasMessageContaining("outboxPolicy.batchSize");
        assertThatThrownBy(() -> OutboxPolicy.defaults().delayAfter(0)).isInstanceOf(IllegalArgumentException.class);
    }
}
