package dev.quiver.parser.ast;

import java.util.List;

/** A column name, possibly qualified: {@code c}, {@code t.c}, {@code s.t.c}. */
public record ColumnReference(List<Identifier> parts, Span span) implements Expression {
    public ColumnReference {
        parts = List.copyOf(parts);
        if (parts.isEmpty()) {
            throw new IllegalArgumentException("empty column reference");
        }
    }

    /** The column name itself (the last part). */
    public Identifier column() {
        return parts.get(parts.size() - 1);
    }

    /** The written name, qualifiers included, for messages. */
    public String display() {
        return String.join(".", parts.stream().map(Identifier::display).toList());
    }
}
