package dev.quiver.parser.ast;

/** {@code (query)} used as a value: it must return at most one row of one column. */
public record ScalarSubquery(Query query, Span span) implements Expression {
}
