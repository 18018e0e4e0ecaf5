package dev.quiver.parser.ast;

/** {@code value [NOT] BETWEEN low AND high}. */
public record Between(Expression value, Expression low, Expression high, boolean negated, Span span)
        implements Expression {
}
