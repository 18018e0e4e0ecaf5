package dev.quiver.parser.ast;

/** {@code left op right} for {@code + - * / %}. */
public record ArithmeticBinary(ArithmeticOperator operator, Expression left, Expression right, Span span)
        implements Expression {
}
