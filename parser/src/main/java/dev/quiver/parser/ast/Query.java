package dev.quiver.parser.ast;

import java.util.List;
import java.util.Optional;

/**
 * A query expression: an optional {@code WITH}, a body, and the clauses that apply to the body as
 * a whole ({@code ORDER BY}, {@code LIMIT}, {@code OFFSET}).
 */
public record Query(Optional<With> with, QueryBody body, List<SortItem> orderBy, Optional<Expression> limit,
        Optional<Expression> offset, Span span) implements Node {
    public Query {
        orderBy = List.copyOf(orderBy);
    }
}
