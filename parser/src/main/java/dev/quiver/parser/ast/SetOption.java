package dev.quiver.parser.ast;

/** {@code SET name = value} or {@code SET name TO value}: changes a session setting. */
public record SetOption(Identifier name, Expression value, Span span) implements Statement {
}
