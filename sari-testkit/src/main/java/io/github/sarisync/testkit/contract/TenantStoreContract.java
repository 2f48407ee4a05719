package io.github.sarisync.testkit.contract;

import io.github.sarisync.client.SariCredentials;
import io.github.sarisync.client.SariEnvironment;
import io.github.sarisync.spi.CredentialsException;
import io.github.sarisync.spi.Lease;
import io.github.sarisync.spi.LeaseLostException;
import io.github.sarisync.spi.RunStatus;
import io.github.sarisync.spi.SyncLock;
import io.github.sarisync.spi.Tenant;
import io.github.sarisync.spi.TenantState;
import io.github.sarisync.spi.TenantStore;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.net.URI;
import java.time.Duration;
import java.time.Instant;
import java.util.NoSuchElementException;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * The guarantees of {@link TenantStore}, for every implementation. Extend it and return an empty
 * store from {@link #createStore()} (called before each test) whose host policy is
 * {@link io.github.sarisync.testkit.SariSimulator#hostPolicy()}: loopback allowed, every other
 * address but the SARI installations refused.
 */
public abstract class TenantStoreContract {
    protected static final SariCredentials CREDENTIALS =
            new SariCredentials("client-a", "client-secret-a", "school-a", "password-a");
    private static final Instant T0 = Instant.parse("2026-03-02T08:00:00Z");

    protected TenantStore store;

    /** An empty tenant store that allows loopback addresses and nothing else besides SARI. */
    protected abstract TenantStore createStore();

    /**
     * The lock whose leases the store checks its fenced writes against (for a database store: the
     * lock on the same database), or null (the default) when the store does not fence, which skips
     * the fencing tests. Called after {@link #createStore()}.
     */
    protected SyncLock leaseLock() {
        return null;
    }

    @BeforeEach
    void createStoreUnderTest() {
        store = createStore();
    }

    @Test
    void aSavedTenantIsFoundWithItsSettingsAndCredentials() {
        Tenant tenant = Tenant.of("tenant-1", "Fahrschule Eins", SariEnvironment.TEST)
                .withInterval(Duration.ofMinutes(30)).withPaused(true);

        store.save(tenant, CREDENTIALS);

        assertThat(store.find("tenant-1")).contains(tenant);
        assertThat(store.credentials("tenant-1")).isEqualTo(CREDENTIALS);
    }

    @Test
    void pagesOfTenantsFollowEachOtherByIdWithoutGapsOrRepeats() {
        for (String id : java.util.List.of("t-05", "t-01", "t-04", "t-02", "t-03")) {
            store.save(Tenant.of(id, "School " + id, SariEnvironment.TEST), CREDENTIALS);
        }

        assertThat(store.findPage(null, 2)).extracting(Tenant::id).containsExactly("t-01", "t-02");
        assertThat(store.findPage("t-02", 2)).extracting(Tenant::id).containsExactly("t-03", "t-04");
        assertThat(store.findPage("t-04", 2)).extracting(Tenant::id).containsExactly("t-05");
        assertThat(store.findPage("t-05", 2)).isEmpty();
        assertThat(store.findPage("t-01", 10)).first().isEqualTo(store.find("t-02").orElseThrow());
        assertThatThrownBy(() -> store.findPage(null, 0)).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("limit");
    }

    @Test
    void aTenantOnAnotherAddressKeepsItsBaseUri() {
        Tenant tenant = Tenant.of("tenant-1", "Simulated", URI.create("http://localhost:8089/sari"));

        store.save(tenant, CREDENTIALS);

        assertThat(store.find("tenant-1")).contains(tenant);
        assertThat(store.find("tenant-1").orElseThrow().effectiveBaseUri())
                .isEqualTo(URI.create("http://localhost:8089/sari"));
    }

    @Test
    void aNewTenantWithoutCredentialsIsRefused() {
        assertThatThrownBy(() -> store.save(Tenant.of("tenant-1", "Eins", SariEnvironment.TEST), null))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("tenant-1");
        assertThat(store.find("tenant-1")).isEmpty();
    }

    @Test
    void savingWithoutCredentialsUpdatesTheSettingsAndKeepsTheStoredCredentials() {
        store.save(Tenant.of("tenant-1", "Eins", SariEnvironment.TEST), CREDENTIALS);
        Tenant renamed = Tenant.of("tenant-1", "Eins neu", SariEnvironment.TEST).withEnabled(false)
                .withInterval(Duration.ofHours(2));

        store.save(renamed, null);

        assertThat(store.find("tenant-1")).contains(renamed);
        assertThat(store.credentials("tenant-1")).isEqualTo(CREDENTIALS);
    }

    @Test
    void aNewTargetWithoutNewCredentialsIsRefusedBecauseTheStoredOnesBelongToTheOldTarget() {
        store.save(Tenant.of("tenant-1", "Eins", SariEnvironment.TEST), CREDENTIALS);

        assertThatThrownBy(() -> store.save(Tenant.of("tenant-1", "Eins", SariEnvironment.PRODUCTION), null))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("tenant-1")
                .hasMessageContaining("env:TEST").hasMessageContaining("env:PRODUCTION")
                .satisfies(e -> assertThat(e.getMessage()).doesNotContain(CREDENTIALS.clientSecret()));
        assertThatThrownBy(() -> store.save(Tenant.of("tenant-1", "Eins", URI.create("http://127.0.0.1:8089")), null))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("tenant-1");

        assertThat(store.find("tenant-1").orElseThrow().environment()).isEqualTo(SariEnvironment.TEST);
        assertThat(store.credentials("tenant-1")).isEqualTo(CREDENTIALS);
    }

    @Test
    void aNewTargetWithNewCredentialsIsSaved() {
        store.save(Tenant.of("tenant-1", "Eins", SariEnvironment.TEST), CREDENTIALS);
        SariCredentials production = new SariCredentials("client-p", "secret-p", "school-p", "password-p");

        store.save(Tenant.of("tenant-1", "Eins", SariEnvironment.PRODUCTION), production);

        assertThat(store.find("tenant-1").orElseThrow().environment()).isEqualTo(SariEnvironment.PRODUCTION);
        assertThat(store.credentials("tenant-1")).isEqualTo(production);
    }

    @Test
    void aTenantOnAnAddressTheHostPolicyRefusesIsNotSaved() {
        for (String uri : new String[]{"https://sari.evil.example", "https://user:pw-in-uri@www.vku-pgs.asa.ch",
                "http://169.254.169.254/latest", "https://[fd00:ec2::254]", "https://10.0.0.5", "http://sari.example.ch",
                "https://www.vku-pgs.asa.ch.", "https://www.vku-pgs.asa.ch/?x=1", "https://8.8.8.8"}) {
            assertThatThrownBy(() -> store.save(Tenant.of("tenant-1", "Eins", URI.create(uri)), CREDENTIALS))
                    .as(uri).isInstanceOf(IllegalArgumentException.class).hasMessageContaining("tenant-1")
                    .satisfies(e -> assertThat(e.getMessage()).doesNotContain("pw-in-uri"));

            assertThat(store.find("tenant-1")).as(uri).isEmpty();
        }
    }

    @Test
    void anExistingTenantCannotBeMovedToARefusedAddressEitherWithNewCredentials() {
        store.save(Tenant.of("tenant-1", "Eins", SariEnvironment.TEST), CREDENTIALS);

        assertThatThrownBy(() -> store.save(Tenant.of("tenant-1", "Eins", URI.create("https://sari.evil.example")),
                CREDENTIALS)).isInstanceOf(IllegalArgumentException.class).hasMessageContaining("tenant-1");

        assertThat(store.find("tenant-1").orElseThrow().environment()).isEqualTo(SariEnvironment.TEST);
    }

    @Test
    void savingNewCredentialsReplacesTheOldOnes() {
        store.save(Tenant.of("tenant-1", "Eins", SariEnvironment.TEST), CREDENTIALS);
        SariCredentials rotated = new SariCredentials("client-b", "client-secret-b", "school-b", "password-b");

        store.save(Tenant.of("tenant-1", "Eins", SariEnvironment.TEST), rotated);

        assertThat(store.credentials("tenant-1")).isEqualTo(rotated);
    }

    @Test
    void theStateIsWrittenBySaveOnlyForANewTenant() {
        TenantState initial = new TenantState(T0, T0, RunStatus.SUCCEEDED, 0, null, null);
        store.save(Tenant.of("tenant-1", "Eins", SariEnvironment.TEST).withState(initial), CREDENTIALS);

        store.save(Tenant.of("tenant-1", "Eins", SariEnvironment.TEST).withState(TenantState.NEW), CREDENTIALS);
        store.save(Tenant.of("tenant-1", "Eins", SariEnvironment.TEST).withState(TenantState.NEW), null);

        assertThat(store.find("tenant-1").orElseThrow().state()).isEqualTo(initial);
    }

    @Test
    void updateStateWritesTheScheduleState() {
        store.save(Tenant.of("tenant-1", "Eins", SariEnvironment.TEST), CREDENTIALS);
        TenantState failed = new TenantState(T0.plusSeconds(60), T0, RunStatus.FAILED, 3, "INTERNAL_SERVER_ERROR",
                "SARI answered 500");

        store.updateState("tenant-1", failed);

        Tenant stored = store.find("tenant-1").orElseThrow();
        assertThat(stored.state()).isEqualTo(failed);
        assertThat(stored.name()).isEqualTo("Eins");
        assertThat(store.credentials("tenant-1")).isEqualTo(CREDENTIALS);
    }

    @Test
    void updateStateOfAnUnknownTenantFails() {
        assertThatThrownBy(() -> store.updateState("tenant-unknown", TenantState.NEW))
                .isInstanceOf(NoSuchElementException.class);
    }

    @Test
    void setFlagsChangesOnlyEnabledAndPaused() {
        Tenant tenant = Tenant.of("tenant-1", "Eins", SariEnvironment.TEST).withInterval(Duration.ofMinutes(15));
        store.save(tenant, CREDENTIALS);

        store.setFlags("tenant-1", false, true);

        assertThat(store.find("tenant-1")).contains(tenant.withEnabled(false).withPaused(true));
        assertThatThrownBy(() -> store.setFlags("tenant-unknown", true, false))
                .isInstanceOf(NoSuchElementException.class);
    }

    @Test
    void findAllListsEveryTenantAndFindEnabledSkipsDisabledOnesOrderedById() {
        store.save(Tenant.of("tenant-c", "C", SariEnvironment.TEST), CREDENTIALS);
        store.save(Tenant.of("tenant-a", "A", SariEnvironment.TEST).withPaused(true), CREDENTIALS);
        store.save(Tenant.of("tenant-b", "B", SariEnvironment.TEST).withEnabled(false), CREDENTIALS);

        assertThat(store.findAll()).extracting(Tenant::id).containsExactly("tenant-a", "tenant-b", "tenant-c");
        assertThat(store.findEnabled()).extracting(Tenant::id).containsExactly("tenant-a", "tenant-c");
    }

    @Test
    void credentialsOfAnUnknownTenantFailNamingTheTenant() {
        assertThatThrownBy(() -> store.credentials("tenant-unknown"))
                .isInstanceOf(CredentialsException.class).hasMessageContaining("tenant-unknown");
    }

    @Test
    void aDeletedTenantIsGone() {
        store.save(Tenant.of("tenant-1", "Eins", SariEnvironment.TEST), CREDENTIALS);

        assertThat(store.delete("tenant-1")).isTrue();

        assertThat(store.find("tenant-1")).isEmpty();
        assertThat(store.findAll()).isEmpty();
        assertThat(store.delete("tenant-1")).isFalse();
        assertThatThrownBy(() -> store.credentials("tenant-1")).isInstanceOf(CredentialsException.class);
    }

    @Test
    void statesOfManyTenantsUpdatedInParallelAreAllKept() throws Exception {
        for (int i = 0; i < 8; i++) {
            store.save(Tenant.of("tenant-" + i, "School " + i, SariEnvironment.TEST), CREDENTIALS);
        }

        Concurrently.run(8, i -> {
            for (int run = 1; run <= 10; run++) {
                store.updateState("tenant-" + i, new TenantState(T0.plusSeconds(run), T0.plusSeconds(run),
                        RunStatus.SUCCEEDED, 0, null, null));
                assertThat(store.credentials("tenant-" + i)).isEqualTo(CREDENTIALS);
            }
            return null;
        });

        assertThat(store.findAll()).allSatisfy(t -> assertThat(t.state().lastSuccessAt()).isEqualTo(T0.plusSeconds(10)));
    }

    @Test
    void aStateWriteCarryingTheCurrentLeaseIsWrittenAndOneCarryingALostLeaseIsRefused() {
        SyncLock lock = FencingLeases.require(leaseLock());
        store.save(Tenant.of("tenant-1", "Eins", SariEnvironment.TEST), CREDENTIALS);
        Lease lost = FencingLeases.lost(lock, "tenant:tenant-1");
        Lease current = lock.tryAcquire("tenant:tenant-1", "engine-b", Duration.ofMinutes(1)).orElseThrow();
        TenantState newest = new TenantState(T0, T0, RunStatus.SUCCEEDED, 0, null, null);
        TenantState stale = new TenantState(T0.minusSeconds(60), null, RunStatus.FAILED, 3, "LATE", "stale");

        store.updateState("tenant-1", newest, current);

        assertThatThrownBy(() -> store.updateState("tenant-1", stale, lost))
                .isInstanceOf(LeaseLostException.class).hasMessageContaining("tenant-1");
        assertThat(store.find("tenant-1").orElseThrow().state()).isEqualTo(newest);
    }
}
