package dev.quiver.planner.optimizer;

import static dev.quiver.planner.PlanFixtures.and;
import static dev.quiver.planner.PlanFixtures.column;
import static dev.quiver.planner.PlanFixtures.filter;
import static dev.quiver.planner.PlanFixtures.gt;
import static dev.quiver.planner.PlanFixtures.integer;
import static dev.quiver.planner.PlanFixtures.lt;
import static org.assertj.core.api.Assertions.assertThat;

import dev.quiver.planner.PlanFixtures;
import dev.quiver.planner.expr.Call;
import dev.quiver.planner.expr.ColumnRef;
import dev.quiver.planner.expr.Function;
import dev.quiver.planner.logical.LogicalFilter;
import dev.quiver.planner.logical.LogicalPlan;
import dev.quiver.planner.rule.Pattern;
import dev.quiver.planner.rule.RuleContext;
import dev.quiver.planner.rule.RuleRegistry;
import dev.quiver.planner.rule.TransformationRule;
import dev.quiver.planner.type.DataType;
import java.util.List;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.Test;

class NormalizerTest {
    private final PlanFixtures f = new PlanFixtures();
    private final LogicalPlan scan = f.scan("t");
    private final ColumnRef a = column(scan, "a");

    /** Swaps the two terms of an AND: always applicable again, so two applications undo each other. */
    static final class SwapConjuncts implements TransformationRule {
        @Override
        public Pattern pattern() {
            return Pattern.of(LogicalFilter.class);
        }

        @Override
        public Kind kind() {
            return Kind.NORMALIZATION;
        }

        @Override
        public List<LogicalPlan> apply(LogicalPlan binding, RuleContext context) {
            if (((LogicalFilter) binding.operator()).predicate() instanceof Call c && c.function() == Function.AND
                    && c.arguments().size() == 2) {
                Call swapped = new Call(Function.AND, List.of(c.argument(1), c.argument(0)), DataType.BOOLEAN);
                return List.of(LogicalPlan.of(new LogicalFilter(swapped), binding.input(0)));
            }
            return List.of();
        }
    }

    @Test
    void rewritesToAFixpointBottomUp() {
        RuleRegistry defaults = RuleRegistry.defaults();
        OptimizerTrace trace = new OptimizerTrace();
        Normalizer normalizer = new Normalizer(defaults.normalizationRules(), defaults.treeRules(), trace);
        LogicalPlan plan = filter(gt(a, integer(1)), filter(lt(a, integer(9)), filter(gt(a, integer(0)), scan)));
        LogicalPlan normalized = normalizer.normalize(plan, f.context());
        assertThat(normalized.operator()).isEqualTo(new LogicalFilter(and(gt(a, integer(0)), lt(a, integer(9)), gt(a, integer(1)))));
        assertThat(trace.firedRules()).containsEntry("MergeFilters", 2);
    }

    @Test
    void rulesThatUndoEachOtherStopAtTheRewriteBudget() throws Exception {
        OptimizerTrace trace = new OptimizerTrace();
        Normalizer normalizer = new Normalizer(List.of(new SwapConjuncts()), List.of(), trace);
        LogicalPlan plan = filter(and(gt(a, integer(1)), lt(a, integer(9))), scan);
        // Run on a thread with an ordinary 1 MB stack: stopping must not depend on the test JVM's larger -Xss.
        AtomicReference<Object> result = new AtomicReference<>();
        Thread thread = new Thread(null, () -> {
            try {
                result.set(normalizer.normalize(plan, f.context()));
            } catch (Throwable e) {
                result.set(e);
            }
        }, "normalize", 1 << 20);
        thread.start();
        thread.join();
        assertThat(result.get()).isInstanceOf(LogicalPlan.class);
        assertThat(trace.firedRules()).containsEntry("SwapConjuncts", Normalizer.MAX_REWRITES);
    }
}
