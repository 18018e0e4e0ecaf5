package dev.quiver.parser.ast;

/** {@code 'text'} with quotes removed and doubled quotes undone. */
public record StringLiteral(String value, Span span) implements Expression {
}
