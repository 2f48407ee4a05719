package io.github.sarisync.jdbc;

import org.junit.jupiter.api.Test;

import javax.sql.DataSource;
import java.lang.reflect.Proxy;
import java.sql.Connection;
import java.sql.DatabaseMetaData;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class DialectTest {

    @Test
    void h2IsDetectedFromTheConnection() {
        assertThat(Dialect.detect(TestDatabase.h2DataSource())).isEqualTo(Dialect.H2);
    }

    @Test
    void postgresqlIsDetectedFromTheConnection() {
        try (EmbeddedPostgresServer.Database db = EmbeddedPostgresServer.newDatabase()) {
            assertThat(Dialect.detect(db.pooled())).isEqualTo(Dialect.POSTGRESQL);
        }
    }

    @Test
    void anUnsupportedDatabaseFailsAtBuildNamingTheProduct() {
        DataSource mysql = dataSourceOf("MySQL", "8.4.0");

        assertThatThrownBy(() -> SariJdbc.builder().dataSource(mysql).build())
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("'MySQL'").hasMessageContaining("8.4.0")
                .hasMessageContaining("PostgreSQL").hasMessageContaining("H2");
    }

    @Test
    void anExplicitDialectSkipsDetection() {
        DataSource unknown = dataSourceOf("CockroachDB", "24.1");

        SariJdbc jdbc = SariJdbc.builder().dataSource(unknown).dialect(Dialect.POSTGRESQL)
                .initializeSchema(SchemaInitialization.NEVER).build();

        assertThat(jdbc.dialect()).isEqualTo(Dialect.POSTGRESQL);
    }

    /** A DataSource whose connections only answer metadata for the given product. */
    private static DataSource dataSourceOf(String product, String version) {
        DatabaseMetaData metaData = proxy(DatabaseMetaData.class, (p, m, a) -> switch (m.getName()) {
            case "getDatabaseProductName" -> product;
            case "getDatabaseProductVersion" -> version;
            default -> throw new UnsupportedOperationException(m.getName());
        });
        Connection connection = proxy(Connection.class, (p, m, a) -> switch (m.getName()) {
            case "getMetaData" -> metaData;
            case "close" -> null;
            case "isClosed" -> false;
            case "getAutoCommit" -> true;
            default -> throw new UnsupportedOperationException(m.getName());
        });
        return proxy(DataSource.class, (p, m, a) -> switch (m.getName()) {
            case "getConnection" -> connection;
            default -> throw new UnsupportedOperationException(m.getName());
        });
    }

    private static <T> T proxy(Class<T> type, java.lang.reflect.InvocationHandler handler) {
        return type.cast(Proxy.newProxyInstance(DialectTest.class.getClassLoader(), new Class<?>[]{type}, handler));
    }
}
