package dev.quiver.parser.ast;

/** {@code NULL}. */
public record NullLiteral(Span span) implements Expression {
}
