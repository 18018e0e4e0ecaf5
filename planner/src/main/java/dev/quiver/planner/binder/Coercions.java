package dev.quiver.planner.binder;

import dev.quiver.error.QuiverException;
import dev.quiver.error.SqlState;
import dev.quiver.planner.expr.Cast;
import dev.quiver.planner.expr.Expr;
import dev.quiver.planner.expr.Literal;
import dev.quiver.planner.type.DataType;
import dev.quiver.planner.type.DateTimes;
import dev.quiver.planner.type.TextParsing;
import dev.quiver.planner.type.TypeId;
import java.math.BigDecimal;
import java.util.Optional;

/**
 * Inserting conversions. Literals are converted on the spot (so a bad string literal is reported
 * at bind time, with its position, as PostgreSQL does); everything else gets a {@link Cast} node.
 */
final class Coercions {
    private Coercions() {
    }

    /** {@code e} as type {@code target}: unchanged, a converted literal, or a cast. */
    static Expr to(Expr e, DataType target, int position) {
        if (e.type().equals(target)) {
            return e;
        }
        if (e instanceof Literal literal) {
            Optional<Literal> converted = convertLiteral(literal, target, position);
            if (converted.isPresent()) {
                return converted.get();
            }
        }
        return new Cast(e, target, position);
    }

    /**
     * Whether an explicit CAST from one type to another is defined: PostgreSQL's casts (BOOLEAN
     * converts to and from INTEGER only, not to other integer types).
     */
    static boolean castable(DataType from, DataType to) {
        if (from.equals(to) || from.isUnknown() || to.isString() || from.isString()) {
            return true;
        }
        if (from.isNumeric() && to.isNumeric()) {
            return true;
        }
        if ((from.id() == TypeId.BOOLEAN && to.id() == TypeId.INTEGER) || (from.id() == TypeId.INTEGER && to.id() == TypeId.BOOLEAN)) {
            return true;
        }
        return from.isDatetime() && to.isDatetime();
    }

    /**
     * Converts a literal when the conversion is exact or a parse of a string; other cases (for
     * example rounding a double into a decimal) are left to a run-time cast.
     */
    static Optional<Literal> convertLiteral(Literal literal, DataType target, int position) {
        if (literal.isNull()) {
            return Optional.of(Literal.nullOf(target));
        }
        Object v = literal.get();
        DataType from = literal.type();
        try {
            if (from.isString() && !target.isString()) {
                return Optional.of(parse((String) v, target));
            }
            if (from.isString() && target.isString()) {
                return target.maxLength() == 0 ? Optional.of(Literal.of(v, target)) : Optional.empty();
            }
            if (from.isIntegral()) {
                long x = (Long) v;
                if (target.isIntegral()) {
                    return Optional.of(Literal.of(TextParsing.checkIntegralRange(x, target), target));
                }
                if (target.isDecimal()) {
                    return Optional.of(Literal.of(TextParsing.fitDecimal(BigDecimal.valueOf(x), target), target));
                }
                if (target.isApproximateNumeric()) {
                    return Optional.of(Literal.of(target.id() == TypeId.REAL ? (double) (float) x : (double) x, target));
                }
            }
            if (from.isDecimal() && target.isDecimal()) {
                return Optional.of(Literal.of(TextParsing.fitDecimal((BigDecimal) v, target), target));
            }
            if (from.isDecimal() && target.id() == TypeId.DOUBLE) {
                return Optional.of(Literal.of(((BigDecimal) v).doubleValue(), target));
            }
            if (from.id() == TypeId.DATE && target.id() == TypeId.TIMESTAMP) {
                return Optional.of(Literal.of((long) (Integer) v * DateTimes.MICROS_PER_DAY, target));
            }
        } catch (QuiverException e) {
            throw e.attachPosition(position);
        }
        return Optional.empty();
    }

    private static Literal parse(String text, DataType target) {
        return switch (target.id()) {
            case BOOLEAN -> Literal.of(TextParsing.parseBoolean(text), target);
            case TINYINT, SMALLINT, INTEGER, BIGINT -> Literal.of(TextParsing.parseIntegral(text, target), target);
            case REAL, DOUBLE -> Literal.of(TextParsing.parseDouble(text, target), target);
            case DECIMAL -> Literal.of(TextParsing.parseDecimal(text, target), target);
            case DATE -> Literal.of(DateTimes.parseDate(text), target);
            case TIMESTAMP -> Literal.of(DateTimes.parseTimestamp(text), target);
            case INTERVAL -> Literal.of(IntervalLiterals.parse(text), target);
            default -> throw new QuiverException(SqlState.DATATYPE_MISMATCH,
                    "cannot convert '" + text + "' to " + target);
        };
    }
}
