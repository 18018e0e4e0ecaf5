package dev.quiver.parser.ast;

import java.util.List;

/** {@code WITH name [(columns)] AS (query), ...}. */
public record With(List<WithQuery> queries, Span span) implements Node {
    public With {
        queries = List.copyOf(queries);
    }
}
