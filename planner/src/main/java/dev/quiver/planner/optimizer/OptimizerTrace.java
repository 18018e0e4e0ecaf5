package dev.quiver.planner.optimizer;

import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;

/** What the search did: how often each rule fired, how long it took, and whether it ran out of budget. */
public final class OptimizerTrace {
    private final Map<String, Integer> fired = new TreeMap<>();
    private long nanos;
    private boolean budgetExceeded;
    private int groups;
    private int expressions;

    void fired(String rule) {
        fired.merge(rule, 1, Integer::sum);
    }

    void finish(long elapsedNanos, boolean exceeded, int groupCount, int expressionCount) {
        this.nanos = elapsedNanos;
        this.budgetExceeded = exceeded;
        this.groups = groupCount;
        this.expressions = expressionCount;
    }

    /** Rule name to the number of times it produced something (implementation rules: alternatives chosen). */
    public Map<String, Integer> firedRules() {
        return Map.copyOf(fired);
    }

    public long elapsedNanos() {
        return nanos;
    }

    public boolean budgetExceeded() {
        return budgetExceeded;
    }

    public int groupCount() {
        return groups;
    }

    public int expressionCount() {
        return expressions;
    }

    /**
     * One line of totals ({@code search: 0.512 ms, 3 groups, 3 expressions, budget not exceeded}), then
     * one line per rule that fired, in name order ({@code   ImplementScan: 1}), each ending in a newline.
     */
    @Override
    public String toString() {
        StringBuilder s = new StringBuilder();
        s.append(String.format(Locale.ROOT, "search: %.3f ms, %d groups, %d expressions, budget %s\n", nanos / 1e6, groups, expressions,
                budgetExceeded ? "exceeded (best plan found so far)" : "not exceeded"));
        fired.forEach((rule, n) -> s.append("  ").append(rule).append(": ").append(n).append('\n'));
        return s.toString();
    }
}
