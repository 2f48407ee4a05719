package io.github.sarisync.jdbc;

import org.jdbi.v3.core.Jdbi;
import org.jdbi.v3.core.statement.DefinedAttributeTemplateEngine;
import org.jdbi.v3.core.statement.SqlStatements;
import org.junit.jupiter.api.Test;

import java.time.Duration;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class SariJdbcBuilderTest {

    @Test
    void withoutADatabaseBuildFailsNamingTheSettings() {
        assertThatThrownBy(() -> SariJdbc.builder().build()).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("dataSource(...)").hasMessageContaining("jdbi(...)");
    }

    @Test
    void aDataSourceAndAJdbiTogetherAreRefused() {
        var ds = TestDatabase.h2DataSource();

        assertThatThrownBy(() -> SariJdbc.builder().dataSource(ds).jdbi(Jdbi.create(ds)).build())
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("not both");
    }

    @Test
    void nullSettingsAreRefusedByName() {
        var ds = TestDatabase.h2DataSource();

        assertThatThrownBy(() -> SariJdbc.builder().dataSource(ds).initializeSchema(null).build())
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("initializeSchema");
        assertThatThrownBy(() -> SariJdbc.builder().dataSource(ds).clock(null).build())
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("clock");
    }

    @Test
    void theDefaultsAreTheSariPrefixAndTheDetectedDialect() {
        SariJdbc jdbc = SariJdbc.builder().dataSource(TestDatabase.h2DataSource()).build();

        assertThat(jdbc.tablePrefix()).isEqualTo("sari_");
        assertThat(jdbc.dialect()).isEqualTo(Dialect.H2);
    }

    @Test
    void aHostsJdbiIsUsedWithoutChangingItsSettings() {
        Jdbi hostJdbi = Jdbi.create(TestDatabase.h2DataSource());
        SariJdbc jdbc = SariJdbc.builder().jdbi(hostJdbi).build();

        jdbc.syncLock().tryAcquire("tenant-1", "engine-a", Duration.ofMinutes(1));

        assertThat(jdbc.jdbi()).isSameAs(hostJdbi);
        assertThat(hostJdbi.getConfig(SqlStatements.class).getTemplateEngine())
                .isInstanceOf(DefinedAttributeTemplateEngine.class);
    }
}
