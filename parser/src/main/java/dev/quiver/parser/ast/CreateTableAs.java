package dev.quiver.parser.ast;

/** {@code CREATE TABLE [IF NOT EXISTS] name AS query}. */
public record CreateTableAs(QualifiedName name, Query query, boolean ifNotExists, Span span) implements Statement {
}
