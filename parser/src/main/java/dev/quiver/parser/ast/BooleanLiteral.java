package dev.quiver.parser.ast;

/** {@code TRUE} or {@code FALSE}. */
public record BooleanLiteral(boolean value, Span span) implements Expression {
}
