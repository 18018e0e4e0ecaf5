package dev.quiver.planner.type;

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

    @Override
    public String toString() {
        StringBuilder s = new StringBuilder();
        int years = months / 12;
        int mons = months % 12;
        if (years != 0) {
            s.append(years).append(Math.abs(years) == 1 ? " year " : " years ");
        }
        if (mons != 0) {
            s.append(mons).append(Math.abs(mons) == 1 ? " mon " : " mons ");
        }
        if (days != 0) {
            s.append(days).append(Math.abs(days) == 1 ? " day " : " days ");
        }
        if (micros != 0 || s.length() == 0) {
            long abs = Math.abs(micros);
            long totalSeconds = abs / 1_000_000;
            String time = String.format("%02d:%02d:%02d", totalSeconds / 3600, (totalSeconds / 60) % 60, totalSeconds % 60);
            long fraction = abs % 1_000_000;
            if (fraction != 0) {
                time += String.format(".%06d", fraction).replaceAll("0+$", "");
            }
            s.append(micros < 0 ? "-" : "").append(time).append(' ');
        }
        return s.toString().trim();
    }
}
