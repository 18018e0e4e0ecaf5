package dev.quiver.planner.type;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import dev.quiver.error.QuiverException;
import dev.quiver.error.SqlState;
import org.junit.jupiter.api.Test;

/** Day numbers are counted by hand from 1970-01-01 (365 days a year plus one per leap year). */
class DateTimesTest {
    /** 1998-12-01: 28 years 1970..1997 with 7 leap years (1972..1996) = 10227 days, plus Jan..Nov 1998 = 334. */
    private static final int DAY_1998_12_01 = 10_561;

    @Test
    void parsesDates() {
        assertThat(DateTimes.parseDate("1970-01-01")).isZero();
        assertThat(DateTimes.parseDate("1969-12-31")).isEqualTo(-1);
        assertThat(DateTimes.parseDate("1998-12-01")).isEqualTo(DAY_1998_12_01);
        assertThat(DateTimes.parseDate("  1998-12-01 ")).as("spaces around are ignored").isEqualTo(DAY_1998_12_01);
        assertThat(DateTimes.parseDate("1998-12-1")).as("one-digit fields").isEqualTo(DAY_1998_12_01);
        assertThat(DateTimes.parseDate("2000-02-29")).as("2000 is a leap year").isEqualTo(11_016);
        // 0001-01-01: 1969 years before 1970 with 492 - 19 + 4 = 477 leap years.
        assertThat(DateTimes.parseDate("0001-01-01")).isEqualTo(-(1969 * 365 + 477));
        // 9999-12-31: 8030 years 1970..9999 with 2424 - 477 = 1947 leap years, minus one day.
        assertThat(DateTimes.parseDate("9999-12-31")).isEqualTo(8030 * 365 + 1947 - 1);
    }

    @Test
    void formatsDates() {
        assertThat(DateTimes.formatDate(0)).isEqualTo("1970-01-01");
        assertThat(DateTimes.formatDate(DAY_1998_12_01)).isEqualTo("1998-12-01");
        assertThat(DateTimes.formatDate(-1)).isEqualTo("1969-12-31");
        for (String s : new String[] {"0001-01-01", "1999-03-01", "2024-02-29", "9999-12-31"}) {
            assertThat(DateTimes.formatDate(DateTimes.parseDate(s))).isEqualTo(s);
        }
    }

    @Test
    void parsesTimestamps() {
        long day = DAY_1998_12_01 * DateTimes.MICROS_PER_DAY;
        assertThat(DateTimes.MICROS_PER_DAY).isEqualTo(86_400_000_000L);
        assertThat(DateTimes.parseTimestamp("1998-12-01")).as("a bare date is midnight").isEqualTo(day);
        // 12:34:56 = 45296 s.
        assertThat(DateTimes.parseTimestamp("1998-12-01 12:34:56.789")).isEqualTo(day + 45_296_000_000L + 789_000L);
        assertThat(DateTimes.parseTimestamp("1998-12-01T08:05")).isEqualTo(day + (8 * 3600 + 5 * 60) * 1_000_000L);
        assertThat(DateTimes.parseTimestamp("1998-12-01 00:00:00.000001")).isEqualTo(day + 1);
        assertThat(DateTimes.parseTimestamp("1998-12-01 00:00:00.123456789")).as("beyond microseconds is cut")
                .isEqualTo(day + 123_456);
        assertThat(DateTimes.parseTimestamp("1969-12-31 23:59:59")).isEqualTo(-1_000_000L);
    }

    @Test
    void formatsTimestamps() {
        assertThat(DateTimes.formatTimestamp(0)).isEqualTo("1970-01-01 00:00:00");
        assertThat(DateTimes.formatTimestamp(-1)).isEqualTo("1969-12-31 23:59:59.999999");
        assertThat(DateTimes.formatTimestamp(1_500_000)).as("trailing zeros of the fraction dropped").isEqualTo("1970-01-01 00:00:01.5");
        for (String s : new String[] {"1998-12-01 12:34:56.789", "0001-01-01 00:00:00", "9999-12-31 23:59:59.999999",
                "1969-07-20 20:17:40"}) {
            assertThat(DateTimes.formatTimestamp(DateTimes.parseTimestamp(s))).isEqualTo(s);
        }
        assertThat(DateTimes.formatTimestamp(DateTimes.parseTimestamp("1998-12-01T08:05"))).isEqualTo("1998-12-01 08:05:00");
        assertThat(DateTimes.toLocalDateTime(-1)).hasToString("1969-12-31T23:59:59.999999");
    }

