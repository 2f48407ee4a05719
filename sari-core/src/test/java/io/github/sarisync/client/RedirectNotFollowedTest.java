package io.github.sarisync.client;

import com.sun.net.httpserver.HttpServer;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.util.concurrent.atomic.AtomicInteger;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

/** A SARI (or something posing as it) answering with a redirect must not get the credentials sent elsewhere. */
class RedirectNotFollowedTest {
    private static final SariCredentials CREDENTIALS = new SariCredentials("client-77", "redirect-Secret-9",
            "school-user", "redirect-Password-9");

    private HttpServer sari;
    private HttpServer elsewhere;

    @AfterEach
    void stop() {
        if (sari != null) {
            sari.stop(0);
        }
        if (elsewhere != null) {
            elsewhere.stop(0);
        }
    }

    @Test
    void a302ToAnotherHostIsNotFollowedAndTheOtherHostReceivesNothing() throws IOException {
        AtomicInteger elsewhereRequests = new AtomicInteger();
        elsewhere = server();
        elsewhere.createContext("/", exchange -> {
            elsewhereRequests.incrementAndGet();
            exchange.sendResponseHeaders(200, -1);
            exchange.close();
        });
        elsewhere.start();
        String target = "http://localhost:" + elsewhere.getAddress().getPort() + "/oauth/v2/token";
        AtomicInteger sariRequests = new AtomicInteger();
        sari = server();
        sari.createContext("/", exchange -> {
            sariRequests.incrementAndGet();
            exchange.getResponseHeaders().add("Location", target + "?" + exchange.getRequestURI().getRawQuery());
            exchange.sendResponseHeaders(302, -1);
            exchange.close();
        });
        sari.start();
        SARIClient client = SARIClient.builder()
                .baseUri(URI.create("http://127.0.0.1:" + sari.getAddress().getPort()))
                .credentials(CREDENTIALS).retry(RetryPolicy.none()).rateLimit(RateLimit.unlimited()).build();

        SariException failure = catchThrowableOfType(SariException.class, () -> client.version("ping"));

        assertThat(failure).isNotNull();
        assertThat(failure.httpStatus()).isEqualTo(302);
        assertThat(sariRequests.get()).isEqualTo(1);
        assertThat(elsewhereRequests.get()).isZero();
        assertThat(failure.getMessage()).doesNotContain("redirect-Secret-9").doesNotContain("redirect-Password-9");
    }

    private static HttpServer server() throws IOException {
        return HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
    }
}
