package io.github.sarisync.jdbc;

import io.github.sarisync.internal.jdbc.Migrations;
import io.github.sarisync.jdbc.SchemaSnapshot.EmptyDatabase;
import org.jdbi.v3.core.Jdbi;
import org.junit.jupiter.api.Test;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.List;
import java.util.concurrent.CyclicBarrier;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;

/** Two installers at the same time: one runs the migrations, the other finds them done. */
class ConcurrentSchemaInstallTest {

    @Test
    void onPostgresqlTheSecondInstallerWaitsForTheFirstsLockAndAppliesNothing() throws Exception {
        try (EmbeddedPostgresServer.Database db = EmbeddedPostgresServer.newDatabase();
             Connection holder = db.direct().getConnection()) {
            Jdbi jdbi = Jdbi.create(db.pooled());
            SchemaInstaller first = new SchemaInstaller(jdbi, Dialect.POSTGRESQL, "sari_");
            SchemaInstaller second = new SchemaInstaller(jdbi, Dialect.POSTGRESQL, "sari_");
            advisoryLock(holder, "pg_advisory_lock", first.lockKey());
            ExecutorService threads = Executors.newFixedThreadPool(2);
            try {
                Future<List<String>> a = threads.submit(first::install);
                Future<List<String>> b = threads.submit(second::install);
                awaitAdvisoryLockWaiters(holder, 2);
                advisoryLock(holder, "pg_advisory_unlock", first.lockKey());

                List<List<String>> created = List.of(a.get(30, TimeUnit.SECONDS), b.get(30, TimeUnit.SECONDS));

                assertThat(created).filteredOn(List::isEmpty).hasSize(1);
                assertThat(created).filteredOn(tables -> !tables.isEmpty()).singleElement()
                        .satisfies(tables -> assertThat(tables).hasSize(SchemaInstaller.TABLES.size()));
                assertThat(SchemaSnapshot.history(jdbi, "sari_")).hasSize(Migrations.of(Dialect.POSTGRESQL).size())
                        .doesNotHaveDuplicates();
            } finally {
                threads.shutdownNow();
            }
        }
    }

    @Test
    void onH2InstallersInOneJvmTakeTurns() throws Exception {
        try (EmptyDatabase db = EmptyDatabase.of(Dialect.H2)) {
            CyclicBarrier start = new CyclicBarrier(2);
            ExecutorService threads = Executors.newFixedThreadPool(2);
            try {
                List<Future<List<String>>> runs = List.of(
                        threads.submit(() -> {
                            start.await();
                            return db.installer("sari_").install();
                        }),
                        threads.submit(() -> {
                            start.await();
                            return db.installer("sari_").install();
                        }));

                List<List<String>> created = List.of(runs.get(0).get(30, TimeUnit.SECONDS),
                        runs.get(1).get(30, TimeUnit.SECONDS));

                assertThat(created).filteredOn(List::isEmpty).hasSize(1);
                assertThat(SchemaSnapshot.history(db.jdbi(), "sari_")).hasSize(Migrations.of(Dialect.H2).size())
                        .doesNotHaveDuplicates();
            } finally {
                threads.shutdownNow();
            }
        }
    }

    private static void advisoryLock(Connection connection, String function, long key) throws SQLException {
        try (PreparedStatement statement = connection.prepareStatement("SELECT " + function + "(?)")) {
            statement.setLong(1, key);
            statement.execute();
        }
    }

    /** Waits (at most 30 s) until {@code count} sessions wait for an advisory lock. */
    private static void awaitAdvisoryLockWaiters(Connection connection, int count) throws Exception {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(30);
        while (waiters(connection) < count) {
            assertThat(System.nanoTime()).as("%d installers waiting for the lock", count).isLessThan(deadline);
            Thread.onSpinWait();
        }
    }

    private static int waiters(Connection connection) throws SQLException {
        try (PreparedStatement statement = connection.prepareStatement(
                "SELECT COUNT(*) FROM pg_locks WHERE locktype = 'advisory' AND NOT granted"
                        + " AND database = (SELECT oid FROM pg_database WHERE datname = current_database())");
             ResultSet rs = statement.executeQuery()) {
            rs.next();
            return rs.getInt(1);
        }
    }
}
