package io.github.sarisync.examples.boot;

import io.github.sarisync.spi.Tenant;
import io.github.sarisync.spi.TenantStore;
import io.github.sarisync.testkit.SariSimulator;
import io.github.sarisync.testkit.SchoolGenerator;
import io.github.sarisync.testkit.SimulatedSchool;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

import java.util.List;

/**
 * The demo's SARI (the testkit's in-process {@link SariSimulator}) and its schools. A real host
 * registers its schools from its own admin screens ({@code TenantStore.save} with the credentials
 * each school received from KYBERNA) and lets the adapter talk to SARI itself.
 */
@Configuration(proxyBeanMethods = false)
public class DemoSariConfiguration {
    private static final Logger LOG = LoggerFactory.getLogger(DemoSariConfiguration.class);

    /** The simulator with {@code demo.schools} schools (default 2), each with a few VKU and PGS courses. */
    @Bean(destroyMethod = "close")
    public SariSimulator sariSimulator(@Value("${demo.schools:2}") int schools) {
        SariSimulator simulator = SariSimulator.start();
        SchoolGenerator.builder().schools(schools).idPrefix("demo-school-").vku(2, 4).pgs(1, 2).membersPerPart(3)
                .seed(42).build().populate(simulator);
        return simulator;
    }

    /**
     * Registers (or, on a persistent database, re-addresses) the demo schools as tenants while
     * the context starts, so that the first scheduled run finds them.
     */
    @Bean
    public DemoTenants demoTenants(SariSimulator simulator, TenantStore tenants) {
        for (SimulatedSchool school : simulator.schools()) {
            tenants.save(Tenant.of(school.id(), "Demo-Fahrschule " + school.id(), simulator.baseUri()),
                    school.credentials());
        }
        LOG.info("demo: {} schools registered, SARI simulator at {}", simulator.schoolCount(), simulator.baseUri());
        return new DemoTenants(simulator.schools().stream().map(SimulatedSchool::id).toList());
    }

    /** The ids of the demo tenants. */
    public record DemoTenants(List<String> ids) {
    }
}
