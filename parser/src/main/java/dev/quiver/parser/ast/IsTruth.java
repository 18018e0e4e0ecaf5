package dev.quiver.parser.ast;

import java.util.Optional;

/**
 * {@code value IS [NOT] TRUE | FALSE | UNKNOWN}: a test that is never NULL. {@code truth} is the
 * truth value tested for; empty means UNKNOWN (which is {@code IS NULL} on a boolean).
 */
public record IsTruth(Expression value, Optional<Boolean> truth, boolean negated, Span span) implements Expression {
}
