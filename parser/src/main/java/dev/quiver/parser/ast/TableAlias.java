package dev.quiver.parser.ast;

import java.util.List;

/** {@code [AS] alias [(column, ...)]}. */
public record TableAlias(Identifier name, List<Identifier> columns, Span span) implements Node {
    public TableAlias {
        columns = List.copyOf(columns);
    }
}
