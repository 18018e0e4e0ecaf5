package dev.quiver.parser.ast;

/** {@code value [NOT] IN (query)}. */
public record InSubquery(Expression value, Query query, boolean negated, Span span) implements Expression {
}
