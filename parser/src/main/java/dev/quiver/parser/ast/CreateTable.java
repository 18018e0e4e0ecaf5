package dev.quiver.parser.ast;

import java.util.List;

/** {@code CREATE TABLE [IF NOT EXISTS] name (column type [NOT NULL] [PRIMARY KEY], ...)}. */
public record CreateTable(QualifiedName name, List<ColumnDefinition> columns, boolean ifNotExists, Span span)
        implements Statement {
    public CreateTable {
        columns = List.copyOf(columns);
    }
}
