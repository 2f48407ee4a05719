package io.github.sarisync.enrollment;

import io.github.sarisync.model.CourseType;
import io.github.sarisync.model.Customer;
import io.github.sarisync.model.License;

import java.time.LocalDate;
import java.util.EnumMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;

/**
 * Which licence categories a course type accepts, checked before any registration call. A licence
 * counts when its category is accepted and it is still valid on the day of the last part (in
 * Europe/Zurich): a licence expiring on that very day is valid; one that expired the day before is
 * not. A licence without expiry date is always valid.
 *
 * <pre>{@code
 * Optional<Refusal> refusal = LicenceRules.defaults().check(customer, CourseType.PGS, lastPartDay);
 * }</pre>
 */
public final class LicenceRules {
    private static final LicenceRules DEFAULTS = of(Map.of(
            CourseType.VKU, Set.of("A1", "A35KW", "A", "B"),
            CourseType.PGS, Set.of("A1", "A35KW", "A")));

    private final Map<CourseType, Set<String>> accepted;

    private LicenceRules(Map<CourseType, Set<String>> accepted) {
        this.accepted = accepted;
    }

    /** VKU accepts A1, A35KW, A and B; PGS accepts A1, A35KW and A. */
    public static LicenceRules defaults() {
        return DEFAULTS;
    }

    /** Other accepted categories per course type (compared ignoring case); every type must be named. */
    public static LicenceRules of(Map<CourseType, Set<String>> acceptedCategories) {
        Map<CourseType, Set<String>> copy = new EnumMap<>(CourseType.class);
        for (CourseType type : CourseType.values()) {
            Set<String> categories = acceptedCategories.get(type);
            if (categories == null || categories.isEmpty()) {
                throw new IllegalArgumentException("licenceRules: no accepted categories for " + type);
            }
            Set<String> normalized = new TreeSet<>();
            categories.forEach(c -> normalized.add(normalize(Objects.requireNonNull(c, "category"))));
            copy.put(type, Set.copyOf(normalized));
        }
        return new LicenceRules(Map.copyOf(copy));
    }

    /** The categories a type accepts (upper case). */
    public Set<String> accepted(CourseType type) {
        return accepted.get(type);
    }

    /**
     * Checks a student's licences for a course whose last part takes place on {@code lastPartDay}.
     *
     * @return empty when a licence qualifies, else the refusal
     */
    public Optional<Refusal> check(Customer customer, CourseType type, LocalDate lastPartDay) {
        Objects.requireNonNull(type, "type");
        Objects.requireNonNull(lastPartDay, "lastPartDay");
        Set<String> categories = accepted.get(type);
        List<License> suitable = customer.licenses().stream()
                .filter(l -> l.category() != null && categories.contains(normalize(l.category())))
                .toList();
        if (suitable.isEmpty()) {
            return Optional.of(new Refusal(Refusal.Reason.NO_SUITABLE_LICENCE,
                    type + " needs a licence of category " + String.join(", ", new TreeSet<>(categories))
                            + "; the student holds " + held(customer)));
        }
        boolean valid = suitable.stream()
                .anyMatch(l -> l.expiresOn() == null || !l.expiresOn().isBefore(lastPartDay));
        if (!valid) {
            LocalDate latest = suitable.stream().map(License::expiresOn).max(LocalDate::compareTo).orElseThrow();
            return Optional.of(new Refusal(Refusal.Reason.LICENCE_EXPIRES_BEFORE_LAST_PART,
                    type + " licence expires on " + latest + ", before the last part on " + lastPartDay));
        }
        return Optional.empty();
    }

    private static String held(Customer customer) {
        List<String> held = customer.licenses().stream().map(License::category).filter(Objects::nonNull)
                .map(LicenceRules::normalize).distinct().sorted().toList();
        return held.isEmpty() ? "none" : String.join(", ", held);
    }

    private static String normalize(String category) {
        return category.trim().toUpperCase(Locale.ROOT);
    }
}
