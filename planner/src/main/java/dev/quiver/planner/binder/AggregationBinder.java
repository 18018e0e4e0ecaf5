package dev.quiver.planner.binder;

import dev.quiver.error.QuiverException;
import dev.quiver.error.SqlState;
import dev.quiver.parser.ast.ColumnReference;
import dev.quiver.parser.ast.Expression;
import dev.quiver.parser.ast.FunctionCall;
import dev.quiver.planner.expr.AggregateCall;
import dev.quiver.planner.expr.AggregateKind;
import dev.quiver.planner.expr.ColumnRef;
import dev.quiver.planner.expr.Expr;
import dev.quiver.planner.expr.Exprs;
import dev.quiver.planner.logical.LogicalAggregate;
import dev.quiver.planner.logical.LogicalPlan;
import dev.quiver.planner.logical.LogicalProject;
import dev.quiver.planner.plan.AggregateAssignment;
import dev.quiver.planner.plan.Assignment;
import dev.quiver.planner.type.DataType;
import java.util.ArrayList;
import java.util.IdentityHashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Builds the aggregation of a SELECT: a projection computing the grouping expressions and the
 * aggregate arguments, an aggregate over it, and an expression binder for the clauses above it
 * (SELECT list, HAVING, ORDER BY) in which
 * <ul>
 *   <li>an aggregate call becomes a reference to that aggregate's output (equal calls share one);</li>
 *   <li>a subexpression equal to a grouping expression becomes a reference to that key;</li>
 *   <li>any other column reference is a grouping error, reported where it is written.</li>
 * </ul>
 */
final class AggregationBinder {
    private record AggregateKey(AggregateKind kind, boolean distinct, List<Expr> arguments) {
    }

    private final Scope inputScope;
    private final ColumnIdAllocator ids;
    private final List<Expr> groupExpressions = new ArrayList<>();
    private final List<ColumnRef> groupKeys = new ArrayList<>();
    private final List<Assignment> preProjection = new ArrayList<>();
    private final Map<Expr, ColumnRef> projected = new LinkedHashMap<>();
    private final Map<AggregateKey, ColumnRef> aggregateOutputs = new LinkedHashMap<>();
    private final List<AggregateAssignment> aggregates = new ArrayList<>();
    /** Per AST node (by identity): whether an aggregate or subquery occurs in it; see holdsAggregateOrSubquery. */
    private final Map<Expression, Boolean> aggregateOrSubquery = new IdentityHashMap<>();
    private final Map<FunctionCall, ColumnRef> callOutputs = new IdentityHashMap<>();
    private final Optional<SubqueryBinder> subqueries;

    AggregationBinder(Scope inputScope, ColumnIdAllocator ids, Optional<SubqueryBinder> subqueries) {
        this.inputScope = inputScope;
        this.ids = ids;
        this.subqueries = subqueries;
    }

    /** Adds a grouping expression (already bound in the input scope); duplicates are ignored. */
    void addGroupExpression(Expr e) {
        if (groupExpressions.contains(e)) {
            return;
        }
        groupExpressions.add(e);
        groupKeys.add(project(e, e instanceof ColumnRef c ? c.name() : "group"));
    }

    /** Registers every aggregate call in the expression. */
    void addAggregates(Expression e) {
        for (FunctionCall call : AstExpressions.aggregates(e)) {
            addAggregate(call);
        }
    }

