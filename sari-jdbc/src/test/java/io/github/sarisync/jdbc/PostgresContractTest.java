package io.github.sarisync.jdbc;

/** The port contracts on a real PostgreSQL (embedded, shared by the test run). */
class PostgresContractTest extends JdbcContractTests {
    @Override
    Dialect dialect() {
        return Dialect.POSTGRESQL;
    }
}
