package dev.quiver.parser.ast;

/** {@code value op ALL|ANY|SOME (query)}. */
public record QuantifiedComparison(ComparisonOperator operator, Quantifier quantifier, Expression value, Query query,
        Span span) implements Expression {
}
