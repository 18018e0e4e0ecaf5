package dev.quiver.parser.ast;

import java.util.List;
import java.util.stream.Collectors;

/** A dotted name such as {@code schema.table}; at least one part. */
public record QualifiedName(List<Identifier> parts, Span span) implements Node {
    public QualifiedName {
        parts = List.copyOf(parts);
        if (parts.isEmpty()) {
            throw new IllegalArgumentException("empty name");
        }
    }

    /** The last part: the object name without its qualifiers. */
    public Identifier last() {
        return parts.get(parts.size() - 1);
    }

    /** The parts joined with dots, as resolved (folded) names. */
    public String joined() {
        return parts.stream().map(Identifier::value).collect(Collectors.joining("."));
    }
}
