package io.github.sarisync.examples.boot;

import io.github.sarisync.spi.Tenant;
import io.github.sarisync.spi.TenantStore;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

import java.time.Clock;
import java.util.List;

/**
 * The demo's SARI and its schools. A real host registers its schools from its own admin screens
 * ({@code TenantStore.save} with the credentials the school received from KYBERNA) and lets the
 * adapter talk to SARI itself.
 */
@Configuration(proxyBeanMethods = false)
public class DemoSariConfiguration {
    private static final Logger LOG = LoggerFactory.getLogger(DemoSariConfiguration.class);

    @Bean(destroyMethod = "close")
    public DemoSari demoSari(@Value("${demo.schools:2}") int schools, ObjectProvider<Clock> clock) {
        return DemoSari.start(schools, clock.getIfUnique(Clock::systemUTC));
    }

    /**
     * Registers (or, on a persistent database, re-addresses) the demo schools as tenants while
     * the context starts, so that the first scheduled run finds them.
     */
    @Bean
    public DemoTenants demoTenants(DemoSari sari, TenantStore tenants) {
        for (DemoSari.School school : sari.schools()) {
            tenants.save(Tenant.of(school.id(), school.name(), sari.baseUri()), school.credentials());
        }
        LOG.info("demo: {} schools registered, SARI at {}", sari.schools().size(), sari.baseUri());
        return new DemoTenants(sari.schools().stream().map(DemoSari.School::id).toList());
    }

    /** The ids of the demo tenants. */
    public record DemoTenants(List<String> ids) {
    }
}
