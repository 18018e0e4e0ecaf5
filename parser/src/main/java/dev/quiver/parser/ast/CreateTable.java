package dev.quiver.parser.ast;

import java.util.List;

/**
 * {@code CREATE TABLE [IF NOT EXISTS] name (column type [NOT NULL] [PRIMARY KEY | UNIQUE], ..., [key constraint, ...])}.
 * {@code keys} holds every PRIMARY KEY and UNIQUE constraint, those written on a column included, in
 * the order written. A column declared PRIMARY KEY is NOT NULL in {@code columns}; the columns of a
 * table-level PRIMARY KEY are NOT NULL too, which the engine applies (the parser does not resolve names).
 */
public record CreateTable(QualifiedName name, List<ColumnDefinition> columns, List<KeyConstraint> keys, boolean ifNotExists,
        Span span) implements Statement {
    public CreateTable {
        columns = List.copyOf(columns);
        keys = List.copyOf(keys);
    }
}
