package dev.quiver.planner.binder;

import dev.quiver.error.QuiverException;
import dev.quiver.error.SqlState;
import dev.quiver.parser.ast.AllColumns;
import dev.quiver.parser.ast.ArithmeticUnary;
import dev.quiver.parser.ast.Cast;
import dev.quiver.parser.ast.ColumnReference;
import dev.quiver.parser.ast.Expression;
import dev.quiver.parser.ast.Extract;
import dev.quiver.parser.ast.FunctionCall;
import dev.quiver.parser.ast.NumericLiteral;
import dev.quiver.parser.ast.QuerySpecification;
import dev.quiver.parser.ast.SelectExpression;
import dev.quiver.parser.ast.SelectItem;
import dev.quiver.parser.ast.SortItem;
import dev.quiver.planner.expr.ColumnRef;
import dev.quiver.planner.expr.Expr;
import dev.quiver.planner.logical.LogicalAggregate;
import dev.quiver.planner.logical.LogicalFilter;
import dev.quiver.planner.logical.LogicalPlan;
import dev.quiver.planner.logical.LogicalProject;
import dev.quiver.planner.logical.LogicalSort;
import dev.quiver.planner.plan.Assignment;
import dev.quiver.planner.plan.SortKey;
import dev.quiver.planner.type.DataType;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.OptionalLong;

/**
 * Binds one {@code SELECT ... FROM ... WHERE ... GROUP BY ... HAVING ...} together with the ORDER
 * BY, LIMIT and OFFSET of its query, which may refer to its input columns as well as its outputs.
 *
 * <p>The plan has the shape {@code Limit(Sort(Project(Filter_having(Aggregate(Project(Filter_where(from)))))))},
 * with the parts that do not apply left out; ORDER BY expressions that are not select items are
 * computed as hidden columns and projected away after sorting.
 */
final class SelectBinder {
    private record Output(String name, Expr expression, Optional<Expression> source) {
    }

    private final Binder binder;
    private final QuerySpecification spec;
    private final ColumnIdAllocator ids;
    private final Optional<Scope> outer;

    /** A SELECT whose names may also refer to the enclosing query's ({@code outer}: correlation). */
    SelectBinder(Binder binder, QuerySpecification spec, ColumnIdAllocator ids, Optional<Scope> outer) {
        this.binder = binder;
        this.spec = spec;
        this.ids = ids;
        this.outer = outer;
    }

    RelationPlan bind(List<SortItem> orderBy, OptionalLong limit, long offset) {
        Scope scope;
        PlanHolder holder;
        if (spec.from().isPresent()) {
            RelationPlan from = binder.relation(spec.from().get(), outer);
            holder = new PlanHolder(from.plan());
            scope = from.scope().withOuter(outer);
        } else {
            holder = new PlanHolder(Binder.singleRow());
            scope = Scope.within(outer);
        }
        // Subqueries in a clause wrap the plan being built in dependent joins (see SubqueryBinder).
        SubqueryBinder subqueries = new SubqueryBinder(binder, ids, holder);
        if (spec.where().isPresent()) {
            Expr predicate = new ExpressionBinder(scope, "WHERE").withSubqueries(subqueries).bindPredicate(spec.where().get());
            holder.set(LogicalPlan.of(new LogicalFilter(predicate), holder.plan()));
        }

        List<Expression> aggregateSources = new ArrayList<>();
        for (SelectItem item : spec.selectItems()) {
            if (item instanceof SelectExpression se) {
                aggregateSources.add(se.expression());
            }
        }
        spec.having().ifPresent(aggregateSources::add);
        orderBy.forEach(o -> aggregateSources.add(o.key()));
        boolean aggregated = !spec.groupBy().isEmpty() || spec.having().isPresent()
                || aggregateSources.stream().anyMatch(AstExpressions::containsAggregate);

        ExpressionBinder outputBinder;
        if (aggregated) {
            AggregationBinder aggregation = new AggregationBinder(scope, ids, Optional.of(subqueries));
            for (Expression g : spec.groupBy()) {
                aggregation.addGroupExpression(groupExpression(g, scope, subqueries));
            }
            aggregateSources.forEach(aggregation::addAggregates);
            holder.set(aggregation.plan(holder.plan()));
            if (spec.having().isPresent()) {
                Expr having = aggregation.outputBinder("HAVING").bindPredicate(spec.having().get());
                holder.set(LogicalPlan.of(new LogicalFilter(having), holder.plan()));
            }
            outputBinder = aggregation.outputBinder("SELECT");
        } else {
            outputBinder = new ExpressionBinder(scope, "SELECT").withSubqueries(subqueries);
        }

        List<Output> outputs = selectList(scope, outputBinder);
        List<Assignment> assignments = new ArrayList<>();
        List<Scope.Field> fields = new ArrayList<>();
        for (Output o : outputs) {
            Expr e = o.expression().type().isUnknown() ? Coercions.to(o.expression(), DataType.INTEGER, -1) : o.expression();
            ColumnRef column = ids.newColumn(o.name(), e.type());
            assignments.add(new Assignment(column, e));
            fields.add(new Scope.Field(Optional.empty(), o.name(), column));
        }
        List<ColumnRef> visible = assignments.stream().map(Assignment::output).toList();

        List<SortKey> sortKeys = new ArrayList<>();
        List<Assignment> hidden = new ArrayList<>();
        for (SortItem item : orderBy) {
            ColumnRef column = orderByColumn(item.key(), outputs, assignments, hidden, outputBinder);
            sortKeys.add(Binder.sortKey(column, item));
        }
        List<Assignment> all = new ArrayList<>(assignments);
        all.addAll(hidden);
        LogicalPlan plan = LogicalPlan.of(new LogicalProject(all), holder.plan());
        if (spec.distinct()) {
            plan = LogicalPlan.of(new LogicalAggregate(visible, List.of()), plan);
        }
        if (!sortKeys.isEmpty()) {
            plan = LogicalPlan.of(new LogicalSort(sortKeys), plan);
        }
        plan = Binder.applyLimit(plan, limit, offset);
        if (!hidden.isEmpty()) {
            plan = LogicalPlan.of(new LogicalProject(visible.stream().map(c -> new Assignment(c, c)).toList()), plan);
        }
        return new RelationPlan(plan, new Scope(fields));
    }

