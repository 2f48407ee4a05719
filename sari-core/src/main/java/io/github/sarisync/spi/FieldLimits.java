package io.github.sarisync.spi;

import java.util.EnumMap;
import java.util.Map;
import java.util.OptionalInt;

/**
 * The longest text, in characters (Unicode code points, as SQL counts them), that a
 * {@link CourseStore} can keep in each {@link LimitedField}, and whether it can keep the NUL
 * character (PostgreSQL's text types cannot). A field without a limit is unlimited. The engine
 * rejects a record with a text the store cannot keep before it reaches the store, with a reason that
 * names the field and the rule but never the value, so one hostile record cannot fail every run of
 * a tenant.
 *
 * <pre>{@code
 * FieldLimits limits = FieldLimits.builder().maxLength(LimitedField.COURSE_NAME, 500).build();
 * limits.violation(LimitedField.COURSE_NAME, name);   // "course name longer than 500 characters", or null
 * }</pre>
 *
 * @param maxLengths the limit of each limited field; every limit is at least 1
 * @param refusesNul true when no limited field may contain the NUL character (U+0000)
 */
public record FieldLimits(Map<LimitedField, Integer> maxLengths, boolean refusesNul) {
    private static final FieldLimits UNLIMITED = new FieldLimits(Map.of(), false);

    public FieldLimits {
        EnumMap<LimitedField, Integer> copy = new EnumMap<>(LimitedField.class);
        (maxLengths == null ? Map.<LimitedField, Integer>of() : maxLengths).forEach((field, max) -> {
            if (field == null || max == null || max < 1) {
                throw new IllegalArgumentException("FieldLimits: the limit of " + (field == null ? "a field"
                        : field.label()) + " must be at least 1, was " + max);
            }
            copy.put(field, max);
        });
        maxLengths = Map.copyOf(copy);
    }

    /** Length limits only; NUL characters are kept. */
    public FieldLimits(Map<LimitedField, Integer> maxLengths) {
        this(maxLengths, false);
    }

    /** No limits: what a store without columns (or with unlimited ones) reports. */
    public static FieldLimits unlimited() {
        return UNLIMITED;
    }

    public static Builder builder() {
        return new Builder();
    }

    /** The limit of {@code field}, empty when it is unlimited. */
    public OptionalInt maxLength(LimitedField field) {
        Integer max = maxLengths.get(field);
        return max == null ? OptionalInt.empty() : OptionalInt.of(max);
    }

    /** True when no text is ever refused: the engine need not check. */
    public boolean isUnlimited() {
        return maxLengths.isEmpty() && !refusesNul;
    }

    /**
     * Why {@code value} does not fit {@code field}, e.g. "course name longer than 500 characters";
     * null when it fits (null fits every field). The reason never contains the value.
     */
    public String violation(LimitedField field, String value) {
        if (refusesNul && value != null && value.indexOf('\u0000') >= 0) {
            return field.label() + " contains a NUL character, which the store cannot keep";
        }
        Integer max = maxLengths.get(field);
        // a string holds at least as many UTF-16 units as code points: only a long one needs counting
        if (max == null || value == null || value.length() <= max || value.codePointCount(0, value.length()) <= max) {
            return null;
        }
        return field.label() + " longer than " + max + " characters";
    }

    /** Collects limits; {@link #build()} checks them. */
    public static final class Builder {
        private final Map<LimitedField, Integer> maxLengths = new EnumMap<>(LimitedField.class);
        private boolean refusesNul;

        private Builder() {
        }

        /** The store cannot keep the NUL character (U+0000) in any limited field. */
        public Builder refuseNul() {
            this.refusesNul = true;
            return this;
        }

        public Builder maxLength(LimitedField field, int maxLength) {
            if (field == null) {
                throw new IllegalArgumentException("FieldLimits: field must not be null");
            }
            maxLengths.put(field, maxLength);
            return this;
        }

        /** @throws IllegalArgumentException naming the field whose limit is below 1 */
        public FieldLimits build() {
            return new FieldLimits(maxLengths, refusesNul);
        }
    }
}
