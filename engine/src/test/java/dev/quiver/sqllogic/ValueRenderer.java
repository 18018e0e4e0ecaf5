package dev.quiver.sqllogic;

import dev.quiver.exec.function.Casts;
import dev.quiver.planner.type.DateTimes;
import dev.quiver.planner.type.Interval;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.ZoneOffset;

/**
 * Renders result values as sqllogictest text: NULL as {@code NULL}, the empty string as
 * {@code (empty)}, booleans as {@code true}/{@code false}, decimals with their scale, floating
 * point, dates, timestamps and intervals in Quiver's (PostgreSQL's) text form.
 */
public final class ValueRenderer {
    private ValueRenderer() {
    }

    public static String render(Object v) {
        if (v == null) {
            return "NULL";
        }
        if (v instanceof String s) {
            return s.isEmpty() ? "(empty)" : s;
        }
        if (v instanceof BigDecimal d) {
            return d.toPlainString();
        }
        if (v instanceof Double d) {
            return Casts.formatDouble(d);
        }
        if (v instanceof Float f) {
            return Casts.formatReal(f);
        }
        if (v instanceof Boolean b) {
            return b ? "true" : "false";
        }
        if (v instanceof LocalDate d) {
            return DateTimes.formatDate((int) d.toEpochDay());
        }
        if (v instanceof LocalDateTime t) {
            long micros = t.toEpochSecond(ZoneOffset.UTC) * DateTimes.MICROS_PER_SECOND + t.getNano() / 1000;
            return DateTimes.formatTimestamp(micros);
        }
        if (v instanceof Interval i) {
            return i.toString();
        }
        return v.toString();
    }
}
