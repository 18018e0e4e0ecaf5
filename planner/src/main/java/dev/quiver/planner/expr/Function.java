package dev.quiver.planner.expr;

/**
 * The built-in scalar functions and operators. A {@link Call} names one of these; which
 * implementation runs is decided by the argument and result types the binder fixed (for example
 * {@link #ADD} on two DECIMAL(15,2), on DATE and INTEGER, or on DATE and INTERVAL).
 *
 * <p>Null handling: unless a constant says otherwise, a function returns NULL when any argument is
 * NULL ("strict"). {@link #AND}, {@link #OR}, {@link #IS_NULL}, {@link #IS_NOT_NULL},
 * {@link #IS_DISTINCT_FROM}, {@link #IS_NOT_DISTINCT_FROM}, {@link #COALESCE}, {@link #NULLIF},
 * {@link #IN} and {@link #CONCAT_WS} are not strict and implement SQL's three-valued rules.
 */
public enum Function {
    // arithmetic
    ADD("+", true), SUBTRACT("-", true), MULTIPLY("*", true), DIVIDE("/", true), MODULUS("%", true),
    NEGATE("-", true),
    // comparison
    EQUAL("=", true), NOT_EQUAL("<>", true), LESS_THAN("<", true), LESS_THAN_OR_EQUAL("<=", true),
    GREATER_THAN(">", true), GREATER_THAN_OR_EQUAL(">=", true),
    IS_DISTINCT_FROM("IS DISTINCT FROM", false), IS_NOT_DISTINCT_FROM("IS NOT DISTINCT FROM", false),
    // logic and nulls
    AND("AND", false), OR("OR", false), NOT("NOT", true), IS_NULL("IS NULL", false), IS_NOT_NULL("IS NOT NULL", false),
    COALESCE("coalesce", false), NULLIF("nullif", false),
    /**
     * {@code IN(value, e1, e2, ...)}: true if value equals some ei; NULL if none is equal but a NULL took part.
     * Without items ({@code value IN ()}, SQLite's empty list) FALSE for every value, NULL included.
     */
    IN("IN", false),
    // strings
    LIKE("LIKE", true), ILIKE("ILIKE", true), CONCAT("||", true), CONCAT_WS("concat_ws", false),
    SUBSTRING("substring", true), UPPER("upper", true), LOWER("lower", true), LENGTH("length", true),
    TRIM("trim", true), LTRIM("ltrim", true), RTRIM("rtrim", true), POSITION("position", true),
    REPLACE("replace", true), LEFT("left", true), RIGHT("right", true), REVERSE("reverse", true),
    // dates: EXTRACT(field literal, value)
    EXTRACT("extract", true), DATE_TRUNC("date_trunc", true),
    // math
    ABS("abs", true), ROUND("round", true), FLOOR("floor", true), CEIL("ceil", true), SIGN("sign", true),
    SQRT("sqrt", true), POWER("power", true), LN("ln", true), EXP("exp", true), MOD("mod", true);

    private final String displayName;
    private final boolean strict;

    Function(String displayName, boolean strict) {
        this.displayName = displayName;
        this.strict = strict;
    }

    /** How the function is written in SQL (operator symbol or function name). */
    public String displayName() {
        return displayName;
    }

    /** Whether any NULL argument makes the result NULL without evaluating. */
    public boolean isStrict() {
        return strict;
    }

    /** Whether the function is written infix between its two arguments. */
    public boolean isInfix() {
        return switch (this) {
            case ADD, SUBTRACT, MULTIPLY, DIVIDE, MODULUS, EQUAL, NOT_EQUAL, LESS_THAN, LESS_THAN_OR_EQUAL,
                    GREATER_THAN, GREATER_THAN_OR_EQUAL, IS_DISTINCT_FROM, IS_NOT_DISTINCT_FROM, LIKE, ILIKE, CONCAT,
                    AND, OR -> true;
            default -> false;
        };
    }

    /** Comparison operators (six relations plus the DISTINCT FROM pair). */
    public boolean isComparison() {
        return switch (this) {
            case EQUAL, NOT_EQUAL, LESS_THAN, LESS_THAN_OR_EQUAL, GREATER_THAN, GREATER_THAN_OR_EQUAL,
                    IS_DISTINCT_FROM, IS_NOT_DISTINCT_FROM -> true;
            default -> false;
        };
    }

    /** Whether evaluation can raise an error for some input (so errors must not fire for rows not selected). */
    public boolean canFail() {
        return switch (this) {
            case EQUAL, NOT_EQUAL, LESS_THAN, LESS_THAN_OR_EQUAL, GREATER_THAN, GREATER_THAN_OR_EQUAL,
                    IS_DISTINCT_FROM, IS_NOT_DISTINCT_FROM, AND, OR, NOT, IS_NULL, IS_NOT_NULL, COALESCE, NULLIF, IN,
                    UPPER, LOWER, LENGTH, TRIM, LTRIM, RTRIM, POSITION, REVERSE, SIGN -> false;
            default -> true;
        };
    }
}
