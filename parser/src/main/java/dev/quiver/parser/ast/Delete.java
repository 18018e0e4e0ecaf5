package dev.quiver.parser.ast;

import static java.util.Objects.requireNonNull;

import java.util.Optional;

/** {@code DELETE FROM table [[AS] alias] [WHERE predicate]}: without WHERE, every row goes. */
public record Delete(QualifiedName table, Optional<Identifier> alias, Optional<Expression> where, Span span) implements Statement {
    public Delete {
        requireNonNull(table, "table");
        requireNonNull(alias, "alias");
        requireNonNull(where, "where");
        requireNonNull(span, "span");
    }
}
