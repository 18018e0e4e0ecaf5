package dev.quiver.parser.ast;

/** {@code DROP VIEW [IF EXISTS] name}. */
public record DropView(QualifiedName name, boolean ifExists, Span span) implements Statement {
}
