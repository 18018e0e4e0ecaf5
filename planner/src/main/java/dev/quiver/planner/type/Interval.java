package dev.quiver.planner.type;

import java.util.Locale;

/**
 * An INTERVAL value: months, days and microseconds kept apart, as in PostgreSQL, because a month
 * has no fixed number of days and a day (across a DST change) no fixed number of microseconds.
 */
public record Interval(int months, int days, long micros) {
    public Interval negate() {
        return new Interval(Math.negateExact(months), Math.negateExact(days), Math.negateExact(micros));
    }

    /** Whether the interval is made of whole days and months only (adding it to a DATE stays a DATE). */
    public boolean isDateOnly() {
        return micros == 0;
    }

    /**
     * PostgreSQL's default ({@code postgres} IntervalStyle) text: {@code 1 year 2 mons -3 days 04:05:06.5}.
     * A unit is plural unless its value is exactly 1 ({@code -1 years}), and a positive part after a
     * negative one carries a {@code +} ({@code -1 years +2 mons}), as in PostgreSQL's EncodeInterval.
     */
    @Override
    public String toString() {
        StringBuilder s = new StringBuilder();
        boolean[] negativeBefore = {false};
        part(s, months / 12, "year", negativeBefore);
        part(s, months % 12, "mon", negativeBefore);
        part(s, days, "day", negativeBefore);
        if (micros != 0 || s.length() == 0) {
            long abs = Math.abs(micros);
            long totalSeconds = abs / 1_000_000;
            String time = String.format(Locale.ROOT, "%02d:%02d:%02d", totalSeconds / 3600, (totalSeconds / 60) % 60, totalSeconds % 60);
            long fraction = abs % 1_000_000;
            if (fraction != 0) {
                time += String.format(Locale.ROOT, ".%06d", fraction).replaceAll("0+$", "");
            }
            s.append(s.length() == 0 ? "" : " ").append(micros < 0 ? "-" : negativeBefore[0] ? "+" : "").append(time);
        }
        return s.toString();
    }

    private static void part(StringBuilder s, long value, String unit, boolean[] negativeBefore) {
        if (value == 0) {
            return;
        }
        s.append(s.length() == 0 ? "" : " ").append(negativeBefore[0] && value > 0 ? "+" : "").append(value).append(' ')
                .append(unit).append(value == 1 ? "" : "s");
        negativeBefore[0] = value < 0;
    }
}
