package dev.quiver.planner.type;

import static dev.quiver.planner.type.DataType.decimal;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.quiver.error.QuiverException;
import dev.quiver.error.SqlState;
import org.junit.jupiter.api.Test;

/**
 * Expected types are worked out by hand from the rules: addition keeps max scale and one more
 * integer digit than the wider operand; multiplication adds precisions and scales; division and
 * modulus follow SQL Server's documented table (precision and scale of the result, docs page
 * "Precision, scale, and length (Transact-SQL)"):
 * <pre>
 *   e1 / e2:  p = p1 - s1 + s2 + max(6, s1 + p2 + 1),  s = max(6, s1 + p2 + 1)
 *   e1 % e2:  p = min(p1 - s1, p2 - s2) + max(s1, s2),  s = max(s1, s2)
 * </pre>
 * and, when p exceeds 38, the integer part (p - s) is kept and the scale becomes
 * min(s, 38 - (p - s)) if the integer part is below 32, else min(s, 6) — never below 6 unless it
 * already was.
 */
class DecimalTypeRulesTest {
    @Test
    void addition() {
        // TPC-H: 1 + l_tax, the literal 1 typed DECIMAL(1,0): scale 2, integer digits max(1, 13) + 1.
        assertThat(DecimalTypeRules.add(decimal(1, 0), decimal(15, 2))).isEqualTo(decimal(16, 2));
        assertThat(DecimalTypeRules.add(decimal(15, 2), decimal(15, 2))).isEqualTo(decimal(16, 2));
        assertThat(DecimalTypeRules.add(decimal(10, 0), decimal(5, 5))).isEqualTo(decimal(16, 5));
        // 29 integer digits + 1 + scale 10 = 40, capped at 38 keeping the scale.
        assertThat(DecimalTypeRules.add(decimal(38, 10), decimal(38, 10))).isEqualTo(decimal(38, 10));
    }

    @Test
    void multiplication() {
        assertThat(DecimalTypeRules.multiply(decimal(15, 2), decimal(15, 2))).isEqualTo(decimal(30, 4));
        // l_extendedprice * (1 - l_discount) * (1 + l_tax): (15,2)*(16,2) = (31,4); (31,4)*(16,2) = 47 digits -> 38, scale 6.
        assertThat(DecimalTypeRules.multiply(decimal(15, 2), decimal(16, 2))).isEqualTo(decimal(31, 4));
        assertThat(DecimalTypeRules.multiply(decimal(31, 4), decimal(16, 2))).isEqualTo(decimal(38, 6));
        assertThat(DecimalTypeRules.multiply(decimal(1, 0), decimal(15, 2))).isEqualTo(decimal(16, 2));
        // Precision capped, scale kept: 38 + 38 -> 38, scale 10 + 10.
        assertThat(DecimalTypeRules.multiply(decimal(38, 10), decimal(38, 10))).isEqualTo(decimal(38, 20));
        // Exactly 38 fractional digits still fits.
        assertThat(DecimalTypeRules.multiply(decimal(20, 19), decimal(20, 19))).isEqualTo(decimal(38, 38));
    }

    @Test
    void multiplicationNeedingMoreThan38FractionalDigitsFails() {
        assertThatThrownBy(() -> DecimalTypeRules.multiply(decimal(38, 20), decimal(38, 20)))
                .isInstanceOfSatisfying(QuiverException.class, e -> {
                    assertThat(e.sqlState()).isEqualTo(SqlState.NUMERIC_VALUE_OUT_OF_RANGE);
                    assertThat(e.getMessage()).isEqualTo("product of DECIMAL(38,20) and DECIMAL(38,20) needs scale 40, more than 38;"
                            + " cast an operand to a smaller scale or to DOUBLE");
                });
    }

