package dev.quiver.planner.type;

import dev.quiver.error.QuiverException;
import dev.quiver.error.SqlState;
import java.util.Locale;

/** INTERVAL text, shared by literal binding and run-time casts from VARCHAR. */
public final class Intervals {
    private Intervals() {
    }

    /** PostgreSQL's verbose form: {@code '1 year 2 months 3 days 04:05:06'} or {@code '3 days'}. */
    public static Interval parse(String text) {
        String[] tokens = text.trim().toLowerCase(Locale.ROOT).split("\\s+");
        int months = 0;
        int days = 0;
        long micros = 0;
        try {
            for (int i = 0; i < tokens.length; i++) {
                String t = tokens[i];
                if (t.isEmpty()) {
                    continue;
                }
                if (t.contains(":")) {
                    String[] hms = t.replace("-", "").split(":");
                    long sign = t.startsWith("-") ? -1 : 1;
                    long h = Long.parseLong(hms[0]);
                    long m = hms.length > 1 ? Long.parseLong(hms[1]) : 0;
                    double sec = hms.length > 2 ? Double.parseDouble(hms[2]) : 0;
                    micros += sign * ((h * 3600 + m * 60) * DateTimes.MICROS_PER_SECOND + Math.round(sec * 1e6));
                    continue;
                }
                long n = Long.parseLong(t);
                String unit = i + 1 < tokens.length ? tokens[++i] : "second";
                if (unit.startsWith("year")) {
                    months += Math.toIntExact(n * 12);
                } else if (unit.startsWith("mon")) {
                    months += Math.toIntExact(n);
                } else if (unit.startsWith("week")) {
                    days += Math.toIntExact(n * 7);
                } else if (unit.startsWith("day")) {
                    days += Math.toIntExact(n);
                } else if (unit.startsWith("hour")) {
                    micros += n * 3600 * DateTimes.MICROS_PER_SECOND;
                } else if (unit.startsWith("min")) {
                    micros += n * 60 * DateTimes.MICROS_PER_SECOND;
                } else if (unit.startsWith("sec")) {
                    micros += n * DateTimes.MICROS_PER_SECOND;
                } else {
                    throw new NumberFormatException(unit);
                }
            }
        } catch (NumberFormatException | ArithmeticException e) {
            throw new QuiverException(SqlState.INVALID_DATETIME_FORMAT, "invalid input syntax for type interval: \"" + text + "\"");
        }
        return new Interval(months, days, micros);
    }
}
