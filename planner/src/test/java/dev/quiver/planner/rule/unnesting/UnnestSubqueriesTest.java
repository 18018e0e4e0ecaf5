package dev.quiver.planner.rule.unnesting;

import static dev.quiver.planner.Planning.operators;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import dev.quiver.error.QuiverException;
import dev.quiver.error.SqlState;
import dev.quiver.planner.Planning;
import dev.quiver.planner.expr.CaseWhen;
import dev.quiver.planner.expr.ColumnRef;
import dev.quiver.planner.expr.Expr;
import dev.quiver.planner.expr.Exprs;
import dev.quiver.planner.logical.FreeColumns;
import dev.quiver.planner.logical.LogicalAggregate;
import dev.quiver.planner.logical.LogicalDependentJoin;
import dev.quiver.planner.logical.LogicalJoin;
import dev.quiver.planner.logical.LogicalPlan;
import dev.quiver.planner.logical.LogicalProject;
import dev.quiver.planner.logical.LogicalScan;
import dev.quiver.planner.plan.Assignment;
import dev.quiver.planner.plan.JoinType;
import dev.quiver.planner.rule.ConstantEvaluator;
import dev.quiver.planner.rule.RuleContext;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * Unnesting: every dependent join disappears, the cheap predicate pull-up is used where it applies
 * (no duplicate-eliminated outer domain, i.e. the outer table is scanned once), and the general
 * domain rewrite elsewhere. Results are checked end to end by the SQL tests; here, the shapes.
 */
class UnnestSubqueriesTest {
    private final Planning planning = Planning.standard();

    private LogicalPlan unnest(String sql) {
        LogicalPlan bound = planning.bind(sql).plan();
        assertThat(operators(bound, LogicalDependentJoin.class)).as("the binder makes dependent joins").isNotEmpty();
        LogicalPlan result = new UnnestSubqueries().rewrite(bound, new RuleContext(planning.ids(), ConstantEvaluator.NONE));
        assertThat(result.outputColumns()).isEqualTo(bound.outputColumns());
        assertThat(operators(result, LogicalDependentJoin.class)).as("no dependent join is left").isEmpty();
        assertThat(FreeColumns.of(result)).as("nothing refers to a column it does not produce").isEmpty();
        return result;
    }

    private static long scansOf(LogicalPlan plan, String table) {
        return operators(plan, LogicalScan.class).stream().filter(s -> s.table().name().equals(table)).count();
    }

    @Test
    void anUncorrelatedSubqueryIsJoinedAsItIs() {
        LogicalPlan plan = unnest("SELECT a FROM t WHERE a IN (SELECT x FROM u)");
        List<LogicalJoin> joins = operators(plan, LogicalJoin.class);
        assertThat(joins).hasSize(1);
        assertThat(joins.get(0).type()).isEqualTo(JoinType.MARK);
        assertThat(joins.get(0).condition().toString()).matches("a#0 = x#\\d+");
    }

    @Test
    void correlatedEqualitiesBecomeTheJoinCondition() {
        LogicalPlan plan = unnest("SELECT a FROM t WHERE EXISTS (SELECT * FROM u WHERE u.x = t.a AND u.s > 1)");
        LogicalJoin join = operators(plan, LogicalJoin.class).get(0);
        assertThat(join.type()).isEqualTo(JoinType.MARK);
        // Pulled out of the subquery into a mark's condition: NULL must count as no match.
        assertThat(join.condition().toString()).matches("\\(x#\\d+ = a#0\\) IS NOT DISTINCT FROM true");
        assertThat(scansOf(plan, "t")).as("no outer domain").isEqualTo(1);
    }

