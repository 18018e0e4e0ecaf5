package dev.quiver.planner.binder;

import dev.quiver.error.QuiverException;
import dev.quiver.error.SqlState;
import dev.quiver.parser.ast.ColumnAssignment;
import dev.quiver.parser.ast.Delete;
import dev.quiver.parser.ast.Expression;
import dev.quiver.parser.ast.Identifier;
import dev.quiver.parser.ast.QualifiedName;
import dev.quiver.parser.ast.Update;
import dev.quiver.planner.catalog.ColumnMetadata;
import dev.quiver.planner.catalog.TableHandle;
import dev.quiver.planner.expr.Call;
import dev.quiver.planner.expr.ColumnRef;
import dev.quiver.planner.expr.Expr;
import dev.quiver.planner.expr.Exprs;
import dev.quiver.planner.expr.Function;
import dev.quiver.planner.logical.LogicalFilter;
import dev.quiver.planner.logical.LogicalPlan;
import dev.quiver.planner.logical.LogicalProject;
import dev.quiver.planner.logical.LogicalUnionAll;
import dev.quiver.planner.plan.Assignment;
import dev.quiver.planner.type.DataType;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * Binds DELETE and UPDATE as queries over the table they change, which then run through the normal
 * optimizer and both executors; the engine replaces the table's rows with the result.
 *
 * <pre>
 *   DELETE FROM t WHERE p         the rows that remain:  SELECT * FROM t WHERE p IS NOT TRUE
 *   UPDATE t SET c = e WHERE p    all rows after it:     SELECT (c := e, other columns as they are), TRUE FROM t WHERE p
 *                                                        UNION ALL SELECT *, FALSE FROM t WHERE p IS NOT TRUE
 * </pre>
 *
 * The SET expressions are computed only for the rows the WHERE clause selects, so they fail (a
 * division by zero, an overflow, a subquery returning several rows) only where PostgreSQL's would;
 * every expression sees the row as it was before the statement. Subqueries in WHERE and SET may be
 * correlated with the row; they become joins like any other.
 */
final class DataChangeBinder {
    private final Binder binder;
    private final RelationBinder relations;
    private final ColumnIdAllocator ids;

    DataChangeBinder(Binder binder, RelationBinder relations, ColumnIdAllocator ids) {
        this.binder = binder;
        this.relations = relations;
        this.ids = ids;
    }

    BoundDelete delete(Delete delete) {
        TableHandle table = binder.target(delete.table(), "delete from");
        Selection remaining = select(table, delete.table(), delete.alias(), delete.where(), false);
        List<Assignment> columns = new ArrayList<>();
        for (int i = 0; i < table.columns().size(); i++) {
            columns.add(unchanged(table.columns().get(i), remaining.columns().get(i)));
        }
        return new BoundDelete(table, LogicalPlan.of(new LogicalProject(columns), remaining.holder().plan()));
    }

    BoundUpdate update(Update update) {
        TableHandle table = binder.target(update.table(), "update");
        List<ColumnMetadata> columns = table.columns();
        ColumnAssignment[] assigned = new ColumnAssignment[columns.size()];
        for (ColumnAssignment a : update.assignments()) {
            int ordinal = Binder.targetColumn(table, a.column());
            if (assigned[ordinal] != null) {
                throw new QuiverException(SqlState.SYNTAX_ERROR, "multiple assignments to same column \"" + a.column().value() + "\"")
                        .attachPosition(a.column().span().start());
            }
            assigned[ordinal] = a;
        }

        Selection changed = select(table, update.table(), update.alias(), update.where(), true);
        ExpressionBinder values = new ExpressionBinder(changed.scope(), "UPDATE").withSubqueries(changed.subqueries());
        List<Assignment> changedRow = new ArrayList<>();
        for (int i = 0; i < columns.size(); i++) {
            ColumnMetadata column = columns.get(i);
            if (assigned[i] == null) {
                changedRow.add(unchanged(column, changed.columns().get(i)));
            } else {
                Expression value = assigned[i].value();
                Expr bound = Binder.assign(values.bind(value), column, value.span().start());
                changedRow.add(new Assignment(ids.newColumn(column.name(), bound.type()), bound));
            }
        }
        changedRow.add(new Assignment(ids.newColumn("updated", DataType.BOOLEAN), Exprs.TRUE));
        LogicalPlan changedRows = LogicalPlan.of(new LogicalProject(changedRow), changed.holder().plan());
        if (update.where().isEmpty()) {
            return new BoundUpdate(table, changedRows);
        }

        Selection kept = select(table, update.table(), update.alias(), update.where(), false);
        List<Assignment> keptRow = new ArrayList<>();
        for (int i = 0; i < columns.size(); i++) {
            keptRow.add(unchanged(columns.get(i), kept.columns().get(i)));
        }
        keptRow.add(new Assignment(ids.newColumn("updated", DataType.BOOLEAN), Exprs.FALSE));
        LogicalPlan keptRows = LogicalPlan.of(new LogicalProject(keptRow), kept.holder().plan());

        List<ColumnRef> output = changedRow.stream().map(a -> ids.newColumn(a.output().name(), a.output().type())).toList();
        LogicalUnionAll union = new LogicalUnionAll(output, List.of(changedRows.outputColumns(), keptRows.outputColumns()));
        return new BoundUpdate(table, LogicalPlan.of(union, List.of(changedRows, keptRows)));
    }

    /** A table's rows filtered by a DELETE's or UPDATE's WHERE clause, with the scope its expressions are bound in. */
    private record Selection(PlanHolder holder, Scope scope, SubqueryBinder subqueries, List<ColumnRef> columns) {
    }

    /**
     * The rows of the table for which {@code where} is TRUE ({@code matching}) or not TRUE (FALSE or
     * NULL); without a WHERE clause every row matches. The alias, or else the table's name, qualifies
     * its columns.
     */
    private Selection select(TableHandle table, QualifiedName name, Optional<Identifier> alias, Optional<Expression> where,
            boolean matching) {
        String qualifier = alias.orElse(name.last()).value();
        RelationPlan scan = relations.scan(table, Optional.of(qualifier), List.of(), name.span().start());
        PlanHolder holder = new PlanHolder(scan.plan());
        SubqueryBinder subqueries = new SubqueryBinder(binder, ids, holder);
        Expr predicate = where.isPresent()
                ? new ExpressionBinder(scan.scope(), "WHERE").withSubqueries(subqueries).bindPredicate(where.get())
                : Exprs.TRUE;
        if (!matching) {
            predicate = new Call(Function.IS_DISTINCT_FROM, List.of(predicate, Exprs.TRUE), DataType.BOOLEAN);
        }
        if (!predicate.equals(Exprs.TRUE)) {
            holder.set(LogicalPlan.of(new LogicalFilter(predicate), holder.plan()));
        }
        return new Selection(holder, scan.scope(), subqueries, scan.plan().outputColumns());
    }

    /** A column passed through as it is stored, with the type INSERT would produce for it. */
    private Assignment unchanged(ColumnMetadata column, ColumnRef value) {
        DataType type = Binder.storedAs(column.type());
        return new Assignment(ids.newColumn(column.name(), type), Coercions.to(value, type, -1));
    }
}
