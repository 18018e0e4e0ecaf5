package dev.quiver.parser.ast;

import static java.util.Objects.requireNonNull;

import java.util.Optional;

/**
 * {@code REINDEX INDEX name} and {@code REINDEX TABLE name} (PostgreSQL), {@code REINDEX name}
 * (SQLite: an index or a table) and a bare {@code REINDEX} (SQLite: every index). A kind is only
 * given with a name.
 */
public record Reindex(Optional<Kind> kind, Optional<QualifiedName> name, Span span) implements Statement {
    /** The kind of object the PostgreSQL forms name. */
    public enum Kind { INDEX, TABLE }

    public Reindex {
        requireNonNull(kind, "kind");
        requireNonNull(name, "name");
        requireNonNull(span, "span");
        if (kind.isPresent() && name.isEmpty()) {
            throw new IllegalArgumentException("REINDEX " + kind.get() + " without a name");
        }
    }
}
