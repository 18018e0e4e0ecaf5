package dev.quiver.parser.ast;

import java.util.List;

/** {@code CREATE [OR REPLACE] VIEW name [(columns)] AS query}. */
public record CreateView(QualifiedName name, List<Identifier> columns, Query query, boolean orReplace, Span span)
        implements Statement {
    public CreateView {
        columns = List.copyOf(columns);
    }
}
