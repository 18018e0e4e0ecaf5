package dev.quiver.parser.ast;

import static java.util.Objects.requireNonNull;

/**
 * {@code EXPLAIN [ANALYZE] statement} or {@code EXPLAIN (option [, ...]) statement}: show the plan
 * of the statement in {@code format}; with {@code analyze} run it and add what happened; with
 * {@code rules} add what the optimizer's search did. The parser has checked the options (each known
 * and given at most once); options not given have their defaults (no ANALYZE, TEXT, no RULES).
 */
public record Explain(Statement statement, boolean analyze, ExplainFormat format, boolean rules, Span span) implements Statement {
    public Explain {
        requireNonNull(statement, "statement");
        requireNonNull(format, "format");
        requireNonNull(span, "span");
    }
}
