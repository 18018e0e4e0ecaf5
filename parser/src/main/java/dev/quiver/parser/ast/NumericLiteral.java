package dev.quiver.parser.ast;

/**
 * A number as written: {@code 42}, {@code 3.14}, {@code .5}, {@code 1e-3}. The binder decides its
 * type from the text (integer, exact decimal, or double for exponent notation).
 */
public record NumericLiteral(String text, Span span) implements Expression {
}
