package dev.quiver.parser.ast;

/** {@code type 'text'}, such as {@code DATE '1998-12-01'} or {@code TIMESTAMP '...'}. */
public record TypedLiteral(TypeName type, String value, Span span) implements Expression {
}
