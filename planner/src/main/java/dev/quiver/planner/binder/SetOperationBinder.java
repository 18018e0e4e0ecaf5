package dev.quiver.planner.binder;

import dev.quiver.error.QuiverException;
import dev.quiver.error.SqlState;
import dev.quiver.parser.ast.SetOperation;
import dev.quiver.planner.expr.Call;
import dev.quiver.planner.expr.ColumnRef;
import dev.quiver.planner.expr.Expr;
import dev.quiver.planner.expr.Exprs;
import dev.quiver.planner.expr.Function;
import dev.quiver.planner.logical.LogicalAggregate;
import dev.quiver.planner.logical.LogicalJoin;
import dev.quiver.planner.logical.LogicalPlan;
import dev.quiver.planner.logical.LogicalProject;
import dev.quiver.planner.logical.LogicalUnionAll;
import dev.quiver.planner.plan.Assignment;
import dev.quiver.planner.plan.JoinType;
import dev.quiver.planner.type.DataType;
import dev.quiver.planner.type.TypeCoercion;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * Binds {@code UNION}, {@code INTERSECT} and {@code EXCEPT}. Both sides must have the same number
 * of columns; each column takes the common type of its two sides (converted where they differ) and
 * the left side's name. UNION ALL is a {@link LogicalUnionAll}; UNION is its distinct rows;
 * INTERSECT and EXCEPT are the left side's distinct rows that do (SEMI) or do not (ANTI) equal
 * some right row, NULL equal to NULL as set operations require.
 */
final class SetOperationBinder {
    private final ColumnIdAllocator ids;

    SetOperationBinder(ColumnIdAllocator ids) {
        this.ids = ids;
    }

    RelationPlan bind(SetOperation operation, RelationPlan left, RelationPlan right) {
        int at = operation.span().start();
        String name = operation.operator().name();
        if (operation.all() && operation.operator() != dev.quiver.parser.ast.SetOperator.UNION) {
            throw new QuiverException(SqlState.FEATURE_NOT_SUPPORTED, name + " ALL is not supported; " + name
                    + " (distinct) is").attachPosition(at);
        }
        List<ColumnRef> l = left.plan().outputColumns();
        List<ColumnRef> r = right.plan().outputColumns();
        if (l.size() != r.size()) {
            throw new QuiverException(SqlState.SYNTAX_ERROR, "each " + name + " query must have the same number of columns")
                    .attachPosition(at);
        }
        List<DataType> types = new ArrayList<>();
        for (int i = 0; i < l.size(); i++) {
            DataType lt = l.get(i).type();
            DataType rt = r.get(i).type();
            Optional<DataType> common = TypeCoercion.commonSuperType(lt, rt);
            if (common.isEmpty()) {
                throw new QuiverException(SqlState.DATATYPE_MISMATCH, name + " types " + lt + " and " + rt + " cannot be matched")
                        .attachPosition(at);
            }
            types.add(common.get().isUnknown() ? DataType.INTEGER : common.get());
        }
        LogicalPlan leftPlan = convert(left.plan(), types, at);
        LogicalPlan rightPlan = convert(right.plan(), types, at);
        List<Scope.Field> leftFields = left.scope().fields();
        LogicalPlan plan;
        List<ColumnRef> outputs;
        if (operation.operator() == dev.quiver.parser.ast.SetOperator.UNION) {
            outputs = new ArrayList<>();
            for (int i = 0; i < types.size(); i++) {
                outputs.add(ids.newColumn(leftFields.get(i).name(), types.get(i)));
            }
            plan = LogicalPlan.of(new LogicalUnionAll(outputs, List.of(leftPlan.outputColumns(), rightPlan.outputColumns())),
                    List.of(leftPlan, rightPlan));
            if (!operation.all()) {
                plan = distinct(plan);
            }
        } else {
            List<Expr> equalities = new ArrayList<>();
            List<ColumnRef> lc = leftPlan.outputColumns();
            List<ColumnRef> rc = rightPlan.outputColumns();
            for (int i = 0; i < lc.size(); i++) {
                equalities.add(new Call(Function.IS_NOT_DISTINCT_FROM, List.of(lc.get(i), rc.get(i)), DataType.BOOLEAN));
            }
            JoinType type = operation.operator() == dev.quiver.parser.ast.SetOperator.INTERSECT ? JoinType.SEMI : JoinType.ANTI;
            plan = distinct(LogicalPlan.of(new LogicalJoin(type, Exprs.and(equalities)), List.of(leftPlan, rightPlan)));
            outputs = lc;
        }
        List<Scope.Field> fields = new ArrayList<>();
        for (int i = 0; i < outputs.size(); i++) {
            fields.add(new Scope.Field(Optional.empty(), leftFields.get(i).name(), outputs.get(i)));
        }
        return new RelationPlan(plan, new Scope(fields));
    }

    private static LogicalPlan distinct(LogicalPlan plan) {
        return LogicalPlan.of(new LogicalAggregate(plan.outputColumns(), List.of()), plan);
    }

    /** The plan with its columns converted to {@code types} where they differ. */
    private LogicalPlan convert(LogicalPlan plan, List<DataType> types, int at) {
        List<ColumnRef> columns = plan.outputColumns();
        boolean same = true;
        for (int i = 0; i < columns.size(); i++) {
            same &= columns.get(i).type().equals(types.get(i));
        }
        if (same) {
            return plan;
        }
        List<Assignment> assignments = new ArrayList<>();
        for (int i = 0; i < columns.size(); i++) {
            ColumnRef c = columns.get(i);
            if (c.type().equals(types.get(i))) {
                assignments.add(new Assignment(c, c));
            } else {
                assignments.add(new Assignment(ids.newColumn(c.name(), types.get(i)), Coercions.to(c, types.get(i), at)));
            }
        }
        return LogicalPlan.of(new LogicalProject(assignments), plan);
    }
}
