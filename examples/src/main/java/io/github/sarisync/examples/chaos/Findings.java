package io.github.sarisync.examples.chaos;

import java.util.ArrayList;
import java.util.List;

/**
 * Problems a check found: how many, and a readable description of the first few (descriptions
 * hold ids and masked faberids only, never names or birthdates). Thread-safe.
 */
public final class Findings {
    private static final int KEPT = 20;

    private final List<String> examples = new ArrayList<>();
    private int count;

    /** Records one problem. */
    public synchronized void add(String description) {
        count++;
        if (examples.size() < KEPT) {
            examples.add(description);
        }
    }

    /** Records {@code n} problems described together. */
    public synchronized void add(int n, String description) {
        if (n <= 0) {
            return;
        }
        count += n;
        if (examples.size() < KEPT) {
            examples.add(description);
        }
    }

    public synchronized int count() {
        return count;
    }

    /** The first problems found, in order. */
    public synchronized List<String> examples() {
        return List.copyOf(examples);
    }

    @Override
    public synchronized String toString() {
        return count + (examples.isEmpty() ? "" : " " + examples);
    }
}
