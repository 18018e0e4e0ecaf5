package dev.quiver.parser.ast;

/** A query used as a statement: {@code SELECT ...}, {@code VALUES ...}, {@code WITH ...}. */
public record QueryStatement(Query query, Span span) implements Statement {
}
