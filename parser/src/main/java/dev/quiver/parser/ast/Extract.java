package dev.quiver.parser.ast;

/** {@code EXTRACT(field FROM value)}; the field is kept as written and checked by the binder. */
public record Extract(Identifier field, Expression value, Span span) implements Expression {
}
