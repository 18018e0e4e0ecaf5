package dev.quiver.parser.ast;

import static java.util.Objects.requireNonNull;

import java.util.List;

/**
 * {@code INSERT [OR REPLACE | OR IGNORE] INTO table [(columns)] VALUES ... | query}, or
 * {@code REPLACE INTO ...} (SQLite's alias of {@code INSERT OR REPLACE}). A {@code VALUES} list is a
 * {@link Query} whose body is {@link Values}; an empty column list means all columns in table order.
 * {@code onConflict} is {@link ConflictAction#ERROR} for a plain INSERT.
 */
public record Insert(QualifiedName table, List<Identifier> columns, Query source, ConflictAction onConflict, Span span)
        implements Statement {
    public Insert {
        requireNonNull(table, "table");
        columns = List.copyOf(columns);
        requireNonNull(source, "source");
        requireNonNull(onConflict, "onConflict");
        requireNonNull(span, "span");
    }
}
