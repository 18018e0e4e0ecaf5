package dev.quiver.parser.ast;

import java.util.List;

/** One common table expression of a {@code WITH} clause. */
public record WithQuery(Identifier name, List<Identifier> columns, Query query, Span span) implements Node {
    public WithQuery {
        columns = List.copyOf(columns);
    }
}
