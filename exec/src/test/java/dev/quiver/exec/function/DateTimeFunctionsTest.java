package dev.quiver.exec.function;

import static dev.quiver.exec.testing.Errors.assertSqlState;
import static org.assertj.core.api.Assertions.assertThat;

import dev.quiver.planner.type.DateTimes;
import org.junit.jupiter.api.Test;

/** Date arithmetic (month-end clamping, leap years, range) and EXTRACT fields. */
class DateTimeFunctionsTest {
    private static final long DAY = DateTimes.MICROS_PER_DAY;
    private static final long HOUR = 3_600_000_000L;

    /** Days since 1970-01-01, computed by hand from the civil calendar (not java.time). */
    static int day(int year, int month, int dayOfMonth) {
        int[] monthDays = {31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31};
        long days = 0;
        if (year >= 1970) {
            for (int y = 1970; y < year; y++) {
                days += leap(y) ? 366 : 365;
            }
        } else {
            for (int y = year; y < 1970; y++) {
                days -= leap(y) ? 366 : 365;
            }
        }
        for (int m = 1; m < month; m++) {
            days += monthDays[m - 1] + (m == 2 && leap(year) ? 1 : 0);
        }
        return (int) (days + dayOfMonth - 1);
    }

    static boolean leap(int y) {
        return y % 4 == 0 && (y % 100 != 0 || y % 400 == 0);
    }

    @Test
    void theCalendarHelperAgreesWithKnownDates() {
        assertThat(day(1970, 1, 1)).isZero();
        assertThat(day(2000, 3, 1)).isEqualTo(11017);
        assertThat(day(1969, 12, 31)).isEqualTo(-1);
        assertThat(DateTimes.parseDate("2024-02-29")).isEqualTo(day(2024, 2, 29));
    }

    @Test
    void addingMonthsClampsToTheEndOfTheMonth() {
        assertThat(DateTimeFunctions.addToDate(day(2024, 1, 31), 1, 0)).isEqualTo(day(2024, 2, 29));
        assertThat(DateTimeFunctions.addToDate(day(2023, 1, 31), 1, 0)).isEqualTo(day(2023, 2, 28));
        assertThat(DateTimeFunctions.addToDate(day(2024, 2, 29), 12, 0)).isEqualTo(day(2025, 2, 28));
        assertThat(DateTimeFunctions.addToDate(day(2024, 2, 29), 48, 0)).isEqualTo(day(2028, 2, 29));
        assertThat(DateTimeFunctions.addToDate(day(2024, 3, 31), -1, 0)).isEqualTo(day(2024, 2, 29));
        assertThat(DateTimeFunctions.addToDate(day(2024, 5, 31), 1, 0)).isEqualTo(day(2024, 6, 30));
        assertThat(DateTimeFunctions.addToDate(day(2023, 12, 31), 2, 0)).isEqualTo(day(2024, 2, 29));
        assertThat(DateTimeFunctions.addToDate(day(1900, 1, 31), 1, 0)).isEqualTo(day(1900, 2, 28)); // 1900 is not leap
        assertThat(DateTimeFunctions.addToDate(day(2000, 1, 31), 1, 0)).isEqualTo(day(2000, 2, 29)); // 2000 is
        // Months first, then days: Jan 31 + 1 month 1 day = Feb 29 + 1 day.
        assertThat(DateTimeFunctions.addToDate(day(2024, 1, 31), 1, 1)).isEqualTo(day(2024, 3, 1));
        assertThat(DateTimeFunctions.addToDate(day(2024, 1, 1), 0, 366)).isEqualTo(day(2025, 1, 1));
        assertThat(DateTimeFunctions.addDays(day(2023, 12, 31), 60)).isEqualTo(day(2024, 2, 29));
        assertThat(DateTimeFunctions.addDays(day(1970, 1, 1), -1)).isEqualTo(day(1969, 12, 31));
        // Timestamps keep the time of day.
        long ts = day(2024, 1, 31) * DAY + 10 * HOUR;
        assertThat(DateTimeFunctions.addToTimestamp(ts, 1, 0, 0)).isEqualTo(day(2024, 2, 29) * DAY + 10 * HOUR);
        assertThat(DateTimeFunctions.addToTimestamp(ts, 0, 0, 15 * HOUR)).isEqualTo(day(2024, 2, 1) * DAY + HOUR);
        long before1970 = day(1969, 12, 31) * DAY + 23 * HOUR;
        assertThat(DateTimeFunctions.addToTimestamp(before1970, 2, 0, 0)).isEqualTo(day(1970, 2, 28) * DAY + 23 * HOUR);
    }

