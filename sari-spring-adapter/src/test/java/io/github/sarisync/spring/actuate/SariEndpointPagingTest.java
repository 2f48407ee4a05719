package io.github.sarisync.spring.actuate;

import io.github.sarisync.client.SariCredentials;
import io.github.sarisync.client.SariEnvironment;
import io.github.sarisync.memory.InMemorySyncLogStore;
import io.github.sarisync.memory.InMemoryTenantStore;
import io.github.sarisync.spi.RunStatus;
import io.github.sarisync.spi.SyncCounts;
import io.github.sarisync.spi.SyncRun;
import io.github.sarisync.spi.SyncTrigger;
import io.github.sarisync.spi.Tenant;
import io.github.sarisync.spi.TenantState;
import io.github.sarisync.spi.TenantStore;
import io.github.sarisync.spring.SariProperties;
import io.github.sarisync.spring.SariSyncJob;
import io.github.sarisync.sync.SARISyncEngine;
import org.junit.jupiter.api.Test;
import org.springframework.boot.actuate.endpoint.InvalidEndpointRequestException;

import java.net.URI;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.ArgumentMatchers.anyInt;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.never;
import static org.mockito.Mockito.spy;
import static org.mockito.Mockito.verify;
import static org.mockito.Mockito.when;

/** The endpoint pages tenants and runs, and shows no user-info of a tenant's address. */
class SariEndpointPagingTest {
    private static final Instant T0 = Instant.parse("2026-03-01T08:00:00Z");
    private static final SariCredentials CREDENTIALS =
            new SariCredentials("client-id", "client-secret-123", "school-user", "very-secret-password");

    private final InMemorySyncLogStore runs = new InMemorySyncLogStore();
    private final SariSyncJob job = new SariSyncJob(mock(SARISyncEngine.class), SariProperties.ScheduleMode.OFF,
            Runnable::run);

    @Test
    void theOverviewShowsOnePageOfTenantsAndNamesWhereTheNextBegins() {
        InMemoryTenantStore tenants = spy(new InMemoryTenantStore());
        for (int i = 1; i <= 12; i++) {
            tenants.save(Tenant.of(String.format("t-%02d", i), "School " + i, SariEnvironment.TEST), CREDENTIALS);
        }
        SariEndpoint endpoint = new SariEndpoint(tenants, runs, job, "off", 10, 5, 8);

        SariEndpoint.Overview first = endpoint.overview(null, null, null);
        SariEndpoint.Overview second = endpoint.overview(first.nextAfter(), null, null);
        SariEndpoint.Overview last = endpoint.overview(second.nextAfter(), null, null);

        assertThat(first.tenants()).extracting(SariEndpoint.TenantView::id)
                .containsExactly("t-01", "t-02", "t-03", "t-04", "t-05");
        assertThat(first.nextAfter()).isEqualTo("t-05");
        assertThat(second.tenants()).extracting(SariEndpoint.TenantView::id).startsWith("t-06").endsWith("t-10");
        assertThat(last.tenants()).extracting(SariEndpoint.TenantView::id).containsExactly("t-11", "t-12");
        assertThat(last.nextAfter()).isNull();
        assertThat(endpoint.overview(null, 1000, null).tenants()).hasSize(8);
        verify(tenants, never()).findAll();
    }

    @Test
    void theRunListsAreCappedAtTheMaximumPageSizeAndALimitBelowOneIsRefused() {
        for (int i = 0; i < 12; i++) {
            runs.finished(SyncRun.started("run-" + i, "t1", SyncRun.SYNC, SyncTrigger.SCHEDULED, T0.plusSeconds(i))
                    .finish(RunStatus.SUCCEEDED, T0.plusSeconds(i + 1), SyncCounts.ZERO, null, null, null));
        }
        InMemoryTenantStore tenants = new InMemoryTenantStore();
        tenants.save(Tenant.of("t1", "School", SariEnvironment.TEST), CREDENTIALS);
        SariEndpoint endpoint = new SariEndpoint(tenants, runs, job, "off", 3, 5, 8);

        assertThat(endpoint.overview(null, null, null).recentRuns()).hasSize(3);
        assertThat(endpoint.overview(null, null, 1000).recentRuns()).hasSize(8);
        assertThat(endpoint.tenant("t1", 2).recentRuns()).extracting(SariEndpoint.RunView::runId)
                .containsExactly("run-11", "run-10");
        assertThatThrownBy(() -> endpoint.overview(null, 0, null)).isInstanceOf(InvalidEndpointRequestException.class)
                .hasMessageContaining("limit");
        assertThatThrownBy(() -> endpoint.tenant("t1", -1)).isInstanceOf(InvalidEndpointRequestException.class)
                .hasMessageContaining("runs");
    }

    @Test
    void aTenantsAddressIsShownWithoutUserInfoOrQuery() {
        // written through a stub: stores may refuse such an address at save time, the view must not rely on it
        Tenant leaky = new Tenant("t1", "Fahrschule Eins", true, false, null,
                URI.create("https://proxy-user:proxy-pass@sari-proxy.example:8443/sari?token=abc123"), null,
                new TenantState(T0, T0, RunStatus.SUCCEEDED, 0, null, null));
        TenantStore tenants = mock(TenantStore.class);
        when(tenants.findPage(any(), anyInt())).thenReturn(List.of(leaky));
        when(tenants.find("t1")).thenReturn(Optional.of(leaky));
        SariEndpoint endpoint = new SariEndpoint(tenants, runs, job, "off", 10, 50, 500);

        List<String> shown = new ArrayList<>();
        shown.add(endpoint.overview(null, null, null).tenants().get(0).address());
        shown.add(endpoint.tenant("t1", null).tenant().address());

        assertThat(shown).containsOnly("https://sari-proxy.example:8443/sari");
        assertThat(endpoint.overview(null, null, null).toString() + endpoint.tenant("t1", null))
                .doesNotContain("proxy-user", "proxy-pass", "abc123");
    }
}
