package dev.quiver.parser.ast;

/** {@code left AND right}, {@code left OR right}. */
public record LogicalBinary(LogicalOperator operator, Expression left, Expression right, Span span)
        implements Expression {
}
