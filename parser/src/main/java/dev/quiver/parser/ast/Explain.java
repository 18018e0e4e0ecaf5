package dev.quiver.parser.ast;

/** {@code EXPLAIN [ANALYZE] statement}. */
public record Explain(Statement statement, boolean analyze, Span span) implements Statement {
}
