package dev.quiver.planner.type;

import static dev.quiver.planner.type.DataType.BIGINT;
import static dev.quiver.planner.type.DataType.DOUBLE;
import static dev.quiver.planner.type.DataType.INTEGER;
import static dev.quiver.planner.type.DataType.REAL;
import static dev.quiver.planner.type.DataType.SMALLINT;
import static dev.quiver.planner.type.DataType.TINYINT;
import static dev.quiver.planner.type.DataType.decimal;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import dev.quiver.error.QuiverException;
import dev.quiver.error.SqlState;
import java.math.BigDecimal;
import java.math.BigInteger;
import java.util.Locale;
import org.junit.jupiter.api.Test;
import org.assertj.core.api.ThrowableAssert.ThrowingCallable;

class TextParsingTest {
    private static QuiverException error(ThrowingCallable call) {
        QuiverException e = catchThrowableOfType(QuiverException.class, call);
        assertThat(e).isNotNull();
        return e;
    }

    @Test
    void integers() {
        assertThat(TextParsing.parseIntegral(" 42 ", INTEGER)).isEqualTo(42);
        assertThat(TextParsing.parseIntegral("+7", INTEGER)).isEqualTo(7);
        assertThat(TextParsing.parseIntegral("-2147483648", INTEGER)).isEqualTo(Integer.MIN_VALUE);
        assertThat(TextParsing.parseIntegral("2147483647", INTEGER)).isEqualTo(Integer.MAX_VALUE);
        assertThat(TextParsing.parseIntegral("127", TINYINT)).isEqualTo(127);
        assertThat(TextParsing.parseIntegral("-128", TINYINT)).isEqualTo(-128);
        assertThat(TextParsing.parseIntegral("-32768", SMALLINT)).isEqualTo(-32768);
        assertThat(TextParsing.parseIntegral("9223372036854775807", BIGINT)).isEqualTo(Long.MAX_VALUE);
    }

    @Test
    void integersOutOfRange() {
        QuiverException e = error(() -> TextParsing.parseIntegral("2147483648", INTEGER));
        assertThat(e.sqlState()).isEqualTo(SqlState.NUMERIC_VALUE_OUT_OF_RANGE);
        assertThat(e.getMessage()).isEqualTo("integer out of range");
        assertThat(error(() -> TextParsing.parseIntegral("128", TINYINT)).getMessage()).isEqualTo("tinyint out of range");
        assertThat(error(() -> TextParsing.parseIntegral("-32769", SMALLINT)).getMessage()).isEqualTo("smallint out of range");
        assertThat(error(() -> TextParsing.parseIntegral("99999999999999999999", BIGINT)).getMessage()).isEqualTo("bigint out of range");
        assertThat(error(() -> TextParsing.parseIntegral("-9223372036854775809", BIGINT)).getMessage()).isEqualTo("bigint out of range");
        assertThat(error(() -> TextParsing.checkIntegralRange(300, TINYINT)).getMessage()).isEqualTo("tinyint out of range");
    }

    @Test
    void malformedIntegers() {
        // "+-1" and "++1" were read as -1 and 1, and non-ASCII digits as numbers, before the syntax check.
        for (String text : new String[] {"4.0", "", " ", "1e3", "x", "- 1", "1 2", "0x10", "++1", "+-1", "１２", "٣"}) {
            QuiverException e = error(() -> TextParsing.parseIntegral(text, INTEGER));
            assertThat(e.sqlState()).as(text).isEqualTo(SqlState.INVALID_TEXT_REPRESENTATION);
            assertThat(e.getMessage()).as(text).isEqualTo("invalid input syntax for type integer: \"" + text + "\"");
        }
    }

    @Test
    void decimalsRoundHalfAwayFromZero() {
        assertThat(TextParsing.parseDecimal("1.005", decimal(5, 2))).isEqualTo(new BigDecimal("1.01"));
        assertThat(TextParsing.parseDecimal("-1.005", decimal(5, 2))).isEqualTo(new BigDecimal("-1.01"));
        assertThat(TextParsing.parseDecimal("1.004", decimal(5, 2))).isEqualTo(new BigDecimal("1.00"));
        assertThat(TextParsing.parseDecimal("-0.005", decimal(5, 2))).isEqualTo(new BigDecimal("-0.01"));
        // Half-even would give 2 and -2 here.
        assertThat(TextParsing.parseDecimal("2.5", decimal(1, 0))).isEqualTo(new BigDecimal("3"));
        assertThat(TextParsing.parseDecimal("-2.5", decimal(1, 0))).isEqualTo(new BigDecimal("-3"));
        assertThat(TextParsing.parseDecimal("0.5", decimal(1, 0))).isEqualTo(new BigDecimal("1"));
    }

