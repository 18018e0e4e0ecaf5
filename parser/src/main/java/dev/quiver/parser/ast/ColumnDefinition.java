package dev.quiver.parser.ast;

/** One column of {@code CREATE TABLE}: name, type and whether NULL is allowed. */
public record ColumnDefinition(Identifier name, TypeName type, boolean notNull, Span span) implements Node {
}
