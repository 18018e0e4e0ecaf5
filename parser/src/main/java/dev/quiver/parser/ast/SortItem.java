package dev.quiver.parser.ast;

/** {@code expression [ASC|DESC] [NULLS FIRST|LAST]}. */
public record SortItem(Expression key, boolean descending, NullOrdering nullOrdering, Span span) implements Node {
}
