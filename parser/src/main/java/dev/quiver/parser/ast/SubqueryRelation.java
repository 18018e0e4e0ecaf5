package dev.quiver.parser.ast;

import java.util.Optional;

/** A derived table: {@code (query) [AS] alias}. */
public record SubqueryRelation(Query query, Optional<TableAlias> alias, Span span) implements Relation {
}
