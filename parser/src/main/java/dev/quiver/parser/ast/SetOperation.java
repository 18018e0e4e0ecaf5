package dev.quiver.parser.ast;

/** {@code left UNION|INTERSECT|EXCEPT [ALL|DISTINCT] right}. */
public record SetOperation(SetOperator operator, boolean all, QueryBody left, QueryBody right, Span span)
        implements QueryBody {
}
