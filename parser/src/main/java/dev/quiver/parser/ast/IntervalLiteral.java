package dev.quiver.parser.ast;

/**
 * {@code INTERVAL [+|-] 'value' field}, e.g. {@code INTERVAL '90' DAY}. The sign written before
 * the string is kept in {@code negative}; the string itself may carry a sign as well.
 */
public record IntervalLiteral(String value, IntervalField field, boolean negative, Span span) implements Expression {
}
