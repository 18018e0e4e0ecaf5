package dev.quiver.parser.ast;

import java.util.List;
import java.util.Optional;

/**
 * {@code CASE [operand] WHEN ... THEN ... [ELSE ...] END}. With an operand it is a simple CASE
 * (each WHEN holds a value compared to the operand); without, a searched CASE.
 */
public record Case(Optional<Expression> operand, List<WhenClause> whenClauses, Optional<Expression> elseValue,
        Span span) implements Expression {
    public Case {
        whenClauses = List.copyOf(whenClauses);
    }
}
