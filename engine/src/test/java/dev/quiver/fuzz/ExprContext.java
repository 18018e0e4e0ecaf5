package dev.quiver.fuzz;

import java.util.List;

/**
 * What an expression being generated may refer to.
 *
 * @param columns columns of the current query level usable here (in a grouped query outside
 *     aggregates: only the GROUP BY columns)
 * @param outer columns of enclosing queries (a reference to one makes a subquery correlated)
 * @param aggregateInput the columns an aggregate's argument may use; empty where aggregates are not allowed
 * @param aggregates whether an aggregate may appear here (SELECT list and HAVING of an aggregating query)
 * @param subqueries whether subqueries may appear here (not in JOIN conditions or aggregate arguments)
 */
record ExprContext(List<Expr.Column> columns, List<Expr.Column> outer, List<Expr.Column> aggregateInput, boolean aggregates,
        boolean subqueries) {
    ExprContext {
        columns = List.copyOf(columns);
        outer = List.copyOf(outer);
        aggregateInput = List.copyOf(aggregateInput);
    }

    /** A context over {@code columns} of a query nested in one with {@code outer} columns visible, without aggregates. */
    static ExprContext rows(List<Expr.Column> columns, List<Expr.Column> outer, boolean subqueries) {
        return new ExprContext(columns, outer, List.of(), false, subqueries);
    }

    /** The context of an aggregate's argument: the query's own rows, no aggregates, no subqueries. */
    ExprContext aggregateArgument() {
        return new ExprContext(aggregateInput, List.of(), List.of(), false, false);
    }

    /** The same context without subqueries. */
    ExprContext withoutSubqueries() {
        return new ExprContext(columns, outer, aggregateInput, aggregates, false);
    }

    /**
     * Everything a subquery nested here may refer to as an outer column: not the unqualified
     * columns of USING joins, whose names the subquery's own relations may also have.
     */
    List<Expr.Column> visibleToSubquery() {
        return java.util.stream.Stream.concat(columns.stream(), outer.stream()).filter(c -> !c.qualifier().isEmpty()).toList();
    }
}
