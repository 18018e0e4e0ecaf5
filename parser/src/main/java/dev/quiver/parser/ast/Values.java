package dev.quiver.parser.ast;

import java.util.List;

/** {@code VALUES (row), (row), ...}; every row is a list of expressions. */
public record Values(List<List<Expression>> rows, Span span) implements QueryBody {
    public Values {
        rows = rows.stream().map(List::copyOf).toList();
    }
}