    private static QuiverException dateError(String text) {
        QuiverException e = catchThrowableOfType(QuiverException.class, () -> DateTimes.parseDate(text));
        assertThat(e).as(text).isNotNull();
        return e;
    }

    private static QuiverException timestampError(String text) {
        QuiverException e = catchThrowableOfType(QuiverException.class, () -> DateTimes.parseTimestamp(text));
        assertThat(e).as(text).isNotNull();
        return e;
    }

    @Test
    void datesOutOfRange() {
        QuiverException month = dateError("1998-13-01");
        assertThat(month.sqlState()).isEqualTo(SqlState.DATETIME_FIELD_OVERFLOW);
        assertThat(month.getMessage()).isEqualTo("date/time field value out of range: \"1998-13-01\"");
        assertThat(dateError("1900-02-29").getMessage()).as("1900 is not a leap year")
                .isEqualTo("date/time field value out of range: \"1900-02-29\"");
        assertThat(dateError("1998-12-32").sqlState()).isEqualTo(SqlState.DATETIME_FIELD_OVERFLOW);
        QuiverException year = dateError("0000-01-01");
        assertThat(year.sqlState()).isEqualTo(SqlState.DATETIME_FIELD_OVERFLOW);
        assertThat(year.getMessage()).isEqualTo("date out of range: \"0000-01-01\"");
        QuiverException range = catchThrowableOfType(QuiverException.class,
                () -> DateTimes.checkDateRange(DateTimes.parseDate("9999-12-31") + 1L));
        assertThat(range.sqlState()).isEqualTo(SqlState.DATETIME_FIELD_OVERFLOW);
        assertThat(range.getMessage()).isEqualTo("date out of range: years must be 1 to 9999");
        assertThat(DateTimes.checkDateRange(DAY_1998_12_01)).isEqualTo(DAY_1998_12_01);
    }

    @Test
    void malformedDates() {
        for (String text : new String[] {"1998/12/01", "", "yesterday", "1998-12-01x", "1998-12", "12:30", "1998-12-01 10:00",
                "10000-01-01", "1998-１２-01"}) {
            QuiverException e = dateError(text);
            assertThat(e.sqlState()).as(text).isEqualTo(SqlState.INVALID_DATETIME_FORMAT);
            assertThat(e.getMessage()).as(text)
                    .isEqualTo("invalid input syntax for type date: \"" + text + "\" (expected YYYY-MM-DD)");
        }
    }

    @Test
    void malformedTimestamps() {
        for (String text : new String[] {"yesterday", "1998-12-01 x", "1998-12-01T", "1998-12-01 25:00", "1998-12-01 10:60",
                "1998-12-01 10:00:61", "1998-12-01 10", "1998-12-01 10:00:00.", "1998-12-01 10:00 pm"}) {
            QuiverException e = timestampError(text);
            assertThat(e.sqlState()).as(text).isEqualTo(SqlState.INVALID_DATETIME_FORMAT);
            assertThat(e.getMessage()).as(text)
                    .isEqualTo("invalid input syntax for type timestamp: \"" + text + "\" (expected YYYY-MM-DD HH:MM:SS[.ffffff])");
        }
        QuiverException range = timestampError("1998-02-30 10:00");
        assertThat(range.sqlState()).isEqualTo(SqlState.DATETIME_FIELD_OVERFLOW);
        assertThat(range.getMessage()).isEqualTo("date/time field value out of range: \"1998-02-30 10:00\"");
    }
}