    @Test
    void aCorrelatedCountIsZeroForAMissingGroup() {
        LogicalPlan plan = unnest("SELECT a, (SELECT count(*) FROM u WHERE u.x = t.a) AS n FROM t");
        assertThat(scansOf(plan, "t")).isEqualTo(1);
        LogicalJoin join = operators(plan, LogicalJoin.class).get(0);
        assertThat(join.type()).isEqualTo(JoinType.SINGLE);
        LogicalAggregate aggregate = operators(plan, LogicalAggregate.class).get(0);
        assertThat(aggregate.groupKeys()).extracting(ColumnRef::name).containsExactly("x");
        // The subquery's value is restored to count(*) over no rows where the join found no group.
        List<Expr> restored = operators(plan, LogicalProject.class).stream().flatMap(p -> p.assignments().stream())
                .map(Assignment::expression).filter(e -> e instanceof CaseWhen).toList();
        assertThat(restored).hasSize(1);
        assertThat(restored.get(0).toString()).matches("CASE WHEN matched#\\d+ IS NULL THEN 0 ELSE count#\\d+ END");
    }

    @Test
    void aCorrelatedMinNeedsNoRestoring() {
        LogicalPlan plan = unnest("SELECT a, (SELECT min(s) FROM u WHERE u.x = t.a) AS n FROM t");
        assertThat(operators(plan, LogicalProject.class).stream().flatMap(p -> p.assignments().stream())
                .anyMatch(a -> a.expression() instanceof CaseWhen)).isFalse();
        assertThat(scansOf(plan, "t")).isEqualTo(1);
    }

    @Test
    void aNonEqualityUnderAnAggregateUsesTheOuterDomain() {
        LogicalPlan plan = unnest("SELECT a FROM t WHERE b > (SELECT count(*) FROM u WHERE u.x < t.a)");
        assertThat(scansOf(plan, "t")).as("the domain: distinct t.a").isEqualTo(3);
        List<LogicalJoin> joins = operators(plan, LogicalJoin.class);
        assertThat(joins).extracting(LogicalJoin::type).contains(JoinType.SINGLE, JoinType.LEFT);
        // The domain is outer-joined with the per-value counts, and a missing count is 0.
        assertThat(plan.toString()).contains("coalesce(count");
    }

    @Test
    void nestedSubqueriesAreUnnestedInnermostFirst() {
        LogicalPlan plan = unnest("SELECT a FROM t WHERE EXISTS (SELECT 1 FROM u WHERE u.x = t.a AND EXISTS "
                + "(SELECT 1 FROM lineitem WHERE l_orderkey = u.s AND l_orderkey = t.b))");
        assertThat(operators(plan, LogicalJoin.class)).hasSizeGreaterThanOrEqualTo(2);
    }

    @Test
    void existsIgnoresALimitThatKeepsARow() {
        LogicalPlan plan = unnest("SELECT a FROM t WHERE EXISTS (SELECT x FROM u WHERE u.x = t.a ORDER BY x LIMIT 1)");
        assertThat(operators(plan, dev.quiver.planner.logical.LogicalLimit.class)).isEmpty();
        assertThat(scansOf(plan, "t")).isEqualTo(1);
    }

    @Test
    void aCorrelatedLimitIsRefused() {
        LogicalPlan bound = planning.bind("SELECT a, (SELECT x FROM u WHERE u.x > t.a ORDER BY x LIMIT 1) FROM t").plan();
        QuiverException e = catchThrowableOfType(QuiverException.class,
                () -> new UnnestSubqueries().rewrite(bound, new RuleContext(planning.ids(), ConstantEvaluator.NONE)));
        assertThat(e).isNotNull();
        assertThat(e.sqlState()).isEqualTo(SqlState.FEATURE_NOT_SUPPORTED);
        assertThat(e.getMessage()).contains("LIMIT or OFFSET in a correlated subquery is not supported");
    }

    @Test
    void plansWithoutSubqueriesAreLeftAlone() {
        LogicalPlan bound = planning.bind("SELECT a FROM t WHERE a > 1").plan();
        assertThat(new UnnestSubqueries().rewrite(bound, new RuleContext(planning.ids(), ConstantEvaluator.NONE))).isSameAs(bound);
    }
}
