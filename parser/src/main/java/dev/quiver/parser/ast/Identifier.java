package dev.quiver.parser.ast;

import static java.util.Objects.requireNonNull;

/**
 * A name as written. Unquoted identifiers are folded to lower case by the parser (as PostgreSQL
 * does), so {@code value} is the name to resolve; {@code quoted} says whether the case was kept.
 */
public record Identifier(String value, boolean quoted, Span span) implements Node {
    public Identifier {
        requireNonNull(value, "value");
        requireNonNull(span, "span");
    }

    /** The name as a user would write it back: quoted if it was quoted. */
    public String display() {
        return quoted ? "\"" + value.replace("\"", "\"\"") + "\"" : value;
    }
}
