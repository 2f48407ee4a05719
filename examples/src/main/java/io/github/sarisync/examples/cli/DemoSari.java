package io.github.sarisync.examples.cli;

import io.github.sarisync.client.SariCredentials;
import io.github.sarisync.spi.Tenant;
import io.github.sarisync.testkit.SariSimulator;
import io.github.sarisync.testkit.SchoolGenerator;
import io.github.sarisync.testkit.SimulatedSchool;
import io.github.sarisync.testkit.SimulatorClock;

import java.net.URI;
import java.time.Clock;
import java.time.DayOfWeek;
import java.time.LocalDate;
import java.time.temporal.TemporalAdjusters;
import java.util.ArrayList;
import java.util.List;

/**
 * The built-in simulator ({@link SariSimulator} of sari-testkit) with the demo driving schools,
 * started in-process on a free loopback port for one command. The schools' courses are generated
 * from a fixed seed relative to the Monday of the current week, so every run in a week sees the
 * same courses (parts whose start has passed drop out, as in SARI, and become COMPLETED). The data
 * depend on the number of schools: {@code --demo-schools} applies to an empty database only.
 */
final class DemoSari implements AutoCloseable {
    static final String ID_PREFIX = "demo-school-";
    static final long SEED = 2026;
    private static final String[] NAMES = {"Fahrschule Alpenblick", "Fahrschule Aareufer", "Auto-Ecole du Lac",
            "Fahrschule Zytglogge", "Scuola guida Ticino", "Fahrschule Rheinfall", "Fahrschule Pilatus",
            "Auto-Ecole Jura"};

    /** A demo driving school: tenant id, display name, and the credentials the simulator accepts for it. */
    record School(String id, String name, SariCredentials credentials) {
    }

    private final SariSimulator simulator;
    private final List<School> schools;

    private DemoSari(SariSimulator simulator, List<School> schools) {
        this.simulator = simulator;
        this.schools = List.copyOf(schools);
    }

    /** Starts the simulator with {@code count} demo schools, its clock at {@code clock}'s time. */
    static DemoSari start(int count, Clock clock) {
        SimulatorClock simulatorClock = SimulatorClock.system();
        LocalDate monday = LocalDate.ofInstant(clock.instant(), SimulatorClock.ZURICH)
                .with(TemporalAdjusters.previousOrSame(DayOfWeek.MONDAY));
        simulatorClock.set(monday.atStartOfDay(SimulatorClock.ZURICH).toInstant());
        SariSimulator simulator = SariSimulator.builder().clock(simulatorClock).start();
        try {
            List<SimulatedSchool> generated = SchoolGenerator.builder().schools(count).idPrefix(ID_PREFIX).seed(SEED)
                    .build().populate(simulator);
            simulatorClock.set(clock.instant());
            List<School> schools = new ArrayList<>();
            for (int i = 0; i < generated.size(); i++) {
                String name = NAMES[i % NAMES.length] + (i >= NAMES.length ? " " + (i + 1) : "");
                schools.add(new School(generated.get(i).id(), name, generated.get(i).credentials()));
            }
            return new DemoSari(simulator, schools);
        } catch (RuntimeException e) {
            simulator.close();
            throw e;
        }
    }

    /**
     * How many schools to generate for a database that already has tenants: as many as the demo
     * schools registered before (the generated data depend on the count, so it must not change).
     */
    static int schoolsFor(List<Tenant> tenants) {
        int count = 0;
        for (Tenant tenant : tenants) {
            if (SariTarget.isSimulatorTenant(tenant) && tenant.id().startsWith(ID_PREFIX)) {
                try {
                    count = Math.max(count, Integer.parseInt(tenant.id().substring(ID_PREFIX.length())) + 1);
                } catch (NumberFormatException e) {
                    // a tenant of the user's own on the simulator: not a generated school
                }
            }
        }
        return count;
    }

    URI baseUri() {
        return simulator.baseUri();
    }

    List<School> schools() {
        return schools;
    }

    @Override
    public void close() {
        simulator.close();
    }
}
