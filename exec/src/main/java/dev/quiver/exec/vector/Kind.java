package dev.quiver.exec.vector;

import dev.quiver.planner.type.DataType;

/**
 * How values of a SQL type are held while computing: the physical shape shared by the interpreter's
 * working vectors and by generated code's locals.
 */
public enum Kind {
    /** BOOLEAN. */
    BOOLEAN,
    /** Integral types, DATE (days), TIMESTAMP (micros) and short DECIMAL (unscaled). */
    LONG,
    /** REAL and DOUBLE. */
    DOUBLE,
    /** Long DECIMAL: a 128-bit two's-complement unscaled value as high and low words. */
    INT128,
    /** VARCHAR as UTF-8 bytes. */
    STRING,
    /** INTERVAL: months, days, micros. */
    INTERVAL;

    public static Kind of(DataType type) {
        return switch (type.id()) {
            case BOOLEAN -> BOOLEAN;
            case TINYINT, SMALLINT, INTEGER, BIGINT, DATE, TIMESTAMP, UNKNOWN -> LONG;
            case REAL, DOUBLE -> DOUBLE;
            case DECIMAL -> type.isShortDecimal() ? LONG : INT128;
            case VARCHAR -> STRING;
            case INTERVAL -> INTERVAL;
        };
    }
}
