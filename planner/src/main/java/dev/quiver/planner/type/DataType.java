package dev.quiver.planner.type;

import static java.util.Objects.requireNonNull;

import dev.quiver.error.QuiverException;
import dev.quiver.error.SqlState;

/**
 * A SQL type: its {@link TypeId} plus parameters. For {@code DECIMAL} the parameters are precision
 * (1..38) and scale (0..precision); for {@code VARCHAR} precision is the maximum length in characters
 * (0 = unbounded); other types have no parameters (both 0).
 *
 * <p>Runtime representation, shared by the interpreter and generated code: BOOLEAN as a boolean;
 * integers as long (range-checked to their width); REAL and DOUBLE as double; DECIMAL with
 * precision ≤ {@value #MAX_SHORT_DECIMAL_PRECISION} as a scaled long, wider as a 128-bit integer;
 * VARCHAR as UTF-8 bytes; DATE as days since 1970-01-01 (int); TIMESTAMP as microseconds since
 * 1970-01-01 (long); INTERVAL as months, days and microseconds.
 */
public record DataType(TypeId id, int precision, int scale) {
    /** Decimals up to this precision are computed as a scaled {@code long}; wider ones as 128-bit. */
    public static final int MAX_SHORT_DECIMAL_PRECISION = 18;
    /** The widest decimal: 128-bit integers hold 38 decimal digits. */
    public static final int MAX_DECIMAL_PRECISION = 38;

    public static final DataType UNKNOWN = new DataType(TypeId.UNKNOWN, 0, 0);
    public static final DataType BOOLEAN = new DataType(TypeId.BOOLEAN, 0, 0);
    public static final DataType TINYINT = new DataType(TypeId.TINYINT, 0, 0);
    public static final DataType SMALLINT = new DataType(TypeId.SMALLINT, 0, 0);
    public static final DataType INTEGER = new DataType(TypeId.INTEGER, 0, 0);
    public static final DataType BIGINT = new DataType(TypeId.BIGINT, 0, 0);
    public static final DataType REAL = new DataType(TypeId.REAL, 0, 0);
    public static final DataType DOUBLE = new DataType(TypeId.DOUBLE, 0, 0);
    public static final DataType VARCHAR = new DataType(TypeId.VARCHAR, 0, 0);
    public static final DataType DATE = new DataType(TypeId.DATE, 0, 0);
    public static final DataType TIMESTAMP = new DataType(TypeId.TIMESTAMP, 0, 0);
    public static final DataType INTERVAL = new DataType(TypeId.INTERVAL, 0, 0);

    public DataType {
        requireNonNull(id, "id");
        if (id == TypeId.DECIMAL) {
            if (precision < 1 || precision > MAX_DECIMAL_PRECISION || scale < 0 || scale > precision) {
                throw new QuiverException(SqlState.INVALID_PARAMETER_VALUE,
                        "invalid DECIMAL(" + precision + "," + scale + "): precision must be 1 to "
                                + MAX_DECIMAL_PRECISION + " and scale 0 to precision");
            }
        } else if (id == TypeId.VARCHAR) {
            if (precision < 0 || scale != 0) {
                throw new QuiverException(SqlState.INVALID_PARAMETER_VALUE, "invalid VARCHAR length " + precision);
            }
        } else if (precision != 0 || scale != 0) {
            throw new IllegalArgumentException(id + " takes no parameters");
        }
    }

    public static DataType decimal(int precision, int scale) {
        return new DataType(TypeId.DECIMAL, precision, scale);
    }

    public static DataType varchar(int maxLength) {
        return maxLength == 0 ? VARCHAR : new DataType(TypeId.VARCHAR, maxLength, 0);
    }

    public boolean isUnknown() {
        return id == TypeId.UNKNOWN;
    }

    /** TINYINT, SMALLINT, INTEGER or BIGINT. */
    public boolean isIntegral() {
        return id == TypeId.TINYINT || id == TypeId.SMALLINT || id == TypeId.INTEGER || id == TypeId.BIGINT;
    }

    public boolean isDecimal() {
        return id == TypeId.DECIMAL;
    }

    /** A decimal computed as a scaled long. */
    public boolean isShortDecimal() {
        return id == TypeId.DECIMAL && precision <= MAX_SHORT_DECIMAL_PRECISION;
    }

    /** A decimal computed as a 128-bit integer. */
    public boolean isLongDecimal() {
        return id == TypeId.DECIMAL && precision > MAX_SHORT_DECIMAL_PRECISION;
    }

    /** Integral or decimal. */
    public boolean isExactNumeric() {
        return isIntegral() || isDecimal();
    }

    /** REAL or DOUBLE. */
    public boolean isApproximateNumeric() {
        return id == TypeId.REAL || id == TypeId.DOUBLE;
    }

    public boolean isNumeric() {
        return isExactNumeric() || isApproximateNumeric();
    }

    public boolean isString() {
        return id == TypeId.VARCHAR;
    }

    public boolean isDatetime() {
        return id == TypeId.DATE || id == TypeId.TIMESTAMP;
    }

    /** For VARCHAR: the maximum length, 0 if unbounded. */
    public int maxLength() {
        return id == TypeId.VARCHAR ? precision : 0;
    }

    /**
     * Decimal digits an integral type needs (TINYINT 3, SMALLINT 5, INTEGER 10, BIGINT 19); for a
     * decimal, its digits left of the point.
     */
    public int integerDigits() {
        return switch (id) {
            case TINYINT -> 3;
            case SMALLINT -> 5;
            case INTEGER -> 10;
            case BIGINT -> 19;
            case DECIMAL -> precision - scale;
            default -> throw new IllegalStateException(this + " is not exact numeric");
        };
    }

    /** The same numeric value range as a decimal: integral types become DECIMAL(digits, 0). */
    public DataType asDecimal() {
        if (isDecimal()) {
            return this;
        }
        return decimal(Math.min(MAX_DECIMAL_PRECISION, integerDigits()), 0);
    }

    @Override
    public String toString() {
        return switch (id) {
            case DECIMAL -> "DECIMAL(" + precision + "," + scale + ")";
            case VARCHAR -> precision == 0 ? "VARCHAR" : "VARCHAR(" + precision + ")";
            case UNKNOWN -> "NULL";
            default -> id.name();
        };
    }
}
