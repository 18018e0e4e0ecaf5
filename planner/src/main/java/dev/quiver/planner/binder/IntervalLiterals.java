package dev.quiver.planner.binder;

import dev.quiver.error.QuiverException;
import dev.quiver.error.SqlState;
import dev.quiver.parser.ast.IntervalField;
import dev.quiver.planner.type.DateTimes;
import dev.quiver.planner.type.Interval;
import dev.quiver.planner.type.Intervals;

/** Reads interval literals: {@code INTERVAL '90' DAY} and PostgreSQL's {@code '3 months 2 days'} text form. */
final class IntervalLiterals {
    private IntervalLiterals() {
    }

    /** {@code INTERVAL 'value' field}: value is a whole number (seconds may have a fraction). */
    static Interval of(String value, IntervalField field, boolean negative) {
        String s = value.trim();
        try {
            Interval interval;
            if (field == IntervalField.SECOND) {
                java.math.BigDecimal seconds = new java.math.BigDecimal(s);
                interval = new Interval(0, 0, seconds.movePointRight(6).longValueExact());
            } else {
                long n = Long.parseLong(s.startsWith("+") ? s.substring(1) : s);
                interval = switch (field) {
                    case YEAR -> new Interval(Math.toIntExact(Math.multiplyExact(n, 12)), 0, 0);
                    case MONTH -> new Interval(Math.toIntExact(n), 0, 0);
                    case DAY -> new Interval(0, Math.toIntExact(n), 0);
                    case HOUR -> new Interval(0, 0, Math.multiplyExact(n, 3_600L * DateTimes.MICROS_PER_SECOND));
                    case MINUTE -> new Interval(0, 0, Math.multiplyExact(n, 60L * DateTimes.MICROS_PER_SECOND));
                    case SECOND -> throw new IllegalStateException();
                };
            }
            return negative ? interval.negate() : interval;
        } catch (NumberFormatException | ArithmeticException e) {
            throw new QuiverException(SqlState.INVALID_DATETIME_FORMAT,
                    "invalid interval value '" + value + "' for " + field + ": expected a whole number");
        }
    }

    /** PostgreSQL's verbose form, e.g. {@code '3 months 2 days'}. */
    static Interval parse(String text) {
        return Intervals.parse(text);
    }
}
