package dev.quiver.planner;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import dev.quiver.error.QuiverException;
import dev.quiver.parser.SqlParser;
import dev.quiver.parser.ast.Insert;
import dev.quiver.parser.ast.QueryStatement;
import dev.quiver.parser.ast.Statement;
import dev.quiver.planner.binder.Binder;
import dev.quiver.planner.binder.BoundInsert;
import dev.quiver.planner.binder.BoundQuery;
import dev.quiver.planner.binder.ColumnIdAllocator;
import dev.quiver.planner.catalog.Catalog;
import dev.quiver.planner.expr.Expr;
import dev.quiver.planner.logical.LogicalPlan;
import dev.quiver.planner.logical.LogicalProject;
import dev.quiver.planner.optimizer.OptimizedPlan;
import dev.quiver.planner.optimizer.Optimizer;
import dev.quiver.planner.optimizer.OptimizerSettings;
import dev.quiver.planner.physical.PhysicalPlan;
import dev.quiver.planner.rule.ConstantEvaluator;
import dev.quiver.planner.rule.RuleContext;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;

/** Parse, bind and optimize SQL against a {@link TestCatalog}, one statement per call. */
public final class Planning {
    private final Catalog catalog;
    private ColumnIdAllocator ids = new ColumnIdAllocator();

    public Planning(Catalog catalog) {
        this.catalog = catalog;
    }

    public static Planning standard() {
        return new Planning(TestCatalog.standard());
    }

    /** The allocator used by the last bind (an optimizer run must share it). */
    public ColumnIdAllocator ids() {
        return ids;
    }

    public BoundQuery bind(String sql) {
        ids = new ColumnIdAllocator();
        Statement statement = SqlParser.parseStatement(sql);
        return new Binder(catalog, ids).bindQuery(((QueryStatement) statement).query());
    }

    public BoundInsert bindInsert(String sql) {
        ids = new ColumnIdAllocator();
        Statement statement = SqlParser.parseStatement(sql);
        return new Binder(catalog, ids).bindInsert((Insert) statement);
    }

    /** The bound expression of {@code SELECT <expression> FROM <from>}. */
    public Expr expression(String expression, String from) {
        LogicalPlan plan = bind("SELECT " + expression + (from.isEmpty() ? "" : " FROM " + from)).plan();
        assertThat(plan.operator()).isInstanceOf(LogicalProject.class);
        return ((LogicalProject) plan.operator()).assignments().get(0).expression();
    }

    /** The bound expression of {@code SELECT <expression> FROM t}. */
    public Expr expression(String expression) {
        return expression(expression, "t");
    }

    /** Binds a statement that must fail, and returns the failure with the SQL attached. */
    public QuiverException error(String sql) {
        QuiverException e = catchThrowableOfType(QuiverException.class, () -> {
            Statement statement = SqlParser.parseStatement(sql);
            ids = new ColumnIdAllocator();
            if (statement instanceof Insert insert) {
                new Binder(catalog, ids).bindInsert(insert);
            } else {
                new Binder(catalog, ids).bindQuery(((QueryStatement) statement).query());
            }
        });
        assertThat(e).as("binding %s should fail", sql).isNotNull();
        e.attachSql(sql);
        return e;
    }

    public OptimizedPlan optimize(String sql, Set<String> disabledRules) {
        return optimize(sql, new OptimizerSettings(disabledRules, true, OptimizerSettings.DEFAULT_MAX_RULE_APPLICATIONS,
                OptimizerSettings.DEFAULT_MAX_MILLIS), ConstantEvaluator.NONE);
    }

    public OptimizedPlan optimize(String sql, OptimizerSettings settings, ConstantEvaluator constants) {
        BoundQuery bound = bind(sql);
        return Optimizer.withDefaults().optimize(bound.plan(), new RuleContext(ids, constants), settings);
    }

    public PhysicalPlan physical(String sql) {
        return optimize(sql, Set.of()).plan();
    }

    /** The operator lines of a plan tree, indented two spaces per level, without estimates. */
    public static List<String> shape(PhysicalPlan plan) {
        List<String> out = new ArrayList<>();
        shape(plan, 0, out);
        return out;
    }

    private static void shape(PhysicalPlan plan, int depth, List<String> out) {
        out.add("  ".repeat(depth) + plan.operator().describe());
        for (PhysicalPlan input : plan.inputs()) {
            shape(input, depth + 1, out);
        }
    }

    /** The operator lines of a logical plan tree. */
    public static List<String> shape(LogicalPlan plan) {
        List<String> out = new ArrayList<>();
        shape(plan, 0, out);
        return out;
    }

    private static void shape(LogicalPlan plan, int depth, List<String> out) {
        out.add("  ".repeat(depth) + plan.operator().describe());
        for (LogicalPlan input : plan.inputs()) {
            shape(input, depth + 1, out);
        }
    }

    /** The operators of one class in a plan tree, in pre-order. */
    public static <T extends dev.quiver.planner.logical.LogicalOperator> List<T> operators(LogicalPlan plan, Class<T> type) {
        List<T> out = new ArrayList<>();
        collect(plan, type, out);
        return out;
    }

    private static <T extends dev.quiver.planner.logical.LogicalOperator> void collect(LogicalPlan plan, Class<T> type, List<T> out) {
        if (type.isInstance(plan.operator())) {
            out.add(type.cast(plan.operator()));
        }
        plan.inputs().forEach(i -> collect(i, type, out));
    }
}