    @Test
    void resultsOutsideYearsOneTo9999AreErrors() {
        int last = day(9999, 12, 31);
        int first = day(1, 1, 1);
        assertThat(DateTimeFunctions.addDays(last - 1, 1)).isEqualTo(last);
        assertSqlState("22008", () -> DateTimeFunctions.addDays(last, 1));
        assertSqlState("22008", () -> DateTimeFunctions.addDays(first, -1));
        assertSqlState("22008", () -> DateTimeFunctions.addDays(0, Long.MAX_VALUE));
        assertSqlState("22008", () -> DateTimeFunctions.addDays(0, Long.MIN_VALUE));
        assertSqlState("22008", () -> DateTimeFunctions.addToDate(day(9999, 12, 1), 1, 0));
        assertSqlState("22008", () -> DateTimeFunctions.addToDate(first, -1, 0));
        assertSqlState("22008", () -> DateTimeFunctions.addToDate(0, Integer.MAX_VALUE, 0));
        assertSqlState("22008", () -> DateTimeFunctions.addToTimestamp(last * DAY + 23 * HOUR, 0, 0, HOUR));
        assertSqlState("22008", () -> DateTimeFunctions.addToTimestamp(0, 0, 0, Long.MAX_VALUE));
        assertSqlState("22008", () -> DateTimeFunctions.checkDate(first - 1L));
        assertThat(DateTimeFunctions.checkDate(first)).isEqualTo(first);
    }

    @Test
    void extractFieldsOfDates() {
        int d = day(2000, 1, 1); // a Saturday, in ISO week 52 of 1999
        assertThat(DateTimeFunctions.extractFromDate("year", d)).isEqualTo(2000);
        assertThat(DateTimeFunctions.extractFromDate("month", d)).isEqualTo(1);
        assertThat(DateTimeFunctions.extractFromDate("day", d)).isEqualTo(1);
        assertThat(DateTimeFunctions.extractFromDate("dow", d)).isEqualTo(6);
        assertThat(DateTimeFunctions.extractFromDate("isodow", d)).isEqualTo(6);
        assertThat(DateTimeFunctions.extractFromDate("week", d)).isEqualTo(52);
        assertThat(DateTimeFunctions.extractFromDate("isoyear", d)).isEqualTo(1999);
        assertThat(DateTimeFunctions.extractFromDate("quarter", d)).isEqualTo(1);
        assertThat(DateTimeFunctions.extractFromDate("doy", d)).isEqualTo(1);
        assertThat(DateTimeFunctions.extractFromDate("decade", d)).isEqualTo(200);
        assertThat(DateTimeFunctions.extractFromDate("century", d)).isEqualTo(20);
        assertThat(DateTimeFunctions.extractFromDate("millennium", d)).isEqualTo(2);
        int sunday = day(2024, 3, 3);
        assertThat(DateTimeFunctions.extractFromDate("dow", sunday)).isEqualTo(0);
        assertThat(DateTimeFunctions.extractFromDate("isodow", sunday)).isEqualTo(7);
        assertThat(DateTimeFunctions.extractFromDate("century", day(2001, 1, 1))).isEqualTo(21);
        assertThat(DateTimeFunctions.extractFromDate("millennium", day(2001, 1, 1))).isEqualTo(3);
        assertThat(DateTimeFunctions.extractFromDate("decade", day(2019, 12, 31))).isEqualTo(201);
        assertThat(DateTimeFunctions.extractFromDate("doy", day(2024, 12, 31))).isEqualTo(366);
        assertThat(DateTimeFunctions.extractFromDate("doy", day(2023, 12, 31))).isEqualTo(365);
        assertThat(DateTimeFunctions.extractFromDate("quarter", day(2024, 11, 5))).isEqualTo(4);
        assertThat(DateTimeFunctions.extractFromDate("quarter", day(2024, 4, 1))).isEqualTo(2);
        assertThat(DateTimeFunctions.extractFromDate("week", day(2024, 12, 30))).isEqualTo(1); // ISO week 1 of 2025
        assertThat(DateTimeFunctions.extractFromDate("isoyear", day(2024, 12, 30))).isEqualTo(2025);
        assertThat(DateTimeFunctions.extractFromDate("day", day(2024, 2, 29))).isEqualTo(29);
        assertThat(DateTimeFunctions.yearOfDate(day(1969, 12, 31))).isEqualTo(1969);
        assertThat(DateTimeFunctions.yearOfDate(day(1, 1, 1))).isEqualTo(1);
        assertSqlState("22023", () -> DateTimeFunctions.extractFromDate("fortnight", d));
    }

