package io.github.sarisync.examples.cli;

import io.github.sarisync.client.RateLimit;
import io.github.sarisync.credentials.AesGcmCredentialsCipher;
import io.github.sarisync.credentials.CredentialsRotation;
import io.github.sarisync.credentials.CredentialsService;
import io.github.sarisync.enrollment.EnrollmentService;
import io.github.sarisync.enrollment.OutboxListener;
import io.github.sarisync.jdbc.SariJdbc;
import io.github.sarisync.jdbc.SchemaInitialization;
import io.github.sarisync.spi.CourseStore;
import io.github.sarisync.spi.SyncLogStore;
import io.github.sarisync.spi.Tenant;
import io.github.sarisync.spi.TenantStore;
import io.github.sarisync.sync.SARISyncEngine;
import io.github.sarisync.sync.SariClientFactory;
import io.github.sarisync.sync.SyncListener;
import io.github.sarisync.sync.SyncOptions;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.util.ArrayList;
import java.util.List;

/**
 * Everything one command works with: the database and its stores, the credentials cipher, and,
 * with the simulator, the running simulator and its demo schools. Opened per command, closed at its end.
 */
final class Session implements AutoCloseable {
    private static final Logger log = LoggerFactory.getLogger(Session.class);

    private final CliConfig config;
    private final CliEnvironment environment;
    private final Database database;
    private final AesGcmCredentialsCipher cipher;
    private final SariJdbc jdbc;
    private final List<AutoCloseable> closeables = new ArrayList<>();
    private DemoSari simulator;
    /** The engine's instance id, under which the outbox takes the schools' leases too. */
    private String instanceId;

    private Session(CliConfig config, CliEnvironment environment, Database database, AesGcmCredentialsCipher cipher,
                    SariJdbc jdbc) {
        this.config = config;
        this.environment = environment;
        this.database = database;
        this.cipher = cipher;
        this.jdbc = jdbc;
    }

    /**
     * Connects to the database, creates the tables that are missing and sets up the cipher.
     *
     * @throws CliException (exit 2) for an unreachable database or a malformed key
     */
    static Session open(CliConfig config, CliEnvironment environment) {
        AesGcmCredentialsCipher cipher = CredentialsKeys.cipher(config);
        Database database = Database.open(config);
        try {
            SariJdbc jdbc = SariJdbc.builder().dataSource(database.dataSource())
                    .credentialsCipher(cipher != null ? cipher : CredentialsKeys.missingKeyCipher(config.target()))
                    .hostPolicy(config.target().hostPolicy())
                    .initializeSchema(SchemaInitialization.ALWAYS).clock(environment.clock()).build();
            return new Session(config, environment, database, cipher, jdbc);
        } catch (RuntimeException e) {
            database.close();
            throw CliException.config("cannot set up the tables in " + Database.describe(config.jdbcUrl()) + ": "
                    + Database.firstLine(e.getMessage()), e);
        }
    }

    CliConfig config() {
        return config;
    }

    /**
     * The tenants. Without a configured key (real SARI only) listing and flags still work; reading
     * or writing credentials fails naming the missing key: see {@link #requireKey()}.
     */
    TenantStore tenants() {
        return jdbc.tenantStore();
    }

    /**
     * @throws CliException (exit 2) when no key is configured for a real SARI
     */
    void requireKey() {
        if (cipher == null) {
            throw CredentialsKeys.missingKey(config.target());
        }
    }

    /**
     * Re-encrypts every tenant's stored credentials that are not under the current key, binding values
     * of the old unbound format to their row's tenant and SARI target ({@link CredentialsRotation}).
     *
     * @throws CliException (exit 2) when no key is configured for a real SARI
     */
    CredentialsRotation.Result rotateCredentials() {
        requireKey();
        return CredentialsRotation.rotate(cipher, jdbc.tenantStore());
    }

    CourseStore courses() {
        return jdbc.courseStore();
    }

    SyncLogStore runLog() {
        return jdbc.syncLogStore();
    }

    /**
     * Starts the simulator when the target is the simulator, registering the demo schools as
     * tenants when the database has none. Called by the commands that talk to SARI.
     */
    void prepareSari() {
        requireKey();
        if (!config.target().isSimulator() || simulator != null) {
            return;
        }
        TenantStore tenants = tenants();
        List<Tenant> existing = tenants.findAll();
        simulator = DemoSari.start(existing.isEmpty() ? config.demoSchools() : DemoSari.schoolsFor(existing),
                environment.clock());
        closeables.add(simulator);
        if (existing.isEmpty()) {
            for (DemoSari.School school : simulator.schools()) {
                tenants.save(SariTarget.simulator().newTenant(school.id(), school.name()), school.credentials());
            }
            environment.err().println("Registered " + simulator.schools().size()
                    + " demo driving schools of the built-in simulator as tenants.");
            environment.err().flush();
        } else {
            moveLegacyDemoSchools(existing);
        }
    }

