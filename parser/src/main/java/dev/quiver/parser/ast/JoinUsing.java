package dev.quiver.parser.ast;

import java.util.List;

/** {@code USING (column, ...)}. */
public record JoinUsing(List<Identifier> columns) implements JoinCriteria {
    public JoinUsing {
        columns = List.copyOf(columns);
    }
}
