package dev.quiver.parser.ast;

import java.util.List;

/**
 * {@code value [NOT] IN (e1, e2, ...)}. The list may be empty ({@code x IN ()}, SQLite's form, which
 * PostgreSQL rejects): then IN is FALSE and NOT IN TRUE for every value, NULL included.
 */
public record InList(Expression value, List<Expression> list, boolean negated, Span span) implements Expression {
    public InList {
        list = List.copyOf(list);
    }
}