    @Test
    void extractFieldsOfTimestamps() {
        long ts = day(2024, 3, 5) * DAY + 13 * HOUR + 45 * 60_000_000L + 30_500_000L; // 13:45:30.5
        assertThat(DateTimeFunctions.extractFromTimestamp("hour", ts)).isEqualTo(13);
        assertThat(DateTimeFunctions.extractFromTimestamp("minute", ts)).isEqualTo(45);
        assertThat(DateTimeFunctions.extractFromTimestamp("day", ts)).isEqualTo(5);
        assertThat(DateTimeFunctions.extractFromTimestamp("month", ts)).isEqualTo(3);
        assertThat(DateTimeFunctions.extractDouble("second", ts)).isEqualTo(30.5);
        assertThat(DateTimeFunctions.extractDouble("epoch", 1_500_000L)).isEqualTo(1.5);
        // Before 1970 the day and time of day are still the civil ones.
        long before = -1_000_000L; // 1969-12-31 23:59:59
        assertThat(DateTimeFunctions.extractFromTimestamp("year", before)).isEqualTo(1969);
        assertThat(DateTimeFunctions.extractFromTimestamp("day", before)).isEqualTo(31);
        assertThat(DateTimeFunctions.extractFromTimestamp("hour", before)).isEqualTo(23);
        assertThat(DateTimeFunctions.extractFromTimestamp("minute", before)).isEqualTo(59);
        assertThat(DateTimeFunctions.extractDouble("second", before)).isEqualTo(59.0);
        assertThat(DateTimeFunctions.extractDouble("epoch", before)).isEqualTo(-1.0);
        assertThat(DateTimeFunctions.timestampFromDate(day(2024, 1, 2))).isEqualTo(day(2024, 1, 2) * DAY);
        assertThat(DateTimeFunctions.dateFromTimestamp(-1)).isEqualTo(-1);
        assertThat(DateTimeFunctions.dateFromTimestamp(DAY)).isEqualTo(1);
    }

    @Test
    void intervalsCompareByTheirLengthInThirtyDayMonths() {
        assertThat(DateTimeFunctions.compareInterval(1, 0, 0, 0, 30, 0)).isZero();
        assertThat(DateTimeFunctions.compareInterval(0, 1, 0, 0, 0, DAY)).isZero();
        assertThat(DateTimeFunctions.compareInterval(0, 1, 1, 0, 0, DAY)).isPositive();
        assertThat(DateTimeFunctions.compareInterval(-1, 0, 0, 0, -29, 0)).isNegative();
        // No overflow at the extremes of every field.
        assertThat(DateTimeFunctions.compareInterval(Integer.MAX_VALUE, Integer.MAX_VALUE, Long.MAX_VALUE, Integer.MAX_VALUE,
                Integer.MAX_VALUE, Long.MAX_VALUE - 1)).isPositive();
        assertThat(DateTimeFunctions.compareInterval(Integer.MIN_VALUE, Integer.MIN_VALUE, Long.MIN_VALUE, Integer.MAX_VALUE, 0, 0))
                .isNegative();
    }
}
