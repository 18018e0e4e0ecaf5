package dev.quiver.parser.ast;

import java.util.Optional;

/** {@code expression [[AS] alias]}. */
public record SelectExpression(Expression expression, Optional<Identifier> alias, Span span) implements SelectItem {
}
