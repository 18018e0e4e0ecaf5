package dev.quiver.parser.ast;

import static java.util.Objects.requireNonNull;

/** One key column of {@code CREATE INDEX}: a column name and its order. */
public record IndexColumn(Identifier column, boolean descending, Span span) implements Node {
    public IndexColumn {
        requireNonNull(column, "column");
        requireNonNull(span, "span");
    }
}
