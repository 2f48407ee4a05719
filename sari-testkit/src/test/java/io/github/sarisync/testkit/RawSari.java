package io.github.sarisync.testkit;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.github.sarisync.client.SariCredentials;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;

/** Raw HTTP against a simulator (JDK client pinned to HTTP/1.1), so tests see exactly what SARI would send. */
final class RawSari {
    static final ObjectMapper JSON = new ObjectMapper();
    private static final HttpClient HTTP = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
            .connectTimeout(Duration.ofSeconds(5)).build();

    private final URI base;

    RawSari(SariSimulator sari) {
        this.base = sari.baseUri();
    }

    static String enc(String value) {
        return URLEncoder.encode(value, StandardCharsets.UTF_8).replace("+", "%20");
    }

    HttpResponse<String> passwordGrant(SariCredentials c) {
        return get("/oauth/v2/token?grant_type=password&client_id=" + enc(c.clientId()) + "&client_secret="
                + enc(c.clientSecret()) + "&username=" + enc(c.username()) + "&password=" + enc(c.password()), null);
    }

    HttpResponse<String> refreshGrant(SariCredentials c, String refreshToken) {
        return get("/oauth/v2/token?grant_type=refresh_token&client_id=" + enc(c.clientId()) + "&client_secret="
                + enc(c.clientSecret()) + "&refresh_token=" + enc(refreshToken), null);
    }

    /** A fresh access token for these credentials. */
    String token(SariCredentials c) {
        HttpResponse<String> answer = passwordGrant(c);
        if (answer.statusCode() != 200) {
            throw new IllegalStateException("token request answered HTTP " + answer.statusCode());
        }
        return json(answer).get("access_token").asText();
    }

    HttpResponse<String> get(String path, String token) {
        return send(request(path, token).GET().timeout(Duration.ofSeconds(10)).build());
    }

    HttpResponse<String> api(String path, String token) {
        return get("/api/courseregistration" + path, token);
    }

    HttpResponse<String> enroll(String token, String courseId, String faberId, String birthdate) {
        return form("PUT", token, "courseid=" + enc(courseId) + "&faberid=" + enc(faberId) + "&birthdate="
                + enc(birthdate));
    }

    HttpResponse<String> unenroll(String token, String courseId, String faberId) {
        return form("DELETE", token, "courseid=" + enc(courseId) + "&faberid=" + enc(faberId));
    }

    HttpResponse<String> form(String method, String token, String body) {
        return send(request("/api/courseregistration/personcourse", token)
                .header("Content-Type", "application/x-www-form-urlencoded")
                .method(method, HttpRequest.BodyPublishers.ofString(body)).timeout(Duration.ofSeconds(10)).build());
    }

    HttpRequest.Builder request(String path, String token) {
        HttpRequest.Builder b = HttpRequest.newBuilder(base.resolve(path));
        if (token != null) {
            b.header("Authorization", "Bearer " + token);
        }
        return b;
    }

    HttpResponse<String> send(HttpRequest request) {
        try {
            return HTTP.send(request, HttpResponse.BodyHandlers.ofString());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    static HttpClient http() {
        return HTTP;
    }

    static JsonNode json(HttpResponse<String> answer) {
        try {
            return JSON.readTree(answer.body());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The envelope status of an answer. */
    static String status(HttpResponse<String> answer) {
        return json(answer).get("status").asText();
    }

    static JsonNode result(HttpResponse<String> answer) {
        return json(answer).get("result");
    }
}
