package dev.quiver.fuzz;

import java.util.Objects;

/**
 * The SQL type of a generated column or expression, as Quiver (and PostgreSQL) type it. The fuzzer
 * tracks types so that it generates only well-typed SQL: every generated expression has one, and
 * DECIMAL arithmetic is generated only while the result still fits in 38 digits.
 *
 * @param kind the type's family
 * @param precision total digits of a DECIMAL; 0 otherwise
 * @param scale fractional digits of a DECIMAL; 0 otherwise
 */
record FuzzType(Kind kind, int precision, int scale) {
    /** The widest DECIMAL both engines compute exactly. */
    static final int MAX_DECIMAL_PRECISION = 38;
    /**
     * Digits by which the engines' DECIMAL types of one expression may differ (Quiver, DuckDB and
     * this class type NULLIF, sums and rounding slightly differently): a near-38-digit DECIMAL is
     * combined with another only at the same scale, since DuckDB drops fractional digits past 38.
     */
    static final int WIDTH_MARGIN = 4;

    static final FuzzType BOOLEAN = new FuzzType(Kind.BOOLEAN, 0, 0);
    static final FuzzType INTEGER = new FuzzType(Kind.INTEGER, 0, 0);
    static final FuzzType BIGINT = new FuzzType(Kind.BIGINT, 0, 0);
    static final FuzzType DOUBLE = new FuzzType(Kind.DOUBLE, 0, 0);
    static final FuzzType VARCHAR = new FuzzType(Kind.VARCHAR, 0, 0);
    static final FuzzType DATE = new FuzzType(Kind.DATE, 0, 0);

    /** Type families; the letter names columns of the family, so that equally named columns are comparable. */
    enum Kind {
        BOOLEAN('b'), INTEGER('i'), BIGINT('i'), DOUBLE('f'), DECIMAL('d'), VARCHAR('s'), DATE('t');

        private final char letter;

        Kind(char letter) {
            this.letter = letter;
        }

        char letter() {
            return letter;
        }
    }

    FuzzType {
        Objects.requireNonNull(kind, "kind");
        if (kind == Kind.DECIMAL && (precision < 1 || precision > MAX_DECIMAL_PRECISION || scale < 0 || scale > precision)) {
            throw new IllegalArgumentException("DECIMAL(" + precision + "," + scale + ")");
        }
        if (kind != Kind.DECIMAL && (precision != 0 || scale != 0)) {
            throw new IllegalArgumentException(kind + " has no precision");
        }
    }

    static FuzzType decimal(int precision, int scale) {
        return new FuzzType(Kind.DECIMAL, precision, scale);
    }

    boolean isNumeric() {
        return kind == Kind.INTEGER || kind == Kind.BIGINT || kind == Kind.DOUBLE || kind == Kind.DECIMAL;
    }

    /** INTEGER or BIGINT. */
    boolean isInteger() {
        return kind == Kind.INTEGER || kind == Kind.BIGINT;
    }

    /** Whether two values of these types can be compared, and their columns combined by a set operation. */
    boolean comparableWith(FuzzType other) {
        return isNumeric() ? other.isNumeric() : kind == other.kind;
    }

    /** The type as written in a CREATE TABLE or CAST, the same in every dialect. */
    String sqlName() {
        return switch (kind) {
            case BOOLEAN -> "BOOLEAN";
            case INTEGER -> "INTEGER";
            case BIGINT -> "BIGINT";
            case DOUBLE -> "DOUBLE PRECISION";
            case DECIMAL -> "DECIMAL(" + precision + "," + scale + ")";
            case VARCHAR -> "VARCHAR";
            case DATE -> "DATE";
        };
    }

    /** Digits left of the decimal point that a value of this exact numeric type may have. */
    int integerDigits() {
        return switch (kind) {
            case INTEGER -> 10;
            case BIGINT -> 19;
            case DECIMAL -> precision - scale;
            default -> throw new IllegalStateException(kind + " is not an exact number");
        };
    }

    /** This type as a DECIMAL, for arithmetic mixing integers and decimals (INTEGER is DECIMAL(10,0)). */
    FuzzType asDecimal() {
        return kind == Kind.DECIMAL ? this : decimal(integerDigits(), 0);
    }

    /**
     * The type of {@code a + b}, {@code a - b}, CASE, COALESCE or a set operation's column over two
     * comparable types: DOUBLE wins, then DECIMAL (enough integer and fractional digits for both,
     * plus one for a carry when {@code carry}), then BIGINT; empty when a DECIMAL would exceed 38 digits.
     */
    static java.util.Optional<FuzzType> common(FuzzType a, FuzzType b, boolean carry) {
        if (!a.comparableWith(b)) {
            throw new IllegalArgumentException(a + " and " + b + " are not comparable");
        }
        if (!a.isNumeric() || a.equals(b) && !carry) {
            return java.util.Optional.of(a);
        }
        if (a.kind == Kind.DOUBLE || b.kind == Kind.DOUBLE) {
            return java.util.Optional.of(DOUBLE);
        }
        if (a.kind == Kind.DECIMAL || b.kind == Kind.DECIMAL) {
            FuzzType x = a.asDecimal();
            FuzzType y = b.asDecimal();
            if (x.scale != y.scale && Math.max(x.precision, y.precision) > MAX_DECIMAL_PRECISION - WIDTH_MARGIN) {
                return java.util.Optional.empty();
            }
            int scale = Math.max(x.scale, y.scale);
            int precision = Math.max(x.integerDigits(), y.integerDigits()) + scale + (carry ? 1 : 0);
            return precision > MAX_DECIMAL_PRECISION ? java.util.Optional.empty() : java.util.Optional.of(decimal(precision, scale));
        }
        return java.util.Optional.of(a.kind == Kind.BIGINT || b.kind == Kind.BIGINT ? BIGINT : INTEGER);
    }

    @Override
    public String toString() {
        return sqlName();
    }
}