    private void addAggregate(FunctionCall call) {
        String name = call.name().joined();
        int at = call.span().start();
        AggregateKind kind = AggregateFunctions.kind(name, call.star());
        List<Expr> args = new ArrayList<>();
        if (kind != AggregateKind.COUNT_STAR) {
            if (call.arguments().size() != 1) {
                throw new QuiverException(SqlState.UNDEFINED_FUNCTION,
                        "function " + name + " takes exactly one argument, got " + call.arguments().size()).attachPosition(at);
            }
            Expression argument = call.arguments().get(0);
            if (AstExpressions.containsAggregate(argument)) {
                throw new QuiverException(SqlState.GROUPING_ERROR, "aggregate function calls cannot be nested")
                        .attachPosition(AstExpressions.aggregates(argument).get(0).span().start());
            }
            Expr bound = new ExpressionBinder(inputScope, "aggregate arguments", Optional.empty(), subqueries).bind(argument);
            if (bound.type().isUnknown()) {
                bound = Coercions.to(bound, DataType.INTEGER, at);
            }
            args.add(bound);
        } else if (call.distinct()) {
            throw new QuiverException(SqlState.SYNTAX_ERROR, "count(DISTINCT *) is not valid").attachPosition(at);
        }
        AggregateKey key = new AggregateKey(kind, call.distinct(), args);
        ColumnRef output = aggregateOutputs.get(key);
        if (output == null) {
            DataType type = args.isEmpty() ? DataType.BIGINT
                    : AggregateFunctions.resultType(kind, args.get(0).type())
                            .orElseThrow(() -> AggregateFunctions.noSuchSignature(name, args.get(0).type(), at));
            List<ColumnRef> argumentColumns = args.stream().map(a -> project(a, "arg")).toList();
            output = ids.newColumn(name, type);
            aggregates.add(new AggregateAssignment(output, new AggregateCall(kind, argumentColumns, call.distinct(), type, at)));
            aggregateOutputs.put(key, output);
        }
        callOutputs.put(call, output);
    }

    private ColumnRef project(Expr e, String name) {
        ColumnRef existing = projected.get(e);
        if (existing != null) {
            return existing;
        }
        ColumnRef column = e instanceof ColumnRef c ? c : ids.newColumn(name, e.type());
        preProjection.add(new Assignment(column, e));
        projected.put(e, column);
        return column;
    }

    /** The projection and aggregation over {@code input}. */
    LogicalPlan plan(LogicalPlan input) {
        LogicalPlan projectedInput = LogicalPlan.of(new LogicalProject(preProjection), input);
        return LogicalPlan.of(new LogicalAggregate(groupKeys, aggregates), projectedInput);
    }

    /**
     * Whether an aggregate call or a subquery occurs in the expression. Remembered for the node
     * and everything below it, since {@link #intercept} asks for every node from the top down:
     * asking each node's subtree afresh would cost time quadratic in the expression's depth.
     */
    private boolean holdsAggregateOrSubquery(Expression node) {
        Boolean known = aggregateOrSubquery.get(node);
        if (known != null) {
            return known;
        }
        boolean holds = AstExpressions.isAggregateCall(node) || AstExpressions.isSubquery(node);
        for (Expression child : AstExpressions.children(node)) {
            holds |= holdsAggregateOrSubquery(child);
        }
        aggregateOrSubquery.put(node, holds);
        return holds;
    }

    /** A binder for expressions evaluated after aggregation (SELECT, HAVING, ORDER BY). */
    ExpressionBinder outputBinder(String clause) {
        return new ExpressionBinder(inputScope, clause, Optional.of(this::intercept), subqueries);
    }

    private Optional<Expr> intercept(Expression node) {
        if (node instanceof FunctionCall call && callOutputs.containsKey(call)) {
            return Optional.of(callOutputs.get(call));
        }
        if (holdsAggregateOrSubquery(node)) {
            // Aggregates and subqueries are bound in place (a subquery is planned exactly once).
            return Optional.empty();
        }
        Expr bound = new ExpressionBinder(inputScope, "GROUP BY").bind(node);
        int key = groupExpressions.indexOf(bound);
        if (key >= 0) {
            return Optional.of(groupKeys.get(key));
        }
        if (Exprs.columns(bound).stream().noneMatch(inputScope::isLocal)) {
            // Constants and enclosing queries' columns are the same for every row of a group.
            return Optional.of(bound);
        }
        if (node instanceof ColumnReference ref) {
            throw new QuiverException(SqlState.GROUPING_ERROR,
                    "column \"" + Scope.written(ref) + "\" must appear in the GROUP BY clause or be used in an aggregate function")
                    .attachPosition(node.span().start());
        }
        return Optional.empty();
    }
}
