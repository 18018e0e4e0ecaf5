package dev.quiver.parser.ast;

import static java.util.Objects.requireNonNull;

import java.util.List;

/** {@code CREATE [UNIQUE] INDEX [IF NOT EXISTS] name ON table (column [ASC|DESC], ...)}; at least one column. */
public record CreateIndex(Identifier name, QualifiedName table, List<IndexColumn> columns, boolean unique, boolean ifNotExists,
        Span span) implements Statement {
    public CreateIndex {
        requireNonNull(name, "name");
        requireNonNull(table, "table");
        columns = List.copyOf(columns);
        if (columns.isEmpty()) {
            throw new IllegalArgumentException("index without columns");
        }
        requireNonNull(span, "span");
    }
}