    private List<Output> selectList(Scope scope, ExpressionBinder outputBinder) {
        List<Output> outputs = new ArrayList<>();
        for (SelectItem item : spec.selectItems()) {
            if (item instanceof AllColumns all) {
                List<Scope.Field> fields;
                if (all.qualifier().isPresent()) {
                    String relation = all.qualifier().get().joined();
                    if (!scope.hasRelation(relation)) {
                        throw new QuiverException(SqlState.UNDEFINED_TABLE, "missing FROM-clause entry for table \"" + relation + "\"")
                                .attachPosition(all.span().start());
                    }
                    fields = scope.fieldsOf(relation);
                } else {
                    if (spec.from().isEmpty()) {
                        throw new QuiverException(SqlState.SYNTAX_ERROR, "SELECT * with no tables specified is not valid")
                                .attachPosition(all.span().start());
                    }
                    fields = scope.unqualifiedFields();
                }
                for (Scope.Field f : fields) {
                    ColumnReference reference = new ColumnReference(
                            List.of(new dev.quiver.parser.ast.Identifier(f.name(), true, all.span())), all.span());
                    // Bind through the output binder so grouping rules apply to * as to written columns.
                    Expr e = f.relation().isPresent() ? outputBinder.bind(qualified(f, all)) : outputBinder.bind(reference);
                    outputs.add(new Output(f.name(), e, Optional.empty()));
                }
            } else {
                SelectExpression se = (SelectExpression) item;
                Expr e = outputBinder.bind(se.expression());
                String name = se.alias().map(a -> a.value()).orElseGet(() -> defaultName(se.expression()));
                outputs.add(new Output(name, e, Optional.of(se.expression())));
            }
        }
        return outputs;
    }

    private static ColumnReference qualified(Scope.Field f, AllColumns all) {
        return new ColumnReference(List.of(
                new dev.quiver.parser.ast.Identifier(f.relation().get(), true, all.span()),
                new dev.quiver.parser.ast.Identifier(f.name(), true, all.span())), all.span());
    }

