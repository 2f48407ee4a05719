package io.github.sarisync.examples.cli;

import java.time.ZonedDateTime;
import java.time.temporal.ChronoUnit;
import java.util.BitSet;

/**
 * A five-field Unix cron expression ({@code minute hour day-of-month month day-of-week}), each field
 * {@code *}, a number, a range {@code a-b}, a step {@code * /n} or {@code a-b/n}, or a comma list of
 * these. Day of week 0-7 (0 and 7 are Sunday). As in Unix cron, when both day fields are
 * restricted a day matching either one is due.
 *
 * <pre>{@code
 * CronSchedule.parse("*\/15 6-22 * * 1-5")   // every 15 minutes from 6:00 to 22:45 on weekdays
 * }</pre>
 */
final class CronSchedule {
    /** Every valid expression is due within this many years (29 February comes every 4 or 8 years). */
    private static final int MAX_YEARS_AHEAD = 9;

    private final String expression;
    private final BitSet minutes;
    private final BitSet hours;
    private final BitSet daysOfMonth;
    private final BitSet months;
    private final BitSet daysOfWeek;
    private final boolean dayOfMonthRestricted;
    private final boolean dayOfWeekRestricted;

    private CronSchedule(String expression, String[] fields) {
        this.expression = expression;
        this.minutes = field(fields[0], 0, 59, "minute");
        this.hours = field(fields[1], 0, 23, "hour");
        this.daysOfMonth = field(fields[2], 1, 31, "day of month");
        this.months = field(fields[3], 1, 12, "month");
        BitSet dow = field(fields[4], 0, 7, "day of week");
        if (dow.get(7)) {
            dow.set(0);
        }
        this.daysOfWeek = dow;
        this.dayOfMonthRestricted = !fields[2].equals("*");
        this.dayOfWeekRestricted = !fields[4].equals("*");
    }

    /**
     * @throws IllegalArgumentException naming the field that is wrong
     */
    static CronSchedule parse(String expression) {
        String[] fields = expression.trim().split("\\s+");
        if (fields.length != 5) {
            throw new IllegalArgumentException("cron expression '" + expression + "' must have 5 fields "
                    + "(minute hour day-of-month month day-of-week), has " + fields.length);
        }
        return new CronSchedule(expression.trim(), fields);
    }

    /** The first due minute strictly after {@code after}, in its time zone. */
    ZonedDateTime next(ZonedDateTime after) {
        ZonedDateTime t = after.truncatedTo(ChronoUnit.MINUTES).plusMinutes(1);
        ZonedDateTime limit = t.plusYears(MAX_YEARS_AHEAD);
        while (t.isBefore(limit)) {
            if (!months.get(t.getMonthValue())) {
                t = t.withDayOfMonth(1).truncatedTo(ChronoUnit.DAYS).plusMonths(1);
            } else if (!dayMatches(t)) {
                t = t.truncatedTo(ChronoUnit.DAYS).plusDays(1);
            } else if (!hours.get(t.getHour())) {
                t = t.truncatedTo(ChronoUnit.HOURS).plusHours(1);
            } else if (!minutes.get(t.getMinute())) {
                t = t.plusMinutes(1);
            } else {
                return t;
            }
        }
        throw new IllegalArgumentException("cron expression '" + expression + "' is never due");
    }

    private boolean dayMatches(ZonedDateTime t) {
        boolean dom = daysOfMonth.get(t.getDayOfMonth());
        boolean dow = daysOfWeek.get(t.getDayOfWeek().getValue() % 7);
        if (dayOfMonthRestricted && dayOfWeekRestricted) {
            return dom || dow;
        }
        return dom && dow;
    }

    private static BitSet field(String text, int min, int max, String name) {
        BitSet bits = new BitSet(max + 1);
        for (String part : text.split(",", -1)) {
            try {
                addPart(bits, part, min, max);
            } catch (IllegalArgumentException e) {
                throw new IllegalArgumentException("cron " + name + " field '" + text + "': " + e.getMessage());
            }
        }
        return bits;
    }

    private static void addPart(BitSet bits, String part, int min, int max) {
        int step = 1;
        String range = part;
        int slash = part.indexOf('/');
        if (slash >= 0) {
            step = number(part.substring(slash + 1), 1, max);
            range = part.substring(0, slash);
        }
        int from;
        int to;
        if (range.equals("*")) {
            from = min;
            to = max;
        } else if (range.contains("-")) {
            int dash = range.indexOf('-');
            from = number(range.substring(0, dash), min, max);
            to = number(range.substring(dash + 1), min, max);
            if (from > to) {
                throw new IllegalArgumentException("range " + range + " runs backwards");
            }
        } else {
            from = number(range, min, max);
            to = slash >= 0 ? max : from;
        }
        for (int v = from; v <= to; v += step) {
            bits.set(v);
        }
    }

    private static int number(String text, int min, int max) {
        try {
            int n = Integer.parseInt(text);
            if (n >= min && n <= max) {
                return n;
            }
        } catch (NumberFormatException e) {
            // reported below
        }
        throw new IllegalArgumentException("'" + text + "' is not a number from " + min + " to " + max);
    }

    @Override
    public String toString() {
        return expression;
    }
}