    /**
     * Demo schools stored by an earlier version have the plain-http placeholder (refused by every
     * host policy) and credentials in the unbound format: store them again on the https placeholder
     * with the simulator's credentials, which are generated, not secret.
     */
    private void moveLegacyDemoSchools(List<Tenant> existing) {
        for (DemoSari.School school : simulator.schools()) {
            existing.stream()
                    .filter(t -> t.id().equals(school.id()) && !SariTarget.SIMULATOR_PLACEHOLDER.equals(t.baseUri())
                            && SariTarget.isSimulatorTenant(t))
                    .findFirst()
                    .ifPresent(t -> tenants().save(new Tenant(t.id(), t.name(), t.enabled(), t.paused(), null,
                            SariTarget.SIMULATOR_PLACEHOLDER, t.interval(), t.state()), school.credentials()));
        }
    }

    /** The engine, with the CLI's options; closed with the session. */
    SARISyncEngine engine(SyncListener listener) {
        prepareSari();
        SyncOptions options = SyncOptions.builder().parallelism(config.parallelism())
                .memberPolicy(config.memberPolicy()).defaultInterval(config.interval())
                .hostPolicy(config.target().hostPolicy()).build();
        instanceId = options.instanceId();
        SARISyncEngine engine = SARISyncEngine.builder()
                .tenantStore(tenants()).courseStore(courses()).syncLogStore(runLog()).lock(jdbc.syncLock())
                .clientFactory(clientFactory()).clock(environment.clock()).listener(listener).options(options)
                .build();
        closeables.add(engine);
        return engine;
    }

    /**
     * The enrolment service on the database's outbox, with clients from {@code engine} (made by {@link #engine});
     * {@code listener} is told of every entry an outbox run gives up on. It drains each school under the school's
     * sync lease in the database, so the outbox and the syncs of this and any other process never use one
     * school's SARI account at once.
     */
    EnrollmentService enrollments(SARISyncEngine engine, OutboxListener listener) {
        return EnrollmentService.builder().clients(engine::clientFor).courseStore(courses()).syncLogStore(runLog())
                .outbox(jdbc.enrollmentOutbox()).lock(jdbc.syncLock()).instanceId(instanceId)
                .clock(environment.clock()).outboxListener(listener).build();
    }

    /** Tests credentials: one attempt per step, short timeouts, demo schools pointed at the simulator. */
    CredentialsService credentialsService() {
        prepareSari();
        return CredentialsService.builder().tenantStore(tenants()).hostPolicy(config.target().hostPolicy())
                .clientFactory(redirectDemoSchools(CredentialsService.defaultTestClientFactory())).build();
    }

    /** The address a tenant's client talks to (the running simulator for demo schools). */
    Tenant effective(Tenant tenant) {
        if (SariTarget.isSimulatorTenant(tenant)) {
            if (simulator == null) {
                throw new IllegalStateException("tenant " + tenant.id() + " is a demo school of the built-in "
                        + "simulator, which only runs with --sari-env SIMULATOR; disable it with "
                        + "'sari-sync tenants disable " + tenant.id() + "'");
            }
            return new Tenant(tenant.id(), tenant.name(), tenant.enabled(), tenant.paused(), null,
                    simulator.baseUri(), tenant.interval(), tenant.state());
        }
        return tenant;
    }

    private SariClientFactory clientFactory() {
        RateLimit rateLimit = config.rateLimit() == 0 ? RateLimit.unlimited() : RateLimit.perMinute(config.rateLimit());
        return redirectDemoSchools(SariClientFactory.customized(b -> b.rateLimit(rateLimit)));
    }

    private SariClientFactory redirectDemoSchools(SariClientFactory factory) {
        return (tenant, credentials) -> factory.create(effective(tenant), credentials);
    }

    @Override
    public void close() {
        for (int i = closeables.size() - 1; i >= 0; i--) {
            try {
                closeables.get(i).close();
            } catch (Exception e) {
                log.warn("closing {} failed: {}", closeables.get(i).getClass().getSimpleName(), e.toString());
            }
        }
        database.close();
    }
}
