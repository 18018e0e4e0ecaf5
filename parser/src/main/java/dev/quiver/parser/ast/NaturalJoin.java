package dev.quiver.parser.ast;

/** {@code NATURAL JOIN}: USING all columns the two sides have in common. */
public record NaturalJoin() implements JoinCriteria {
}
