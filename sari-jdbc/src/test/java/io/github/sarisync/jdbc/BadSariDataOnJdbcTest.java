package io.github.sarisync.jdbc;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import io.github.sarisync.client.RateLimit;
import io.github.sarisync.client.RetryPolicy;
import io.github.sarisync.client.SariCredentials;
import io.github.sarisync.model.CourseType;
import io.github.sarisync.spi.CourseQuery;
import io.github.sarisync.spi.CourseStatus;
import io.github.sarisync.spi.StoredCourse;
import io.github.sarisync.spi.Tenant;
import io.github.sarisync.sync.SARISyncEngine;
import io.github.sarisync.sync.SariClientFactory;
import io.github.sarisync.sync.SyncOptions;
import io.github.sarisync.sync.SyncOutcome;
import io.github.sarisync.sync.TenantSyncResult;
import io.github.sarisync.testkit.SariSimulator;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.net.http.HttpClient;
import java.nio.charset.StandardCharsets;
import java.util.EnumMap;
import java.util.Map;
import java.util.stream.Collectors;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * On a real database, bad SARI data costs only its record: a listed part whose record cannot be
 * read keeps its stored row, and a course name longer than its column is rejected before the write
 * (the run is PARTIAL, not FAILED, and the other parts are stored).
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class BadSariDataOnJdbcTest {
    private static final String TENANT = "tenant-1";
    private final Map<Dialect, TestDatabase> databases = new EnumMap<>(Dialect.class);
    private final HttpServer sari = start();
    private volatile String courseList = "[]";

    @AfterAll
    void close() {
        sari.stop(0);
        databases.values().forEach(TestDatabase::close);
    }

    private static String part(long id, String name, String date) {
        return "{\"id\":" + id + ",\"name\":\"" + name + "\",\"date\":\"" + date + "\",\"address\":{\"name\":"
                + "\"Fahrschule Muster\",\"address\":\"Weg 1\",\"zip\":8001,\"city\":\"Zürich\"},\"freeplaces\":10}";
    }

    private void vku(String... parts) {
        courseList = "[{\"name\":\"VKU Mai\",\"date\":\"2099-05-20 00:00\",\"courses\":[" + String.join(",", parts)
                + "]}]";
    }

    @ParameterizedTest
    @EnumSource(Dialect.class)
    void aListedButUnreadablePartKeepsItsRowAndAnOverlongNameIsRejectedBeforeTheWrite(Dialect dialect) {
        TestDatabase db = databases.computeIfAbsent(dialect, TestDatabase::of);
        db.clear();
        db.jdbc().tenantStore().save(Tenant.of(TENANT, "School", URI.create("http://127.0.0.1:"
                + sari.getAddress().getPort())), new SariCredentials("client", "secret", "school", "password"));
        try (SARISyncEngine engine = engine(db)) {
            vku(part(61, "VKU Teil 1", "2099-05-20 18:00"), part(62, "VKU Teil 2", "2099-05-21 18:00"));
            assertThat(engine.syncTenant(TENANT).outcome()).isEqualTo(SyncOutcome.SUCCESS);
            StoredCourse before = stored(db).get(62L);

            vku(part(61, "VKU Teil 1", "2099-05-20 18:00"), part(62, "VKU Teil 2", "bald"),
                    part(63, "x".repeat(10_000), "2099-05-22 18:00"), part(64, "VKU Teil 4", "2099-05-23 18:00"));
            TenantSyncResult result = engine.syncTenant(TENANT);

            assertThat(result.outcome()).as(result.errorMessage()).isEqualTo(SyncOutcome.PARTIAL);
            assertThat(result.counts(CourseType.VKU).rejected()).isEqualTo(2);
            assertThat(result.counts(CourseType.VKU).cancelled()).isZero();
            assertThat(result.counts(CourseType.VKU).inserted()).isOne();
            assertThat(stored(db)).containsOnlyKeys(61L, 62L, 64L).containsEntry(62L, before);
            assertThat(stored(db).values()).extracting(StoredCourse::status).containsOnly(CourseStatus.ACTIVE);
            assertThat(result.warnings()).anySatisfy(w -> assertThat(w)
                    .contains("part 63", "course name longer than 500 characters").doesNotContain("xxxxx"));
        }
    }

    @ParameterizedTest
    @EnumSource(Dialect.class)
    void aNameWithANulCharacterIsRejectedBeforeTheWriteAndTheOtherPartsAreStored(Dialect dialect) {
        TestDatabase db = databases.computeIfAbsent(dialect, TestDatabase::of);
        db.clear();
        db.jdbc().tenantStore().save(Tenant.of(TENANT, "School", URI.create("http://127.0.0.1:"
                + sari.getAddress().getPort())), new SariCredentials("client", "secret", "school", "password"));
        try (SARISyncEngine engine = engine(db)) {
            vku(part(61, "VKU Teil 1", "2099-05-20 18:00"), part(62, "VKU \\u0000Teil 2", "2099-05-21 18:00"));
            TenantSyncResult result = engine.syncTenant(TENANT);

            assertThat(result.outcome()).as(result.errorMessage()).isEqualTo(SyncOutcome.PARTIAL);
            assertThat(result.counts(CourseType.VKU).rejected()).isOne();
            assertThat(stored(db)).containsOnlyKeys(61L);
            assertThat(result.warnings()).anySatisfy(w -> assertThat(w)
                    .contains("part 62", "course name contains a NUL character").doesNotContain("Teil 2"));
        }
    }

    private SARISyncEngine engine(TestDatabase db) {
        return SARISyncEngine.builder().tenantStore(db.jdbc().tenantStore())
                .options(SyncOptions.builder().hostPolicy(SariSimulator.hostPolicy()).build())
                .courseStore(db.jdbc().courseStore()).syncLogStore(db.jdbc().syncLogStore()).lock(db.jdbc().syncLock())
                .clientFactory(SariClientFactory.customized(b -> b.httpClient(HttpClient.newBuilder()
                        .version(HttpClient.Version.HTTP_1_1).build()).rateLimit(RateLimit.unlimited())
                        .retry(RetryPolicy.none())))
                .build();
    }

    private static Map<Long, StoredCourse> stored(TestDatabase db) {
        return db.jdbc().courseStore().findCourses(CourseQuery.tenant(TENANT)).stream()
                .collect(Collectors.toMap(StoredCourse::partId, c -> c));
    }

    /** A SARI of three answers: a token, the course list the test set, and no members. */
    private HttpServer start() {
        try {
            HttpServer server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
            server.createContext("/", this::answer);
            server.start();
            return server;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private void answer(HttpExchange exchange) throws IOException {
        String path = exchange.getRequestURI().getPath();
        String body = path.startsWith("/oauth/v2/token")
                ? "{\"access_token\":\"t\",\"expires_in\":3600,\"token_type\":\"bearer\",\"refresh_token\":\"r\"}"
                : path.endsWith("/courses/VKU") ? "{\"status\":\"OK\",\"result\":" + courseList + "}"
                : path.contains("/coursedetail/") ? "{\"status\":\"OK\",\"result\":[]}"
                : "{\"status\":\"SECTION_NOT_FOUND\",\"result\":[]}";
        byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
        exchange.getResponseHeaders().set("Content-Type", "application/json");
        exchange.sendResponseHeaders(200, bytes.length);
        try (OutputStream out = exchange.getResponseBody()) {
            out.write(bytes);
        }
    }
}
