package dev.quiver.planner.type;

import java.util.Optional;

/**
 * Which types convert to which without an explicit CAST, and the common type two values are
 * compared or combined in. The rules follow PostgreSQL's numeric tower with DuckDB's treatment of
 * decimals: integers widen to integers, integers and decimals meet in a decimal wide enough for
 * both, anything exact meets a REAL/DOUBLE as DOUBLE, DATE meets TIMESTAMP as TIMESTAMP. Strings do
 * not convert implicitly to other types (a string <em>literal</em> does; the binder handles that).
 */
public final class TypeCoercion {
    private TypeCoercion() {
    }

    /** The type both can be implicitly cast to, if any. */
    public static Optional<DataType> commonSuperType(DataType a, DataType b) {
        if (a.equals(b)) {
            return Optional.of(a);
        }
        if (a.isUnknown()) {
            return Optional.of(b);
        }
        if (b.isUnknown()) {
            return Optional.of(a);
        }
        if (a.id() == b.id()) {
            return switch (a.id()) {
                case DECIMAL -> Optional.of(decimalCover(a, b));
                case VARCHAR -> Optional.of(a.maxLength() == 0 || b.maxLength() == 0
                        ? DataType.VARCHAR : DataType.varchar(Math.max(a.maxLength(), b.maxLength())));
                default -> Optional.of(a);
            };
        }
        if (a.isIntegral() && b.isIntegral()) {
            return Optional.of(a.id().ordinal() >= b.id().ordinal() ? a : b);
        }
        if (a.isExactNumeric() && b.isExactNumeric()) {
            return Optional.of(decimalCover(a.asDecimal(), b.asDecimal()));
        }
        if (a.isNumeric() && b.isNumeric()) {
            if (a.id() == TypeId.REAL && b.id() == TypeId.REAL) {
                return Optional.of(DataType.REAL);
            }
            return Optional.of(DataType.DOUBLE);
        }
        if (a.isDatetime() && b.isDatetime()) {
            return Optional.of(DataType.TIMESTAMP);
        }
        return Optional.empty();
    }

    /** Whether a value of type {@code from} may be used where {@code to} is expected without CAST. */
    public static boolean canCoerce(DataType from, DataType to) {
        if (from.equals(to) || from.isUnknown()) {
            return true;
        }
        return commonSuperType(from, to).map(to::equals).orElse(false);
    }

    /**
     * Whether a value of type {@code from} may be stored into a column of type {@code to} (INSERT,
     * CREATE TABLE AS): any numeric to any numeric (checked for range at run time), VARCHAR to a
     * bounded VARCHAR (checked for length), DATE and TIMESTAMP to each other, and every implicit
     * coercion. This is PostgreSQL's "assignment cast" context.
     */
    public static boolean canAssign(DataType from, DataType to) {
        if (canCoerce(from, to)) {
            return true;
        }
        if (from.isNumeric() && to.isNumeric()) {
            return true;
        }
        if (from.isString() && to.isString()) {
            return true;
        }
        return from.isDatetime() && to.isDatetime();
    }

    /** The narrowest decimal holding every value of both decimals: max integer digits plus max scale. */
    private static DataType decimalCover(DataType a, DataType b) {
        int scale = Math.max(a.scale(), b.scale());
        int integerDigits = Math.max(a.precision() - a.scale(), b.precision() - b.scale());
        int precision = Math.min(DataType.MAX_DECIMAL_PRECISION, integerDigits + scale);
        return DataType.decimal(precision, Math.min(scale, precision));
    }
}
