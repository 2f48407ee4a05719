package io.github.sarisync.jdbc;

import io.github.sarisync.spi.CourseStore;
import io.github.sarisync.spi.SyncLock;
import io.github.sarisync.spi.SyncLogStore;
import io.github.sarisync.spi.TenantStore;
import io.github.sarisync.testkit.contract.CourseStoreContract;
import io.github.sarisync.testkit.contract.SyncLockContract;
import io.github.sarisync.testkit.contract.SyncLogStoreContract;
import io.github.sarisync.testkit.contract.TenantStoreContract;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.TestInstance;

import java.time.Duration;

/**
 * The published port contracts run against sari-jdbc on one database per dialect (emptied before
 * each test). Subclasses choose the dialect.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
abstract class JdbcContractTests {
    private TestDatabase db;

    abstract Dialect dialect();

    @BeforeAll
    void openDatabase() {
        db = TestDatabase.of(dialect());
    }

    @AfterAll
    void closeDatabase() {
        db.close();
    }

    @Nested
    class Tenants extends TenantStoreContract {
        @Override
        protected TenantStore createStore() {
            db.clear();
            return db.jdbc().tenantStore();
        }

        @Override
        protected SyncLock leaseLock() {
            return db.jdbc().syncLock();
        }
    }

    @Nested
    class Courses extends CourseStoreContract {
        @Override
        protected CourseStore createStore() {
            db.clear();
            return db.jdbc().courseStore();
        }

        @Override
        protected SyncLock leaseLock() {
            return db.jdbc().syncLock();
        }

        @Override
        protected CourseStore storeFailingMidApply() {
            // the third batch of the contract's change set (status changes) loses its connection
            return db.jdbcDyingWith(StatementProbe.dyingAt(3)).courseStore();
        }
    }

    @Nested
    class SyncLogs extends SyncLogStoreContract {
        @Override
        protected SyncLogStore createStore() {
            db.clear();
            return db.jdbc().syncLogStore();
        }

        @Override
        protected SyncLock leaseLock() {
            return db.jdbc().syncLock();
        }
    }

    @Nested
    class Leases extends SyncLockContract {
        @Override
        protected SyncLock createLock() {
            db.clear();
            return db.jdbc().syncLock();
        }

        @Override
        protected void letTimePass(Duration duration) {
            db.letLeaseTimePass(duration);
        }
    }
}
