package dev.quiver.parser.ast;

import java.util.List;

/** {@code value [NOT] IN (e1, e2, ...)}. */
public record InList(Expression value, List<Expression> list, boolean negated, Span span) implements Expression {
    public InList {
        list = List.copyOf(list);
    }
}
