package dev.quiver.parser.ast;

/** {@code CAST(value AS type)} or {@code value::type}. */
public record Cast(Expression value, TypeName type, Span span) implements Expression {
}
