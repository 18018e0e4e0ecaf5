package dev.quiver.parser.ast;

/** How a join matches rows: {@code ON condition}, {@code USING (columns)} or {@code NATURAL}. */
public sealed interface JoinCriteria permits JoinOn, JoinUsing, NaturalJoin {
}