    @Test
    void decimalsTakeTheTypeScale() {
        assertThat(TextParsing.parseDecimal(" +3.14 ", decimal(5, 2))).isEqualTo(new BigDecimal("3.14"));
        assertThat(TextParsing.parseDecimal("1e2", decimal(5, 2))).isEqualTo(new BigDecimal("100.00"));
        assertThat(TextParsing.parseDecimal("7", decimal(5, 2)).scale()).isEqualTo(2);
        assertThat(TextParsing.parseDecimal("0.0001", decimal(3, 2))).isEqualTo(new BigDecimal("0.00"));
        assertThat(TextParsing.parseDecimal("999.994", decimal(5, 2))).isEqualTo(new BigDecimal("999.99"));
        assertThat(TextParsing.parseDecimal("-999.99", decimal(5, 2))).isEqualTo(new BigDecimal("-999.99"));
        assertThat(TextParsing.unscaled(new BigDecimal("1.50"), 2)).isEqualTo(BigInteger.valueOf(150));
    }

    @Test
    void decimalsThatNeedMoreIntegerDigitsOverflow() {
        // 999.995 rounds to 1000.00: four integer digits where DECIMAL(5,2) has three.
        QuiverException e = error(() -> TextParsing.parseDecimal("999.995", decimal(5, 2)));
        assertThat(e.sqlState()).isEqualTo(SqlState.NUMERIC_VALUE_OUT_OF_RANGE);
        assertThat(e.getMessage()).isEqualTo(
                "numeric field overflow: a field with precision 5, scale 2 must round to an absolute value less than 10^3");
        assertThat(error(() -> TextParsing.parseDecimal("0.999", decimal(2, 2))).getMessage())
                .isEqualTo("numeric field overflow: a field with precision 2, scale 2 must round to an absolute value less than 10^0");
        assertThat(error(() -> TextParsing.parseDecimal("-1000", decimal(5, 2))).sqlState()).isEqualTo(SqlState.NUMERIC_VALUE_OUT_OF_RANGE);
        // A huge exponent fails at once: 1e99999999 used to be expanded digit by digit (about a minute of CPU),
        // 1e999999999 escaped as an ArithmeticException, and 1e-999999999 likewise.
        assertThat(error(() -> TextParsing.parseDecimal("1e99999999", decimal(5, 2))).sqlState())
                .isEqualTo(SqlState.NUMERIC_VALUE_OUT_OF_RANGE);
        assertThat(error(() -> TextParsing.parseDecimal("1e999999999", decimal(5, 2))).sqlState())
                .isEqualTo(SqlState.NUMERIC_VALUE_OUT_OF_RANGE);
        assertThat(TextParsing.parseDecimal("1e-999999999", decimal(5, 2))).isEqualTo(new BigDecimal("0.00"));
    }

    @Test
    void malformedDecimals() {
        QuiverException e = error(() -> TextParsing.parseDecimal("abc", decimal(5, 2)));
        assertThat(e.sqlState()).isEqualTo(SqlState.INVALID_TEXT_REPRESENTATION);
        assertThat(e.getMessage()).isEqualTo("invalid input syntax for type decimal(5,2): \"abc\"");
        assertThat(error(() -> TextParsing.parseDecimal("1.2.3", decimal(5, 2))).sqlState()).isEqualTo(SqlState.INVALID_TEXT_REPRESENTATION);
        for (String text : new String[] {"", "+-1", "++1", "１.5", "1e99999999999"}) {
            assertThat(error(() -> TextParsing.parseDecimal(text, decimal(5, 2))).getMessage()).as(text)
                    .isEqualTo("invalid input syntax for type decimal(5,2): \"" + text + "\"");
        }
    }

