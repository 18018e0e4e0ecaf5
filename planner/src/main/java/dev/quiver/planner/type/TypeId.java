package dev.quiver.planner.type;

/**
 * The SQL types Quiver knows. {@link #UNKNOWN} is the type of a bare {@code NULL} literal before
 * context gives it a real type; it never reaches execution.
 */
public enum TypeId {
    UNKNOWN, BOOLEAN, TINYINT, SMALLINT, INTEGER, BIGINT, REAL, DOUBLE, DECIMAL, VARCHAR, DATE, TIMESTAMP, INTERVAL
}
