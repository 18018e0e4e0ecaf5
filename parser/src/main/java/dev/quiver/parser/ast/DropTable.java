package dev.quiver.parser.ast;

/** {@code DROP TABLE [IF EXISTS] name}. */
public record DropTable(QualifiedName name, boolean ifExists, Span span) implements Statement {
}
