package dev.quiver.parser.ast;

import static java.util.Objects.requireNonNull;

/** {@code DROP INDEX [IF EXISTS] name}. */
public record DropIndex(QualifiedName name, boolean ifExists, Span span) implements Statement {
    public DropIndex {
        requireNonNull(name, "name");
        requireNonNull(span, "span");
    }
}
