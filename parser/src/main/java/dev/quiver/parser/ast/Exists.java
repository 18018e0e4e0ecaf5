package dev.quiver.parser.ast;

/** {@code EXISTS (query)}; {@code NOT EXISTS} is a {@link Not} around it. */
public record Exists(Query query, Span span) implements Expression {
}