    @Test
    void divisionWithinPrecision() {
        // (15,2)/(15,2): s = max(6, 2 + 15 + 1) = 18, p = 15 - 2 + 2 + 18 = 33.
        assertThat(DecimalTypeRules.divide(decimal(15, 2), decimal(15, 2))).isEqualTo(decimal(33, 18));
        // (15,2)/(1,0): s = max(6, 2 + 1 + 1) = 6, p = 13 + 0 + 6 = 19.
        assertThat(DecimalTypeRules.divide(decimal(15, 2), decimal(1, 0))).isEqualTo(decimal(19, 6));
        // INTEGER / (15,2): (10,0)/(15,2): s = max(6, 0 + 15 + 1) = 16, p = 10 + 2 + 16 = 28.
        assertThat(DecimalTypeRules.divide(decimal(10, 0), decimal(15, 2))).isEqualTo(decimal(28, 16));
        // 10 / 4.0 = (2,0)/(2,1): s = max(6, 0 + 2 + 1) = 6, p = 2 + 1 + 6 = 9.
        assertThat(DecimalTypeRules.divide(decimal(2, 0), decimal(2, 1))).isEqualTo(decimal(9, 6));
        // Exactly 38: (20,2)/(15,0): s = max(6, 2 + 15 + 1) = 18, p = 18 + 0 + 18 = 36; (22,2)/(15,0): p = 38.
        assertThat(DecimalTypeRules.divide(decimal(22, 2), decimal(15, 0))).isEqualTo(decimal(38, 18));
    }

    @Test
    void divisionPastPrecisionKeepsIntegerDigitsWhenBelow26() {
        // (19,0)/(15,2): s = max(6, 0 + 15 + 1) = 16, p = 19 + 2 + 16 = 37 fits. Make it pass 38:
        // (22,0)/(15,2): s = 16, p = 22 + 2 + 16 = 40; integer part 24 < 26 -> s = min(16, 38 - 24) = 14.
        assertThat(DecimalTypeRules.divide(decimal(22, 0), decimal(15, 2))).isEqualTo(decimal(38, 14));
        // (25,0)/(15,2): integer part 27: the scale stops at 12, one integer digit short (overflow is a run-time error).
        assertThat(DecimalTypeRules.divide(decimal(25, 0), decimal(15, 2))).isEqualTo(decimal(38, 12));
    }

    @Test
    void divisionPastPrecisionWithLargeIntegerPartKeepsTwelveFractionalDigits() {
        // (38,10)/(38,10): s = max(6, 10 + 38 + 1) = 49, p = 28 + 10 + 49 = 87; integer part 38 -> s = 12.
        assertThat(DecimalTypeRules.divide(decimal(38, 10), decimal(38, 10))).isEqualTo(decimal(38, 12));
        // TPC-H Q8's market share: sum over DECIMAL(38,4) / sum over DECIMAL(38,4): a ratio near 0.03 keeps 10 significant digits.
        assertThat(DecimalTypeRules.divide(decimal(38, 4), decimal(38, 4))).isEqualTo(decimal(38, 12));
        // (38,0)/(38,38): s = 39, p = 38 + 38 + 39 = 115; integer part 76 -> 12.
        assertThat(DecimalTypeRules.divide(decimal(38, 0), decimal(38, 38))).isEqualTo(decimal(38, 12));
        // (30,0)/(2,2): s = max(6, 0 + 2 + 1) = 6, p = 30 + 2 + 6 = 38 fits as is.
        assertThat(DecimalTypeRules.divide(decimal(30, 0), decimal(2, 2))).isEqualTo(decimal(38, 6));
        // (33,0)/(3,2): s = 6, p = 33 + 2 + 6 = 41: a scale of 6 is never raised by the reduction.
        assertThat(DecimalTypeRules.divide(decimal(33, 0), decimal(3, 2))).isEqualTo(decimal(38, 6));
    }

    @Test
    void modulus() {
        // (15,2) % (10,0): p = min(13, 10) + 2 = 12, s = 2.
        assertThat(DecimalTypeRules.modulus(decimal(15, 2), decimal(10, 0))).isEqualTo(decimal(12, 2));
        // (5,5) % (3,3): p = min(0, 0) + 5 = 5, s = 5.
        assertThat(DecimalTypeRules.modulus(decimal(5, 5), decimal(3, 3))).isEqualTo(decimal(5, 5));
        // (38,10) % (38,20): p = min(28, 18) + 20 = 38, s = 20.
        assertThat(DecimalTypeRules.modulus(decimal(38, 10), decimal(38, 20))).isEqualTo(decimal(38, 20));
    }
}
