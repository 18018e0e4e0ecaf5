package dev.quiver.planner.expr;

import static java.util.Objects.requireNonNull;

import dev.quiver.planner.type.DataType;
import dev.quiver.planner.type.Interval;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.Objects;
import java.util.Optional;

/**
 * A constant. Values use one Java class per type: {@code Boolean}; {@code Long} for every integral
 * type; {@code Double} for REAL and DOUBLE; {@code BigDecimal} with exactly the type's scale for
 * DECIMAL; {@code String} for VARCHAR; {@code Integer} days since 1970-01-01 for DATE; {@code Long}
 * microseconds since 1970-01-01 for TIMESTAMP; {@link Interval} for INTERVAL. SQL NULL is an empty
 * value.
 */
public record Literal(Optional<Object> value, DataType type) implements Expr {
    public Literal {
        requireNonNull(value, "value");
        requireNonNull(type, "type");
        value.ifPresent(v -> checkRepresentation(v, type));
    }

    public static Literal of(Object value, DataType type) {
        return new Literal(Optional.of(value), type);
    }

    public static Literal nullOf(DataType type) {
        return new Literal(Optional.empty(), type);
    }

    public static Literal ofBoolean(boolean value) {
        return of(value, DataType.BOOLEAN);
    }

    public static Literal ofLong(long value, DataType type) {
        return of(value, type);
    }

    public boolean isNull() {
        return value.isEmpty();
    }

    /** The value; callers check {@link #isNull()} first. */
    public Object get() {
        return value.orElseThrow(() -> new IllegalStateException("NULL literal has no value"));
    }

    private static void checkRepresentation(Object v, DataType type) {
        Class<?> expected = switch (type.id()) {
            case BOOLEAN -> Boolean.class;
            case TINYINT, SMALLINT, INTEGER, BIGINT, TIMESTAMP -> Long.class;
            case REAL, DOUBLE -> Double.class;
            case DECIMAL -> BigDecimal.class;
            case VARCHAR -> String.class;
            case DATE -> Integer.class;
            case INTERVAL -> Interval.class;
            case UNKNOWN -> Void.class;
        };
        if (!expected.isInstance(v)) {
            throw new IllegalArgumentException("literal of type " + type + " must be " + expected.getSimpleName()
                    + ", got " + v.getClass().getSimpleName());
        }
        if (v instanceof BigDecimal d && d.scale() != type.scale()) {
            throw new IllegalArgumentException("decimal literal " + d + " does not have scale " + type.scale());
        }
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof Literal other && other.type.equals(type) && Objects.equals(other.value, value);
    }

    @Override
    public int hashCode() {
        return Objects.hash(value, type);
    }

    @Override
    public String toString() {
        if (value.isEmpty()) {
            return "NULL";
        }
        Object v = value.get();
        return switch (type.id()) {
            case VARCHAR -> "'" + ((String) v).replace("'", "''") + "'";
            case DATE -> "DATE '" + LocalDate.ofEpochDay((Integer) v) + "'";
            case TIMESTAMP -> "TIMESTAMP '" + dev.quiver.planner.type.DateTimes.formatTimestamp((Long) v) + "'";
            case INTERVAL -> "INTERVAL '" + v + "'";
            default -> v.toString();
        };
    }
}
