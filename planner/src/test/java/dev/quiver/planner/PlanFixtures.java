package dev.quiver.planner;

import dev.quiver.planner.binder.ColumnIdAllocator;
import dev.quiver.planner.catalog.ColumnMetadata;
import dev.quiver.planner.catalog.TableHandle;
import dev.quiver.planner.expr.Call;
import dev.quiver.planner.expr.ColumnRef;
import dev.quiver.planner.expr.Expr;
import dev.quiver.planner.expr.Function;
import dev.quiver.planner.expr.Literal;
import dev.quiver.planner.logical.LogicalFilter;
import dev.quiver.planner.logical.LogicalPlan;
import dev.quiver.planner.logical.LogicalProject;
import dev.quiver.planner.logical.LogicalScan;
import dev.quiver.planner.plan.Assignment;
import dev.quiver.planner.rule.ConstantEvaluator;
import dev.quiver.planner.rule.RuleContext;
import dev.quiver.planner.type.DataType;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;

/** Hand-built expressions and logical plans for rule and optimizer tests. */
public final class PlanFixtures {
    public final TestCatalog catalog = TestCatalog.standard();
    public final ColumnIdAllocator ids = new ColumnIdAllocator();

    public RuleContext context() {
        return new RuleContext(ids, ConstantEvaluator.NONE);
    }

    public RuleContext context(ConstantEvaluator constants) {
        return new RuleContext(ids, constants);
    }

    /** A scan of every column of the table, with fresh column ids in table order. */
    public LogicalPlan scan(String table) {
        TableHandle handle = catalog.get(table);
        List<ColumnRef> columns = new ArrayList<>();
        List<Integer> ordinals = new ArrayList<>();
        for (int i = 0; i < handle.columns().size(); i++) {
            ColumnMetadata c = handle.columns().get(i);
            columns.add(ids.newColumn(c.name(), c.type()));
            ordinals.add(i);
        }
        return LogicalPlan.leaf(new LogicalScan(handle, columns, ordinals));
    }

    public static ColumnRef column(LogicalPlan plan, String name) {
        return plan.outputColumns().stream().filter(c -> c.name().equals(name)).findFirst().orElseThrow();
    }

    public static LogicalPlan filter(Expr predicate, LogicalPlan input) {
        return LogicalPlan.of(new LogicalFilter(predicate), input);
    }

    public static LogicalPlan project(LogicalPlan input, Assignment... assignments) {
        return LogicalPlan.of(new LogicalProject(Arrays.asList(assignments)), input);
    }

    /** Identity assignments passing the given columns through. */
    public static Assignment[] pass(ColumnRef... columns) {
        return Arrays.stream(columns).map(c -> new Assignment(c, c)).toArray(Assignment[]::new);
    }

    public Assignment assign(String name, Expr e) {
        return new Assignment(ids.newColumn(name, e.type()), e);
    }

    public static Literal integer(long v) {
        return Literal.of(v, DataType.INTEGER);
    }

    public static Literal bool(boolean v) {
        return Literal.ofBoolean(v);
    }

    public static Literal nullBoolean() {
        return Literal.nullOf(DataType.BOOLEAN);
    }

    public static Call call(Function f, DataType type, Expr... args) {
        return new Call(f, List.of(args), type);
    }

    public static Call gt(Expr a, Expr b) {
        return call(Function.GREATER_THAN, DataType.BOOLEAN, a, b);
    }

    public static Call lt(Expr a, Expr b) {
        return call(Function.LESS_THAN, DataType.BOOLEAN, a, b);
    }

    public static Call eq(Expr a, Expr b) {
        return call(Function.EQUAL, DataType.BOOLEAN, a, b);
    }

    public static Call plus(Expr a, Expr b) {
        return call(Function.ADD, a.type(), a, b);
    }

    public static Call times(Expr a, Expr b) {
        return call(Function.MULTIPLY, a.type(), a, b);
    }

    public static Call divide(Expr a, Expr b) {
        return call(Function.DIVIDE, a.type(), a, b);
    }

    /** A raw AND call (not flattened or simplified, unlike {@code Exprs.and}). */
    public static Call and(Expr... args) {
        return call(Function.AND, DataType.BOOLEAN, args);
    }

    public static Call or(Expr... args) {
        return call(Function.OR, DataType.BOOLEAN, args);
    }

    public static Call not(Expr e) {
        return call(Function.NOT, DataType.BOOLEAN, e);
    }

    /**
     * A stand-in for the executor's evaluator, which the planner cannot depend on: folds integer
     * + - *, integer comparisons and NOT over non-null literals; gives up (empty) on anything else,
     * including division, as the real one does when evaluation fails.
     */
    public static final ConstantEvaluator INTEGER_FOLDING = e -> {
        if (!(e instanceof Call c) || !c.arguments().stream().allMatch(a -> a instanceof Literal l && !l.isNull())) {
            return Optional.empty();
        }
        List<Object> v = c.arguments().stream().map(a -> ((Literal) a).get()).toList();
        switch (c.function()) {
            case NOT:
                return Optional.of(Literal.ofBoolean(!(Boolean) v.get(0)));
            case ADD:
            case SUBTRACT:
            case MULTIPLY:
                if (!(v.get(0) instanceof Long x) || !(v.get(1) instanceof Long y)) {
                    return Optional.empty();
                }
                long r = c.function() == Function.ADD ? x + y : c.function() == Function.SUBTRACT ? x - y : x * y;
                return Optional.of(Literal.of(r, c.type()));
            case EQUAL:
            case LESS_THAN:
            case GREATER_THAN:
                if (!(v.get(0) instanceof Long x2) || !(v.get(1) instanceof Long y2)) {
                    return Optional.empty();
                }
                int cmp = Long.compare(x2, y2);
                boolean b = c.function() == Function.EQUAL ? cmp == 0 : c.function() == Function.LESS_THAN ? cmp < 0 : cmp > 0;
                return Optional.of(Literal.ofBoolean(b));
            default:
                return Optional.empty();
        }
    };
}
