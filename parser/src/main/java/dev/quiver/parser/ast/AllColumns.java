package dev.quiver.parser.ast;

import java.util.Optional;

/** {@code *} or {@code qualifier.*}. */
public record AllColumns(Optional<QualifiedName> qualifier, Span span) implements SelectItem {
}
