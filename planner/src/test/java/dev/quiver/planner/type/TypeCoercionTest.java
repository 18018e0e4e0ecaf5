package dev.quiver.planner.type;

import static dev.quiver.planner.type.DataType.BIGINT;
import static dev.quiver.planner.type.DataType.BOOLEAN;
import static dev.quiver.planner.type.DataType.DATE;
import static dev.quiver.planner.type.DataType.DOUBLE;
import static dev.quiver.planner.type.DataType.INTEGER;
import static dev.quiver.planner.type.DataType.INTERVAL;
import static dev.quiver.planner.type.DataType.REAL;
import static dev.quiver.planner.type.DataType.SMALLINT;
import static dev.quiver.planner.type.DataType.TIMESTAMP;
import static dev.quiver.planner.type.DataType.TINYINT;
import static dev.quiver.planner.type.DataType.UNKNOWN;
import static dev.quiver.planner.type.DataType.VARCHAR;
import static dev.quiver.planner.type.DataType.decimal;
import static dev.quiver.planner.type.DataType.varchar;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.quiver.error.QuiverException;
import dev.quiver.error.SqlState;
import java.util.List;
import org.junit.jupiter.api.Test;

class TypeCoercionTest {
    /** Asserts the common type both ways round: the relation is symmetric. */
    private static void common(DataType a, DataType b, DataType expected) {
        assertThat(TypeCoercion.commonSuperType(a, b)).as("%s, %s", a, b).contains(expected);
        assertThat(TypeCoercion.commonSuperType(b, a)).as("%s, %s", b, a).contains(expected);
    }

    private static void none(DataType a, DataType b) {
        assertThat(TypeCoercion.commonSuperType(a, b)).as("%s, %s", a, b).isEmpty();
        assertThat(TypeCoercion.commonSuperType(b, a)).as("%s, %s", b, a).isEmpty();
    }

    @Test
    void sameTypeIsItsOwnCommonType() {
        for (DataType t : List.of(BOOLEAN, TINYINT, SMALLINT, INTEGER, BIGINT, REAL, DOUBLE, VARCHAR, DATE, TIMESTAMP, INTERVAL,
                decimal(15, 2), varchar(3))) {
            common(t, t, t);
        }
    }

    @Test
    void nullMeetsAnythingAsThatType() {
        common(UNKNOWN, UNKNOWN, UNKNOWN);
        for (DataType t : List.of(BOOLEAN, INTEGER, decimal(15, 2), VARCHAR, DATE, INTERVAL)) {
            common(UNKNOWN, t, t);
        }
    }

    @Test
    void integersWidenToTheWiderInteger() {
        common(TINYINT, SMALLINT, SMALLINT);
        common(TINYINT, BIGINT, BIGINT);
        common(SMALLINT, INTEGER, INTEGER);
        common(INTEGER, BIGINT, BIGINT);
    }

    @Test
    void integersAndDecimalsMeetInADecimalHoldingBoth() {
        // INTEGER needs 10 integer digits, DECIMAL(15,2) has 13: 13 + 2 = 15 digits.
        common(INTEGER, decimal(15, 2), decimal(15, 2));
        // BIGINT needs 19 integer digits, plus scale 2 = 21.
        common(BIGINT, decimal(15, 2), decimal(21, 2));
        // SMALLINT (5 digits) next to DECIMAL(3,1) (2 integer digits): 5 + 1.
        common(SMALLINT, decimal(3, 1), decimal(6, 1));
        // Two decimals: the most integer digits (12 vs 3) and the largest scale (1 vs 5).
        common(decimal(13, 1), decimal(8, 5), decimal(17, 5));
        // Capped at 38 digits: DECIMAL(38,0) and DECIMAL(38,10) would need 48.
        common(decimal(38, 0), decimal(38, 10), decimal(38, 10));
        common(BIGINT, decimal(38, 30), decimal(38, 30));
    }

    @Test
    void anythingExactMeetsAnApproximateNumberAsDouble() {
        common(INTEGER, DOUBLE, DOUBLE);
        common(decimal(15, 2), DOUBLE, DOUBLE);
        common(decimal(15, 2), REAL, DOUBLE);
        common(BIGINT, REAL, DOUBLE);
        common(REAL, DOUBLE, DOUBLE);
        common(REAL, REAL, REAL);
    }

