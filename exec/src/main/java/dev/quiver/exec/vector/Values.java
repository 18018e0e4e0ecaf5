package dev.quiver.exec.vector;

import dev.quiver.planner.type.DataType;
import dev.quiver.planner.type.Interval;
import dev.quiver.planner.type.TypeId;
import java.math.BigDecimal;
import java.math.BigInteger;

/**
 * Converts between one entry of a {@link ValueVector} and the canonical Java object of its type
 * (the representation {@code Literal} uses): constants enter the executor and single values leave
 * it (row views, constant folding) through here.
 */
public final class Values {
    private static final BigInteger LONG_MASK = BigInteger.ONE.shiftLeft(64).subtract(BigInteger.ONE);

    private Values() {
    }

    /** The entry as a Java object, or null for SQL NULL. */
    public static Object toObject(ValueVector v, int i) {
        if (v.nulls[i]) {
            return null;
        }
        DataType t = v.type;
        return switch (v.kind) {
            case BOOLEAN -> v.longs[i] != 0;
            case LONG -> switch (t.id()) {
                case DATE -> (int) v.longs[i];
                case DECIMAL -> BigDecimal.valueOf(v.longs[i], t.scale());
                default -> v.longs[i];
            };
            case DOUBLE -> v.doubles[i];
            case INT128 -> ArrowColumns.toBigDecimal(v.highs[i], v.longs[i], t.scale());
            case STRING -> v.getString(i);
            case INTERVAL -> new Interval(v.months[i], v.days[i], v.longs[i]);
        };
    }

    /** Sets the entry from a Java object of the type's canonical class (null for SQL NULL). */
    public static void set(ValueVector v, int i, Object value) {
        if (value == null) {
            v.nulls[i] = true;
            return;
        }
        v.nulls[i] = false;
        switch (v.kind) {
            case BOOLEAN -> v.longs[i] = ((Boolean) value) ? 1 : 0;
            case LONG -> {
                if (v.type.id() == TypeId.DECIMAL) {
                    v.longs[i] = ((BigDecimal) value).setScale(v.type.scale()).unscaledValue().longValueExact();
                } else if (value instanceof Integer x) {
                    v.longs[i] = x;
                } else {
                    v.longs[i] = (Long) value;
                }
            }
            case DOUBLE -> v.doubles[i] = (Double) value;
            case INT128 -> {
                BigInteger u = ((BigDecimal) value).setScale(v.type.scale()).unscaledValue();
                v.longs[i] = u.and(LONG_MASK).longValue();
                v.highs[i] = u.shiftRight(64).longValue();
            }
            case STRING -> v.setString(i, (String) value);
            case INTERVAL -> {
                Interval x = (Interval) value;
                v.months[i] = x.months();
                v.days[i] = x.days();
                v.longs[i] = x.micros();
            }
        }
    }
}
