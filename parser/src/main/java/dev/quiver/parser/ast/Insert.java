package dev.quiver.parser.ast;

import java.util.List;

/**
 * {@code INSERT INTO table [(columns)] VALUES ... | query}. A {@code VALUES} list is a {@link Query}
 * whose body is {@link Values}; an empty column list means all columns in table order.
 */
public record Insert(QualifiedName table, List<Identifier> columns, Query source, Span span) implements Statement {
    public Insert {
        columns = List.copyOf(columns);
    }
}