    @Test
    void datesMeetTimestampsAsTimestamp() {
        common(DATE, TIMESTAMP, TIMESTAMP);
    }

    @Test
    void varcharsMeetAsTheLongerOrUnbounded() {
        common(varchar(3), varchar(10), varchar(10));
        common(varchar(3), VARCHAR, VARCHAR);
    }

    @Test
    void unrelatedTypesHaveNoCommonType() {
        none(INTEGER, VARCHAR);
        none(decimal(15, 2), VARCHAR);
        none(DATE, VARCHAR);
        none(DATE, INTEGER);
        none(BOOLEAN, INTEGER);
        none(INTERVAL, DATE);
        none(INTERVAL, BIGINT);
        none(BOOLEAN, VARCHAR);
    }

    @Test
    void implicitCoercionOnlyWidens() {
        assertThat(TypeCoercion.canCoerce(INTEGER, BIGINT)).isTrue();
        assertThat(TypeCoercion.canCoerce(BIGINT, INTEGER)).isFalse();
        assertThat(TypeCoercion.canCoerce(INTEGER, decimal(15, 2))).isTrue();
        assertThat(TypeCoercion.canCoerce(INTEGER, decimal(5, 2))).as("needs 10 integer digits").isFalse();
        assertThat(TypeCoercion.canCoerce(decimal(15, 2), DOUBLE)).isTrue();
        assertThat(TypeCoercion.canCoerce(DOUBLE, decimal(15, 2))).isFalse();
        assertThat(TypeCoercion.canCoerce(DATE, TIMESTAMP)).isTrue();
        assertThat(TypeCoercion.canCoerce(TIMESTAMP, DATE)).isFalse();
        assertThat(TypeCoercion.canCoerce(UNKNOWN, DATE)).isTrue();
        assertThat(TypeCoercion.canCoerce(VARCHAR, INTEGER)).as("strings never convert implicitly").isFalse();
        assertThat(TypeCoercion.canCoerce(VARCHAR, DATE)).isFalse();
    }

    @Test
    void assignmentAcceptsNarrowingNumbersStringsAndDatetimes() {
        assertThat(TypeCoercion.canAssign(BIGINT, INTEGER)).isTrue();
        assertThat(TypeCoercion.canAssign(DOUBLE, decimal(15, 2))).isTrue();
        assertThat(TypeCoercion.canAssign(VARCHAR, varchar(1))).isTrue();
        assertThat(TypeCoercion.canAssign(TIMESTAMP, DATE)).isTrue();
        assertThat(TypeCoercion.canAssign(VARCHAR, INTEGER)).isFalse();
        assertThat(TypeCoercion.canAssign(INTEGER, DATE)).isFalse();
        assertThat(TypeCoercion.canAssign(BOOLEAN, INTEGER)).isFalse();
        assertThat(TypeCoercion.canAssign(INTEGER, VARCHAR)).isFalse();
    }

    @Test
    void decimalParametersAreChecked() {
        assertThatThrownBy(() -> decimal(39, 0)).isInstanceOfSatisfying(QuiverException.class, e -> {
            assertThat(e.sqlState()).isEqualTo(SqlState.INVALID_PARAMETER_VALUE);
            assertThat(e.getMessage()).isEqualTo("invalid DECIMAL(39,0): precision must be 1 to 38 and scale 0 to precision");
        });
        assertThatThrownBy(() -> decimal(5, 6)).isInstanceOf(QuiverException.class);
        assertThatThrownBy(() -> decimal(0, 0)).isInstanceOf(QuiverException.class);
        assertThat(decimal(18, 2).isShortDecimal()).isTrue();
        assertThat(decimal(19, 2).isLongDecimal()).isTrue();
        assertThat(INTEGER.asDecimal()).isEqualTo(decimal(10, 0));
        assertThat(BIGINT.asDecimal()).isEqualTo(decimal(19, 0));
        assertThat(TINYINT.asDecimal()).isEqualTo(decimal(3, 0));
        assertThat(decimal(15, 2).integerDigits()).isEqualTo(13);
        assertThat(varchar(0)).isEqualTo(VARCHAR);
        assertThat(decimal(15, 2)).hasToString("DECIMAL(15,2)");
        assertThat(varchar(10)).hasToString("VARCHAR(10)");
        assertThat(UNKNOWN).hasToString("NULL");
    }
}