    /** GROUP BY item: a select-list position, a select alias (if no input column has the name), or an expression. */
    private Expr groupExpression(Expression g, Scope scope, SubqueryBinder subqueries) {
        Optional<Integer> ordinal = ordinal(g);
        Expression target = g;
        if (ordinal.isPresent()) {
            int k = ordinal.get();
            if (k < 1 || k > spec.selectItems().size() || !(spec.selectItems().get(k - 1) instanceof SelectExpression)) {
                throw new QuiverException(SqlState.INVALID_COLUMN_REFERENCE, "GROUP BY position " + k + " is not in select list")
                        .attachPosition(g.span().start());
            }
            target = ((SelectExpression) spec.selectItems().get(k - 1)).expression();
        } else if (g instanceof ColumnReference ref && ref.parts().size() == 1 && scope.tryResolve(ref).isEmpty()) {
            for (SelectItem item : spec.selectItems()) {
                if (item instanceof SelectExpression se && se.alias().isPresent()
                        && se.alias().get().value().equals(ref.column().value())) {
                    target = se.expression();
                    break;
                }
            }
        }
        if (AstExpressions.containsAggregate(target)) {
            throw new QuiverException(SqlState.GROUPING_ERROR, "aggregate functions are not allowed in GROUP BY")
                    .attachPosition(AstExpressions.aggregates(target).get(0).span().start());
        }
        Expr e = new ExpressionBinder(scope, "GROUP BY").withSubqueries(subqueries).bind(target);
        return e.type().isUnknown() ? Coercions.to(e, DataType.INTEGER, -1) : e;
    }

    /**
     * ORDER BY item: a position in the select list, an output name, or an expression; an
     * expression equal to a select item uses it, others become hidden columns.
     */
    private ColumnRef orderByColumn(Expression key, List<Output> outputs, List<Assignment> assignments,
            List<Assignment> hidden, ExpressionBinder outputBinder) {
        Optional<Integer> ordinal = ordinal(key);
        if (ordinal.isPresent()) {
            int k = ordinal.get();
            if (k < 1 || k > outputs.size()) {
                throw new QuiverException(SqlState.INVALID_COLUMN_REFERENCE, "ORDER BY position " + k + " is not in select list")
                        .attachPosition(key.span().start());
            }
            return assignments.get(k - 1).output();
        }
        if (key instanceof ColumnReference ref && ref.parts().size() == 1) {
            ColumnRef match = null;
            for (int i = 0; i < outputs.size(); i++) {
                if (outputs.get(i).name().equals(ref.column().value())) {
                    if (match != null && !assignments.get(i).expression().equals(assignmentFor(match, assignments).expression())) {
                        throw new QuiverException(SqlState.AMBIGUOUS_COLUMN, "ORDER BY \"" + Scope.written(ref) + "\" is ambiguous")
                                .attachPosition(key.span().start());
                    }
                    if (match == null) {
                        match = assignments.get(i).output();
                    }
                }
            }
            if (match != null) {
                return match;
            }
        }
        Expr e = outputBinder.bind(key);
        for (Assignment a : assignments) {
            if (a.expression().equals(e)) {
                return a.output();
            }
        }
        if (spec.distinct()) {
            throw new QuiverException(SqlState.INVALID_COLUMN_REFERENCE,
                    "for SELECT DISTINCT, ORDER BY expressions must appear in select list").attachPosition(key.span().start());
        }
        for (Assignment a : hidden) {
            if (a.expression().equals(e)) {
                return a.output();
            }
        }
        ColumnRef column = ids.newColumn("sort", e.type().isUnknown() ? DataType.INTEGER : e.type());
        hidden.add(new Assignment(column, e.type().isUnknown() ? Coercions.to(e, DataType.INTEGER, -1) : e));
        return column;
    }

    private static Assignment assignmentFor(ColumnRef column, List<Assignment> assignments) {
        return assignments.stream().filter(a -> a.output().equals(column)).findFirst().orElseThrow();
    }

    /** A bare integer literal in ORDER BY or GROUP BY is a position in the select list. */
    static Optional<Integer> ordinal(Expression e) {
        // A minus sign before an integer constant is part of it (as PostgreSQL's parser folds it):
        // the position is negative, so out of range.
        if (e instanceof ArithmeticUnary u && u.negate() && u.value() instanceof NumericLiteral) {
            return ordinal(u.value()).map(k -> -k);
        }
        if (e instanceof NumericLiteral n && n.text().chars().allMatch(Character::isDigit)) {
            try {
                return Optional.of(Integer.parseInt(n.text()));
            } catch (NumberFormatException ex) {
                return Optional.of(Integer.MAX_VALUE);
            }
        }
        return Optional.empty();
    }

    /** The column name a client sees for an unaliased select item, as PostgreSQL names it. */
    private static String defaultName(Expression e) {
        if (e instanceof ColumnReference ref) {
            return ref.column().value();
        }
        if (e instanceof FunctionCall f) {
            return f.name().last().value();
        }
        if (e instanceof Cast c) {
            return c.value() instanceof ColumnReference ? defaultName(c.value()) : c.type().name();
        }
        if (e instanceof Extract) {
            return "extract";
        }
        if (e instanceof dev.quiver.parser.ast.Case) {
            return "case";
        }
        return "?column?";
    }
}
