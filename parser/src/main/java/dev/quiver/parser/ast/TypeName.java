package dev.quiver.parser.ast;

import java.util.List;

/**
 * A type as written: its base name in lower case with spaces normalised (for example
 * {@code "decimal"}, {@code "double precision"}, {@code "varchar"}) and its numeric parameters.
 */
public record TypeName(String name, List<Integer> parameters, Span span) implements Node {
    public TypeName {
        java.util.Objects.requireNonNull(name, "name");
        parameters = List.copyOf(parameters);
    }
}
