package io.github.sarisync.examples.boot;

import io.github.sarisync.spring.event.CourseAddedEvent;
import io.github.sarisync.spring.event.CourseCancelledEvent;
import io.github.sarisync.spring.event.TenantSyncFailedEvent;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;

import java.util.concurrent.atomic.AtomicInteger;

/**
 * How a host reacts to what the sync found: here it logs new and cancelled courses and failed
 * schools (never student data), and counts the new courses.
 */
@Component
public class DemoSyncEvents {
    private static final Logger LOG = LoggerFactory.getLogger(DemoSyncEvents.class);

    private final AtomicInteger coursesAdded = new AtomicInteger();

    @EventListener
    void courseAdded(CourseAddedEvent event) {
        coursesAdded.incrementAndGet();
        LOG.debug("{}: new {} part {} '{}' on {}", event.course().tenantId(), event.course().type(),
                event.course().partId(), event.course().name(), event.course().startsAtZurich());
    }

    @EventListener
    void courseCancelled(CourseCancelledEvent event) {
        LOG.info("{}: {} part {} '{}' on {} was cancelled", event.course().tenantId(), event.course().type(),
                event.course().partId(), event.course().name(), event.course().startsAtZurich());
    }

    @EventListener
    void tenantFailed(TenantSyncFailedEvent event) {
        LOG.warn("{}: sync failed: {} {}", event.tenantId(), event.result().errorCode(), event.result().errorMessage());
    }

    /** Course parts seen for the first time since start-up. */
    public int coursesAdded() {
        return coursesAdded.get();
    }
}
