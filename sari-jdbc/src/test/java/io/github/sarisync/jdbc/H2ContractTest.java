package io.github.sarisync.jdbc;

/** The port contracts on H2 2.x in memory. */
class H2ContractTest extends JdbcContractTests {
    @Override
    Dialect dialect() {
        return Dialect.H2;
    }
}
