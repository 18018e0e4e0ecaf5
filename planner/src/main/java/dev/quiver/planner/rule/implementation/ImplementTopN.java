package dev.quiver.planner.rule.implementation;

import dev.quiver.planner.logical.GroupRef;
import dev.quiver.planner.logical.LogicalLimit;
import dev.quiver.planner.logical.LogicalPlan;
import dev.quiver.planner.logical.LogicalSort;
import dev.quiver.planner.physical.TopN;
import dev.quiver.planner.rule.ImplementationRule;
import dev.quiver.planner.rule.Pattern;
import dev.quiver.planner.rule.PhysicalAlternative;
import dev.quiver.planner.rule.RuleContext;
import java.util.List;

/**
 * {@code Limit(n, offset, Sort(keys, x)) → TopN(keys, n, offset, x)}: keeping the best
 * {@code n + offset} rows costs {@code N log(n)} instead of sorting all {@code N}. Guard: the limit
 * is present (LIMIT ALL needs the full sort) and {@code n + offset} does not overflow.
 */
public final class ImplementTopN implements ImplementationRule {
    private static final Pattern PATTERN = Pattern.of(LogicalLimit.class, Pattern.of(LogicalSort.class));
    /** Above this many kept rows a full sort is as good and simpler on memory. */
    static final long MAX_TOP_N = 1_000_000;

    @Override
    public Pattern pattern() {
        return PATTERN;
    }

    @Override
    public List<PhysicalAlternative> implement(LogicalPlan binding, RuleContext context) {
        LogicalLimit limit = (LogicalLimit) binding.operator();
        if (limit.limit().isEmpty()) {
            return List.of();
        }
        long n = limit.limit().getAsLong();
        if (n > MAX_TOP_N || limit.offset() > MAX_TOP_N) {
            return List.of();
        }
        LogicalPlan sortPlan = binding.input(0);
        LogicalSort sort = (LogicalSort) sortPlan.operator();
        GroupRef input = (GroupRef) sortPlan.input(0).operator();
        return List.of(new PhysicalAlternative(new TopN(sort.keys(), n, limit.offset()), List.of(input)));
    }
}
