package dev.quiver.parser.ast;

/** {@code WHEN condition THEN result}; in a simple CASE the condition is the value compared. */
public record WhenClause(Expression condition, Expression result, Span span) implements Node {
}
