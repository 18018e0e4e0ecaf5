package dev.quiver.planner.expr;

import dev.quiver.planner.type.DataType;

/**
 * A bound, typed scalar expression: the one intermediate form the optimizer rewrites, the
 * interpreter evaluates and the code generator compiles.
 *
 * <p>Invariants the binder establishes and every rewrite keeps: each node has a resolved
 * {@link #type()} (never {@code UNKNOWN} except a typed-null literal's own type being replaced);
 * arguments of a {@link Call} have exactly the types its {@link Function} expects for that result
 * type (implicit casts are explicit {@link Cast} nodes); column references name columns by a
 * query-unique id, so an expression means the same wherever it is moved.
 */
public sealed interface Expr permits ColumnRef, Literal, Call, Cast, CaseWhen {
    DataType type();
}
