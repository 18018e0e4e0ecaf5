package dev.quiver.parser.ast;

/** {@code left || right}. */
public record Concatenation(Expression left, Expression right, Span span) implements Expression {
}
