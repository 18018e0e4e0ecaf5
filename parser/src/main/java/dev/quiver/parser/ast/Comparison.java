package dev.quiver.parser.ast;

/** {@code left op right} for comparisons, including {@code IS [NOT] DISTINCT FROM}. */
public record Comparison(ComparisonOperator operator, Expression left, Expression right, Span span)
        implements Expression {
}
