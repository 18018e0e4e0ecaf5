package dev.quiver.parser.ast;

import static java.util.Objects.requireNonNull;

import java.util.List;
import java.util.Optional;

/**
 * {@code UPDATE table [[AS] alias] SET column = value [, ...] [WHERE predicate]}; at least one
 * assignment, in the order written.
 */
public record Update(QualifiedName table, Optional<Identifier> alias, List<ColumnAssignment> assignments,
        Optional<Expression> where, Span span) implements Statement {
    public Update {
        requireNonNull(table, "table");
        requireNonNull(alias, "alias");
        assignments = List.copyOf(assignments);
        if (assignments.isEmpty()) {
            throw new IllegalArgumentException("UPDATE without assignments");
        }
        requireNonNull(where, "where");
        requireNonNull(span, "span");
    }
}
