package dev.quiver;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.util.List;
import java.util.Objects;

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
        return values.get(column);
    }

    public boolean isNull(int column) {
        return values.get(column) == null;
    }

    public long getLong(int column) {
        return ((Number) require(column)).longValue();
    }

    public double getDouble(int column) {
        return ((Number) require(column)).doubleValue();
    }

    public BigDecimal getDecimal(int column) {
        Object v = require(column);
        return v instanceof BigDecimal d ? d : new BigDecimal(v.toString());
    }

    public String getString(int column) {
        Object v = values.get(column);
        return v == null ? null : v.toString();
    }

    public boolean getBoolean(int column) {
        return (Boolean) require(column);
    }

    public LocalDate getDate(int column) {
        return (LocalDate) require(column);
    }

    public LocalDateTime getTimestamp(int column) {
        return (LocalDateTime) require(column);
    }

    public List<Object> values() {
        return java.util.Collections.unmodifiableList(values);
    }

    private Object require(int column) {
        return Objects.requireNonNull(values.get(column), () -> "column " + column + " is NULL");
    }

    @Override
    public String toString() {
        return values.toString();
    }
}
