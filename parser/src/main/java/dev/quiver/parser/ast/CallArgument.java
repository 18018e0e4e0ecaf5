package dev.quiver.parser.ast;

import java.util.Optional;

/** An argument of {@code CALL}, by position ({@code 0.1}) or by name ({@code sf => 0.1}). */
public record CallArgument(Optional<Identifier> name, Expression value, Span span) implements Node {
}
