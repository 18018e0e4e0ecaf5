package dev.quiver;

import dev.quiver.error.QuiverException;
import dev.quiver.error.SqlState;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.util.List;

/**
 * One result row as Java values: Boolean, Byte, Short, Integer, Long, Float, Double, BigDecimal,
 * String, LocalDate, LocalDateTime, or {@code dev.quiver.planner.type.Interval}; SQL NULL is null.
 */
public final class Row {
    private final List<Object> values;

    Row(List<Object> values) {
        this.values = values;
    }

    public int size() {
        return values.size();
    }

    public Object get(int column) {
        return value(column);
    }

    public boolean isNull(int column) {
        return value(column) == null;
    }

    public long getLong(int column) {
        return as(column, Number.class, "an integer").longValue();
    }

    public double getDouble(int column) {
        return as(column, Number.class, "a number").doubleValue();
    }

    public BigDecimal getDecimal(int column) {
        Number v = as(column, Number.class, "a number");
        if (v instanceof BigDecimal d) {
            return d;
        }
        if ((v instanceof Double || v instanceof Float) && !Double.isFinite(v.doubleValue())) {
            throw new QuiverException(SqlState.DATATYPE_MISMATCH, "column " + column + " is " + v + ", which has no decimal value");
        }
        return new BigDecimal(v.toString());
    }

    /** The value as text (any type); null for SQL NULL. */
    public String getString(int column) {
        Object v = value(column);
        return v == null ? null : v.toString();
    }

    public boolean getBoolean(int column) {
        return as(column, Boolean.class, "a boolean");
    }

    public LocalDate getDate(int column) {
        return as(column, LocalDate.class, "a date");
    }

    public LocalDateTime getTimestamp(int column) {
        return as(column, LocalDateTime.class, "a timestamp");
    }

    public List<Object> values() {
        return java.util.Collections.unmodifiableList(values);
    }

    private Object value(int column) {
        if (column < 0 || column >= values.size()) {
            throw new QuiverException(SqlState.INVALID_PARAMETER_VALUE,
                    "column index " + column + " is out of range; the row has " + values.size() + " columns (0-based)");
        }
        return values.get(column);
    }

    /** The non-NULL value of a column as the requested class, or a QuiverException saying why not. */
    private <T> T as(int column, Class<T> type, String what) {
        Object v = value(column);
        if (v == null) {
            throw new QuiverException(SqlState.NULL_VALUE_NOT_ALLOWED,
                    "column " + column + " is NULL; check isNull(" + column + ") or use get(" + column + ")");
        }
        if (!type.isInstance(v)) {
            throw new QuiverException(SqlState.DATATYPE_MISMATCH,
                    "column " + column + " holds " + v.getClass().getSimpleName() + " " + v + ", not " + what);
        }
        return type.cast(v);
    }

    @Override
    public String toString() {
        return values.toString();
    }
}
