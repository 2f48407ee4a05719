package io.github.sarisync.testkit;

import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Random;

/** The injected fault rules and how often each has matched and applied. */
final class FaultEngine {
    private static final class Active {
        final FaultRule rule;
        final Random random;
        int matched;
        int applied;

        Active(FaultRule rule) {
            this.rule = rule;
            this.random = new Random(rule.seed());
        }
    }

    private final List<Active> rules = new ArrayList<>();

    synchronized void add(FaultRule rule) {
        rules.add(new Active(rule));
    }

    synchronized void clear() {
        rules.clear();
    }

    /** The fault for this request, or null; the first rule (in injection order) that applies wins. */
    synchronized Fault next(Operation operation, String schoolId) {
        for (Iterator<Active> it = rules.iterator(); it.hasNext(); ) {
            Active active = it.next();
            FaultRule rule = active.rule;
            if (rule.operation() != null && rule.operation() != operation) {
                continue;
            }
            if (rule.schoolId() != null && !rule.schoolId().equals(schoolId)) {
                continue;
            }
            if (!rule.fault().appliesTo(operation)) {
                continue;
            }
            active.matched++;
            if (active.matched <= rule.skip()) {
                continue;
            }
            if (rule.probabilityValue() < 1.0 && active.random.nextDouble() >= rule.probabilityValue()) {
                continue;
            }
            active.applied++;
            if (rule.times() != FaultRule.UNLIMITED && active.applied >= rule.times()) {
                it.remove();
            }
            return rule.fault();
        }
        return null;
    }
}
