package dev.quiver.exec.function;

import dev.quiver.error.QuiverException;
import dev.quiver.error.SqlState;
import dev.quiver.planner.type.DateTimes;
import java.time.LocalDate;
import java.time.temporal.IsoFields;

/**
 * Date and time arithmetic. Adding months keeps the day of month, clamped to the month's last day
 * ({@code 2024-01-31 + 1 month = 2024-02-29}), then days are added, then microseconds, as in
 * PostgreSQL. Results outside years 1..9999 are errors.
 */
public final class DateTimeFunctions {
    private static final int EPOCH_MIN = (int) LocalDate.of(1, 1, 1).toEpochDay();
    private static final int EPOCH_MAX = (int) LocalDate.of(9999, 12, 31).toEpochDay();

    private DateTimeFunctions() {
    }

    /** date + months + days (days since the epoch in, and out). */
    public static int addToDate(int epochDay, int months, int days) {
        long d = epochDay;
        if (months != 0) {
            LocalDate date = LocalDate.ofEpochDay(epochDay).plusMonths(months);
            d = date.toEpochDay();
        }
        return checkDate(d + days);
    }

    /** date + n days. */
    public static int addDays(int epochDay, long days) {
        return checkDate(epochDay + days);
    }

    public static long addToTimestamp(long micros, int months, int days, long addMicros) {
        long day = Math.floorDiv(micros, DateTimes.MICROS_PER_DAY);
        long time = Math.floorMod(micros, DateTimes.MICROS_PER_DAY);
        long newDay = addToDate(checkDate(day), months, days);
        long result = newDay * DateTimes.MICROS_PER_DAY + time;
        try {
            result = Math.addExact(result, addMicros);
        } catch (ArithmeticException e) {
            throw outOfRange();
        }
        checkDate(Math.floorDiv(result, DateTimes.MICROS_PER_DAY));
        return result;
    }

    public static int checkDate(long epochDay) {
        if (epochDay < EPOCH_MIN || epochDay > EPOCH_MAX) {
            throw outOfRange();
        }
        return (int) epochDay;
    }

    private static QuiverException outOfRange() {
        return new QuiverException(SqlState.DATETIME_FIELD_OVERFLOW, "date out of range: years must be 1 to 9999");
    }

    public static long timestampFromDate(int epochDay) {
        return epochDay * DateTimes.MICROS_PER_DAY;
    }

    public static int dateFromTimestamp(long micros) {
        return (int) Math.floorDiv(micros, DateTimes.MICROS_PER_DAY);
    }

    /** EXTRACT on a date, for the whole-number fields. */
    public static long extractFromDate(String field, int epochDay) {
        LocalDate d = LocalDate.ofEpochDay(epochDay);
        return switch (field) {
            case "year" -> d.getYear();
            case "quarter" -> (d.getMonthValue() - 1) / 3 + 1;
            case "month" -> d.getMonthValue();
            case "week" -> d.get(IsoFields.WEEK_OF_WEEK_BASED_YEAR);
            case "day" -> d.getDayOfMonth();
            case "dow" -> d.getDayOfWeek().getValue() % 7;
            case "isodow" -> d.getDayOfWeek().getValue();
            case "doy" -> d.getDayOfYear();
            case "isoyear" -> d.get(IsoFields.WEEK_BASED_YEAR);
            case "decade" -> Math.floorDiv(d.getYear(), 10);
            case "century" -> d.getYear() > 0 ? (d.getYear() + 99) / 100 : -((99 - d.getYear()) / 100);
            case "millennium" -> d.getYear() > 0 ? (d.getYear() + 999) / 1000 : -((999 - d.getYear()) / 1000);
            default -> throw new QuiverException(SqlState.INVALID_PARAMETER_VALUE, "unit \"" + field + "\" not supported for type DATE");
        };
    }

    /** Fast path for the most common field: the year of a date. */
    public static long yearOfDate(int epochDay) {
        return LocalDate.ofEpochDay(epochDay).getYear();
    }

    /** EXTRACT on a timestamp, for the whole-number fields (seconds and epoch use {@link #extractDouble}). */
    public static long extractFromTimestamp(String field, long micros) {
        long day = Math.floorDiv(micros, DateTimes.MICROS_PER_DAY);
        long time = Math.floorMod(micros, DateTimes.MICROS_PER_DAY);
        return switch (field) {
            case "hour" -> time / (3600L * DateTimes.MICROS_PER_SECOND);
            case "minute" -> (time / (60L * DateTimes.MICROS_PER_SECOND)) % 60;
            default -> extractFromDate(field, (int) day);
        };
    }

    /** EXTRACT(SECOND | EPOCH ...) of a DATE (as midnight) or TIMESTAMP given in microseconds. */
    public static double extractDouble(String field, long micros) {
        if (field.equals("epoch")) {
            return micros / 1e6;
        }
        long time = Math.floorMod(micros, DateTimes.MICROS_PER_DAY);
        return (time % (60L * DateTimes.MICROS_PER_SECOND)) / 1e6;
    }

    /** Interval comparison as PostgreSQL does it: a month counts 30 days, a day 24 hours. */
    public static int compareInterval(int am, int ad, long au, int bm, int bd, long bu) {
        java.math.BigInteger a = intervalSpan(am, ad, au);
        java.math.BigInteger b = intervalSpan(bm, bd, bu);
        return a.compareTo(b);
    }

    private static java.math.BigInteger intervalSpan(int months, int days, long micros) {
        long d = months * 30L + days;
        return java.math.BigInteger.valueOf(d).multiply(java.math.BigInteger.valueOf(DateTimes.MICROS_PER_DAY))
                .add(java.math.BigInteger.valueOf(micros));
    }
}