    @Test
    void doubles() {
        assertThat(TextParsing.parseDouble("1.5", DOUBLE)).isEqualTo(1.5);
        assertThat(TextParsing.parseDouble("  -2e3 ", DOUBLE)).isEqualTo(-2000.0);
        assertThat(TextParsing.parseDouble(".5", DOUBLE)).isEqualTo(0.5);
        assertThat(TextParsing.parseDouble("5.", DOUBLE)).isEqualTo(5.0);
        assertThat(TextParsing.parseDouble("1E-400", DOUBLE)).as("underflow is zero").isEqualTo(0.0);
        assertThat(TextParsing.parseDouble("NaN", DOUBLE)).isNaN();
        assertThat(TextParsing.parseDouble("Infinity", DOUBLE)).isEqualTo(Double.POSITIVE_INFINITY);
        assertThat(TextParsing.parseDouble("+infinity", DOUBLE)).isEqualTo(Double.POSITIVE_INFINITY);
        assertThat(TextParsing.parseDouble("-inf", DOUBLE)).isEqualTo(Double.NEGATIVE_INFINITY);
        assertThat(TextParsing.parseDouble("0.1", REAL)).as("REAL keeps float precision").isEqualTo((double) 0.1f);
        assertThat(TextParsing.parseDouble("3.4e38", REAL)).isEqualTo((double) 3.4e38f);
    }

    @Test
    void doublesOutOfRangeOrMalformed() {
        QuiverException big = error(() -> TextParsing.parseDouble("1e400", DOUBLE));
        assertThat(big.sqlState()).isEqualTo(SqlState.NUMERIC_VALUE_OUT_OF_RANGE);
        assertThat(big.getMessage()).isEqualTo("\"1e400\" is out of range for type double");
        QuiverException real = error(() -> TextParsing.parseDouble("1e39", REAL));
        assertThat(real.sqlState()).isEqualTo(SqlState.NUMERIC_VALUE_OUT_OF_RANGE);
        assertThat(real.getMessage()).isEqualTo("real out of range");
        for (String text : new String[] {"0x10", "1.5.2", "", "e5", "1e", "abc", "1,5"}) {
            QuiverException e = error(() -> TextParsing.parseDouble(text, DOUBLE));
            assertThat(e.sqlState()).as(text).isEqualTo(SqlState.INVALID_TEXT_REPRESENTATION);
            assertThat(e.getMessage()).as(text).isEqualTo("invalid input syntax for type double: \"" + text + "\"");
        }
    }

    @Test
    void booleans() {
        for (String t : new String[] {"t", "true", "TRUE", " True ", "y", "yes", "on", "1"}) {
            assertThat(TextParsing.parseBoolean(t)).as(t).isTrue();
        }
        for (String f : new String[] {"f", "false", "FALSE", "n", "no", "off", "0"}) {
            assertThat(TextParsing.parseBoolean(f)).as(f).isFalse();
        }
        QuiverException e = error(() -> TextParsing.parseBoolean("2"));
        assertThat(e.sqlState()).isEqualTo(SqlState.INVALID_TEXT_REPRESENTATION);
        assertThat(e.getMessage()).isEqualTo("invalid input syntax for type boolean: \"2\"");
    }

    @Test
    void resultsDoNotDependOnTheDefaultLocale() {
        Locale saved = Locale.getDefault();
        try {
            // Turkish lower-cases I to a dotless ı: "INFINITY" must still parse and messages must still say "integer".
            Locale.setDefault(Locale.forLanguageTag("tr-TR"));
            assertThat(TextParsing.parseDouble("INFINITY", DOUBLE)).isEqualTo(Double.POSITIVE_INFINITY);
            assertThat(error(() -> TextParsing.parseIntegral("2147483648", INTEGER)).getMessage()).isEqualTo("integer out of range");
            assertThat(error(() -> TextParsing.parseIntegral("x", INTEGER)).getMessage())
                    .isEqualTo("invalid input syntax for type integer: \"x\"");
            // Arabic (Egypt) formats digits as Arabic-Indic by default.
            Locale.setDefault(Locale.forLanguageTag("ar-EG"));
            assertThat(DateTimes.formatTimestamp(DateTimes.parseTimestamp("1998-12-01 12:34:56.5"))).isEqualTo("1998-12-01 12:34:56.5");
            assertThat(new Interval(0, 0, 5_400_000_000L)).hasToString("01:30:00");
        } finally {
            Locale.setDefault(saved);
        }
    }
}
