package dev.quiver.parser.ast;

/** A query in parentheses used as a body, e.g. an operand of UNION with its own ORDER BY. */
public record ParenthesizedQuery(Query query, Span span) implements QueryBody {
}
