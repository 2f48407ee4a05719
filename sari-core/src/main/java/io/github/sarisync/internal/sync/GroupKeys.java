package io.github.sarisync.internal.sync;

import io.github.sarisync.model.Course;
import io.github.sarisync.model.CourseGroup;
import io.github.sarisync.model.CourseType;
import io.github.sarisync.spi.StoredCourse;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Gives each group of a feed its stable key. SARI's groups have no id and lose their past parts
 * while they run, so a group is recognised by any overlap of its part ids with a stored group; a
 * group seen for the first time gets {@code TYPE-<smallest part id>}, which it keeps even after
 * that part is gone.
 */
public final class GroupKeys {
    private GroupKeys() {
    }

    /**
     * The key of each group of {@code groups}, in the same order.
     *
     * @param storedParts the stored parts of the tenant and type, keyed by part id
     * @param knownKeys   the keys already in use (stored groups), never given to a new group
     */
    public static List<String> assign(CourseType type, List<CourseGroup> groups, Map<Long, StoredCourse> storedParts,
                                      Set<String> knownKeys) {
        Set<String> taken = new HashSet<>();
        List<String> keys = new ArrayList<>(groups.size());
        for (CourseGroup group : groups) {
            String key = recognised(group, storedParts, taken);
            if (key == null) {
                key = newKey(type, group, knownKeys, taken);
            }
            taken.add(key);
            keys.add(key);
        }
        return keys;
    }

    /** The stored group sharing the most parts with {@code group} (ties: the smaller key), if any is free. */
    private static String recognised(CourseGroup group, Map<Long, StoredCourse> storedParts, Set<String> taken) {
        Map<String, Integer> overlap = new HashMap<>();
        for (Course part : group.courses()) {
            StoredCourse stored = storedParts.get(part.id());
            if (stored != null && stored.groupKey() != null && !taken.contains(stored.groupKey())) {
                overlap.merge(stored.groupKey(), 1, Integer::sum);
            }
        }
        String best = null;
        int bestCount = 0;
        for (Map.Entry<String, Integer> e : overlap.entrySet()) {
            if (e.getValue() > bestCount || (e.getValue() == bestCount && e.getKey().compareTo(best) < 0)) {
                best = e.getKey();
                bestCount = e.getValue();
            }
        }
        return best;
    }

    private static String newKey(CourseType type, CourseGroup group, Set<String> knownKeys, Set<String> taken) {
        long smallest = group.courses().stream().mapToLong(Course::id).min().orElse(-1);
        String key = type.name() + "-" + smallest;
        if (smallest < 0 || knownKeys.contains(key) || taken.contains(key)) {
            key = type.name() + "-" + RunIds.next();
        }
        return key;
    }
}
