package dev.quiver.parser.ast;

import static java.util.Objects.requireNonNull;

/** {@code column = value} in an UPDATE's SET list. */
public record ColumnAssignment(Identifier column, Expression value, Span span) implements Node {
    public ColumnAssignment {
        requireNonNull(column, "column");
        requireNonNull(value, "value");
        requireNonNull(span, "span");
    }
}
