package dev.quiver.parser.ast;

/** Comparison operators; {@code !=} is parsed as {@link #NOT_EQUAL}. */
public enum ComparisonOperator {
    EQUAL("="), NOT_EQUAL("<>"), LESS_THAN("<"), LESS_THAN_OR_EQUAL("<="), GREATER_THAN(">"),
    GREATER_THAN_OR_EQUAL(">="), IS_DISTINCT_FROM("IS DISTINCT FROM"), IS_NOT_DISTINCT_FROM("IS NOT DISTINCT FROM");

    private final String symbol;

    ComparisonOperator(String symbol) {
        this.symbol = symbol;
    }

    public String symbol() {
        return symbol;
    }
}
