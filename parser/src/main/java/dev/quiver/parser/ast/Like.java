package dev.quiver.parser.ast;

import java.util.Optional;

/** {@code value [NOT] LIKE|ILIKE pattern [ESCAPE escape]}. */
public record Like(Expression value, Expression pattern, Optional<Expression> escape, boolean negated,
        boolean caseInsensitive, Span span) implements Expression {
}
