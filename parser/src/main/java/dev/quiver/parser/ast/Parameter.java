package dev.quiver.parser.ast;

/** A positional parameter {@code ?} (numbered from 0 in order of appearance) or {@code $n} (n - 1). */
public record Parameter(int index, Span span) implements Expression {
}
