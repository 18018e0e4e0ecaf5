package dev.quiver.planner.type;

import dev.quiver.error.QuiverException;
import dev.quiver.error.SqlState;
import java.time.DateTimeException;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.util.Locale;

/**
 * Text forms of DATE and TIMESTAMP, shared by literal binding and run-time casts so both accept and
 * print exactly the same strings. Dates are ISO {@code yyyy-mm-dd} (years 1..9999, leading and
 * trailing spaces ignored); timestamps add {@code [T| ]hh:mm[:ss[.ffffff]]}.
 */
public final class DateTimes {
    public static final long MICROS_PER_SECOND = 1_000_000L;
    public static final long MICROS_PER_DAY = 86_400L * MICROS_PER_SECOND;
    private static final int MIN_EPOCH_DAY = (int) LocalDate.of(1, 1, 1).toEpochDay();
    private static final int MAX_EPOCH_DAY = (int) LocalDate.of(9999, 12, 31).toEpochDay();

    private DateTimes() {
    }

    /** Days since 1970-01-01 of an ISO date string. */
    public static int parseDate(String text) {
        String s = text.trim();
        int[] f = new int[3];
        int end;
        try {
            end = parseDateFields(s, f);
        } catch (QuiverException e) {
            throw invalid("date", text); // the field parser cannot tell which type it is reading for
        }
        if (end != s.length()) {
            throw invalid("date", text);
        }
        return toEpochDay(text, f[0], f[1], f[2]);
    }

    /** Microseconds since 1970-01-01 00:00:00 of an ISO timestamp string (a bare date means midnight). */
    public static long parseTimestamp(String text) {
        try {
            return parseTimestampFields(text);
        } catch (QuiverException e) {
            // The field parsers cannot tell which type they are reading for; range errors keep their own message.
            throw SqlState.INVALID_DATETIME_FORMAT.equals(e.sqlState()) ? invalid("timestamp", text) : e;
        }
    }

    private static long parseTimestampFields(String text) {
        String s = text.trim();
        int[] f = new int[3];
        int p = parseDateFields(s, f);
        long days = toEpochDay(text, f[0], f[1], f[2]);
        long micros = 0;
        if (p < s.length()) {
            if (s.charAt(p) != ' ' && s.charAt(p) != 'T') {
                throw invalid("timestamp", text);
            }
            p++;
            int[] pos = {p};
            int hour = digits(s, pos, 1, 2, text);
            expect(s, pos, ':', text);
            int minute = digits(s, pos, 2, 2, text);
            int second = 0;
            long fraction = 0;
            if (pos[0] < s.length() && s.charAt(pos[0]) == ':') {
                pos[0]++;
                second = digits(s, pos, 2, 2, text);
                if (pos[0] < s.length() && s.charAt(pos[0]) == '.') {
                    pos[0]++;
                    int start = pos[0];
                    int frac = digits(s, pos, 1, 9, text);
                    int n = pos[0] - start;
                    fraction = n <= 6 ? frac * pow10(6 - n) : frac / pow10(n - 6);
                }
            }
            if (pos[0] != s.length() || hour > 23 || minute > 59 || second > 59) {
                throw invalid("timestamp", text);
            }
            micros = ((hour * 60L + minute) * 60L + second) * MICROS_PER_SECOND + fraction;
        }
        return days * MICROS_PER_DAY + micros;
    }

    public static String formatDate(int epochDay) {
        return LocalDate.ofEpochDay(epochDay).toString();
    }

    public static String formatTimestamp(long micros) {
        long days = Math.floorDiv(micros, MICROS_PER_DAY);
        long inDay = Math.floorMod(micros, MICROS_PER_DAY);
        long seconds = inDay / MICROS_PER_SECOND;
        long fraction = inDay % MICROS_PER_SECOND;
        String time = String.format(Locale.ROOT, "%02d:%02d:%02d", seconds / 3600, (seconds / 60) % 60, seconds % 60);
        if (fraction != 0) {
            time += String.format(Locale.ROOT, ".%06d", fraction).replaceAll("0+$", "");
        }
        return LocalDate.ofEpochDay(days) + " " + time;
    }

    /** Checks that a day number is within years 1..9999 (the range Quiver stores and prints). */
    public static int checkDateRange(long epochDay) {
        if (epochDay < MIN_EPOCH_DAY || epochDay > MAX_EPOCH_DAY) {
            throw new QuiverException(SqlState.DATETIME_FIELD_OVERFLOW, "date out of range: years must be 1 to 9999");
        }
        return (int) epochDay;
    }

    public static LocalDateTime toLocalDateTime(long micros) {
        return LocalDateTime.ofEpochSecond(Math.floorDiv(micros, MICROS_PER_SECOND),
                (int) Math.floorMod(micros, MICROS_PER_SECOND) * 1000, ZoneOffset.UTC);
    }

    private static int parseDateFields(String s, int[] f) {
        int[] pos = {0};
        f[0] = digits(s, pos, 1, 4, s);
        expect(s, pos, '-', s);
        f[1] = digits(s, pos, 1, 2, s);
        expect(s, pos, '-', s);
        f[2] = digits(s, pos, 1, 2, s);
        return pos[0];
    }

    private static int toEpochDay(String text, int year, int month, int day) {
        if (year < 1 || year > 9999) {
            throw new QuiverException(SqlState.DATETIME_FIELD_OVERFLOW, "date out of range: \"" + text + "\"");
        }
        try {
            return (int) LocalDate.of(year, month, day).toEpochDay();
        } catch (DateTimeException e) {
            throw new QuiverException(SqlState.DATETIME_FIELD_OVERFLOW, "date/time field value out of range: \"" + text + "\"");
        }
    }

    private static int digits(String s, int[] pos, int min, int max, String text) {
        int p = pos[0];
        int value = 0;
        int n = 0;
        while (p < s.length() && n < max && Character.isDigit(s.charAt(p)) && s.charAt(p) < 128) {
            value = value * 10 + (s.charAt(p) - '0');
            p++;
            n++;
        }
        if (n < min) {
            throw invalid(text.contains(":") ? "timestamp" : "date", text);
        }
        pos[0] = p;
        return value;
    }

    private static void expect(String s, int[] pos, char c, String text) {
        if (pos[0] >= s.length() || s.charAt(pos[0]) != c) {
            throw invalid(text.contains(":") ? "timestamp" : "date", text);
        }
        pos[0]++;
    }

    private static int pow10(int n) {
        int r = 1;
        for (int i = 0; i < n; i++) {
            r *= 10;
        }
        return r;
    }

    private static QuiverException invalid(String what, String text) {
        return new QuiverException(SqlState.INVALID_DATETIME_FORMAT,
                "invalid input syntax for type " + what + ": \"" + text + "\" (expected " +
                        ("date".equals(what) ? "YYYY-MM-DD" : "YYYY-MM-DD HH:MM:SS[.ffffff]") + ")");
    }
}
