package dev.quiver.parser.ast;

/** {@code ON condition}. */
public record JoinOn(Expression condition) implements JoinCriteria {
}
