package io.github.sarisync.client;

import io.github.sarisync.internal.client.SharedHttpClients;
import org.junit.jupiter.api.Test;

import java.net.http.HttpClient;
import java.time.Duration;

import static org.assertj.core.api.Assertions.assertThat;

class SharedHttpClientsTest {
    @Test
    void clientsWithTheSameConnectTimeoutShareOneHttp11Client() {
        HttpClient a = SharedHttpClients.forConnectTimeout(Duration.ofSeconds(7));
        HttpClient b = SharedHttpClients.forConnectTimeout(Duration.ofSeconds(7));
        HttpClient other = SharedHttpClients.forConnectTimeout(Duration.ofSeconds(8));

        assertThat(a).isSameAs(b).isNotSameAs(other);
        assertThat(a.version()).isEqualTo(HttpClient.Version.HTTP_1_1);
        assertThat(a.connectTimeout()).contains(Duration.ofSeconds(7));
    }
}
