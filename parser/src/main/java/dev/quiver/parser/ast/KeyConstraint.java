package dev.quiver.parser.ast;

import static java.util.Objects.requireNonNull;

import java.util.List;
import java.util.Optional;

/**
 * A {@code PRIMARY KEY} or {@code UNIQUE} constraint of {@code CREATE TABLE}, written on a column
 * (one column, no name) or as a table element ({@code [CONSTRAINT name] UNIQUE (a, b)}).
 */
public record KeyConstraint(Optional<Identifier> name, boolean primaryKey, List<Identifier> columns, Span span) implements Node {
    public KeyConstraint {
        requireNonNull(name, "name");
        columns = List.copyOf(columns);
        if (columns.isEmpty()) {
            throw new IllegalArgumentException("key without columns");
        }
        requireNonNull(span, "span");
    }
}
