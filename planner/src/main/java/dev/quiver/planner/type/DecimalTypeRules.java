package dev.quiver.planner.type;

import dev.quiver.error.QuiverException;
import dev.quiver.error.SqlState;

/**
 * Result types of decimal arithmetic. Addition, subtraction and multiplication are exact: the
 * result type holds every possible result (capped at 38 digits, where overflow becomes a run-time
 * error). Division and modulus follow the rules documented for SQL Server's {@code decimal} (also
 * Spark's): the scale keeps at least 6 fractional digits, and when the precision would pass 38 the
 * scale gives way to integer digits — down to 12 rather than their 6, so that small ratios keep
 * their precision (a quotient too large for the remaining integer digits is an overflow error).
 */
public final class DecimalTypeRules {
    private static final int MAX = DataType.MAX_DECIMAL_PRECISION;
    /** Fewest fractional digits a quotient keeps (SQL Server's minimum scale for division). */
    static final int MIN_DIVISION_SCALE = 6;
    /**
     * Fewest fractional digits a quotient keeps when 38 digits cannot hold all the operands' digits:
     * SQL Server's 6 leaves a ratio like 0.0286 with four significant digits; 12 keep quotients down
     * to 1e-6 exact to 1e-6 relative (TPC-H's market shares) and still leave 26 integer digits.
     */
    static final int MIN_REDUCED_DIVISION_SCALE = 12;

    private DecimalTypeRules() {
    }

    public static DataType add(DataType a, DataType b) {
        int scale = Math.max(a.scale(), b.scale());
        int integerDigits = Math.max(a.precision() - a.scale(), b.precision() - b.scale()) + 1;
        return bounded(integerDigits + scale, scale);
    }

    public static DataType multiply(DataType a, DataType b) {
        int scale = a.scale() + b.scale();
        if (scale > MAX) {
            throw new QuiverException(SqlState.NUMERIC_VALUE_OUT_OF_RANGE,
                    "product of " + a + " and " + b + " needs scale " + scale + ", more than " + MAX
                            + "; cast an operand to a smaller scale or to DOUBLE");
        }
        return bounded(a.precision() + b.precision(), scale);
    }

    public static DataType divide(DataType a, DataType b) {
        int scale = Math.max(MIN_DIVISION_SCALE, a.scale() + b.precision() + 1);
        int precision = a.precision() - a.scale() + b.scale() + scale;
        return reduceScale(precision, scale);
    }

    public static DataType modulus(DataType a, DataType b) {
        int scale = Math.max(a.scale(), b.scale());
        int precision = Math.min(a.precision() - a.scale(), b.precision() - b.scale()) + scale;
        return bounded(Math.max(precision, 1), scale);
    }

    private static DataType bounded(int precision, int scale) {
        return DataType.decimal(Math.min(MAX, precision), Math.min(scale, Math.min(MAX, precision)));
    }

    /** When precision exceeds 38, keep the integer digits and shrink the scale, to no fewer than 12. */
    private static DataType reduceScale(int precision, int scale) {
        if (precision <= MAX) {
            return DataType.decimal(precision, scale);
        }
        int integerDigits = precision - scale;
        int reduced = Math.max(MAX - integerDigits, Math.min(scale, MIN_REDUCED_DIVISION_SCALE));
        return DataType.decimal(MAX, Math.min(reduced, MAX));
    }
}
