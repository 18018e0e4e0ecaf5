package dev.quiver.parser.ast;

/** {@code -value} or {@code +value}. */
public record ArithmeticUnary(boolean negate, Expression value, Span span) implements Expression {
}
