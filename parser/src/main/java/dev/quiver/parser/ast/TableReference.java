package dev.quiver.parser.ast;

import java.util.Optional;

/** A table or view named in FROM, with an optional alias. */
public record TableReference(QualifiedName name, Optional<TableAlias> alias, Span span) implements Relation {
}
