package dev.quiver.parser.ast;

/** {@code value IS [NOT] NULL}. */
public record IsNull(Expression value, boolean negated, Span span) implements Expression {
}
