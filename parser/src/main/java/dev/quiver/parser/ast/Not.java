package dev.quiver.parser.ast;

/** {@code NOT value}. */
public record Not(Expression value, Span span) implements Expression {
}
