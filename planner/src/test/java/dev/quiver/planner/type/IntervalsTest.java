package dev.quiver.planner.type;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import dev.quiver.error.QuiverException;
import dev.quiver.error.SqlState;
import org.junit.jupiter.api.Test;

class IntervalsTest {
    private static final long SECOND = 1_000_000L;

    @Test
    void parsesVerboseIntervals() {
        assertThat(Intervals.parse("1 year 2 months 3 days 04:05:06"))
                .isEqualTo(new Interval(14, 3, (4 * 3600 + 5 * 60 + 6) * SECOND));
        assertThat(Intervals.parse("3 days")).isEqualTo(new Interval(0, 3, 0));
        assertThat(Intervals.parse(" 1 DAY ")).isEqualTo(new Interval(0, 1, 0));
        assertThat(Intervals.parse("-1 day")).isEqualTo(new Interval(0, -1, 0));
        assertThat(Intervals.parse("2 weeks")).isEqualTo(new Interval(0, 14, 0));
        assertThat(Intervals.parse("5 hours 30 minutes 10 seconds")).isEqualTo(new Interval(0, 0, (5 * 3600 + 30 * 60 + 10) * SECOND));
        assertThat(Intervals.parse("90")).as("a bare number is seconds").isEqualTo(new Interval(0, 0, 90 * SECOND));
        assertThat(Intervals.parse("1:30")).isEqualTo(new Interval(0, 0, 5400 * SECOND));
        assertThat(Intervals.parse("-1:30")).isEqualTo(new Interval(0, 0, -5400 * SECOND));
        assertThat(Intervals.parse("00:00:01.5")).isEqualTo(new Interval(0, 0, 1_500_000));
    }

    @Test
    void rejectsWhatItCannotRead() {
        for (String text : new String[] {"1.5 hours", "1 fortnight", "day", "x"}) {
            QuiverException e = catchThrowableOfType(QuiverException.class, () -> Intervals.parse(text));
            assertThat(e).as(text).isNotNull();
            assertThat(e.sqlState()).isEqualTo(SqlState.INVALID_DATETIME_FORMAT);
            assertThat(e.getMessage()).isEqualTo("invalid input syntax for type interval: \"" + text + "\"");
        }
    }

    @Test
    void printsAsPostgresDoes() {
        assertThat(new Interval(14, 3, (4 * 3600 + 5 * 60 + 6) * SECOND)).hasToString("1 year 2 mons 3 days 04:05:06");
        assertThat(new Interval(0, 0, 0)).hasToString("00:00:00");
        // PostgreSQL pluralizes every value but 1, and marks a positive part after a negative one with '+'
        // (was "-1 mon", "-1 year -1 mon", "-1 day 02:00:00").
        assertThat(new Interval(-1, 0, 0)).hasToString("-1 mons");
        assertThat(new Interval(-13, 0, 0)).hasToString("-1 years -1 mons");
        assertThat(new Interval(-12, 2, 0)).hasToString("-1 years +2 days");
        assertThat(new Interval(0, -1, 2 * 3600 * SECOND)).hasToString("-1 days +02:00:00");
        assertThat(new Interval(0, 1, -2 * 3600 * SECOND)).hasToString("1 day -02:00:00");
        assertThat(new Interval(1, -1, 0)).hasToString("1 mon -1 days");
        assertThat(new Interval(0, 0, 100L * 3600 * SECOND)).hasToString("100:00:00");
        assertThat(new Interval(24, 1, 0)).hasToString("2 years 1 day");
        assertThat(new Interval(0, 0, -5400 * SECOND)).hasToString("-01:30:00");
        assertThat(new Interval(0, 0, 1_500_000)).hasToString("00:00:01.5");
        assertThat(new Interval(1, 2, 3).negate()).isEqualTo(new Interval(-1, -2, -3));
        assertThat(new Interval(1, 2, 0).isDateOnly()).isTrue();
        assertThat(new Interval(0, 0, 1).isDateOnly()).isFalse();
    }
}
