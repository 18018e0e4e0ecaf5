package dev.quiver.parser.ast;

import static java.util.Objects.requireNonNull;

import java.util.Optional;

/** {@code ANALYZE [table]}: recompute the statistics of one table, or of every table. */
public record Analyze(Optional<QualifiedName> table, Span span) implements Statement {
    public Analyze {
        requireNonNull(table, "table");
        requireNonNull(span, "span");
    }
}
