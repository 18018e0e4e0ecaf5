package dev.quiver.planner.cost;

import dev.quiver.planner.expr.Exprs;
import dev.quiver.planner.logical.GroupRef;
import dev.quiver.planner.logical.LogicalAggregate;
import dev.quiver.planner.logical.LogicalFilter;
import dev.quiver.planner.logical.LogicalLimit;
import dev.quiver.planner.logical.LogicalOperator;
import dev.quiver.planner.logical.LogicalProject;
import dev.quiver.planner.logical.LogicalScan;
import dev.quiver.planner.logical.LogicalSort;
import dev.quiver.planner.logical.LogicalValues;
import dev.quiver.planner.memo.LogicalProperties;
import java.util.List;

/**
 * Estimates how many rows a logical operator produces from its inputs' estimates. The rules are
 * deliberately simple until column statistics exist (the optimizer issue replaces the constants
 * with estimates from NDV, min/max and histograms).
 */
public final class CardinalityEstimator {
    /** Fraction of rows a predicate conjunct keeps when nothing is known (System R's classic 1/3 guess is for ranges; we pick a middle ground). */
    static final double DEFAULT_CONJUNCT_SELECTIVITY = 0.5;
    /** Fraction of input rows that become groups when group-key NDV is unknown. */
    static final double DEFAULT_GROUP_RATIO = 0.1;

    public double estimate(LogicalOperator operator, List<LogicalProperties> inputs) {
        if (operator instanceof LogicalScan scan) {
            return scan.table().statistics().rowCount();
        }
        if (operator instanceof LogicalValues values) {
            return values.rows().size();
        }
        if (operator instanceof GroupRef) {
            throw new IllegalArgumentException("group references have the properties of their group");
        }
        double input = inputs.get(0).rowCount();
        if (operator instanceof LogicalFilter filter) {
            int conjuncts = Exprs.conjuncts(filter.predicate()).size();
            return input * Math.pow(DEFAULT_CONJUNCT_SELECTIVITY, conjuncts);
        }
        if (operator instanceof LogicalAggregate aggregate) {
            if (aggregate.groupKeys().isEmpty()) {
                return 1;
            }
            return Math.max(1, Math.min(input, input * DEFAULT_GROUP_RATIO));
        }
        if (operator instanceof LogicalLimit limit) {
            double afterOffset = Math.max(0, input - limit.offset());
            return limit.limit().isPresent() ? Math.min(afterOffset, limit.limit().getAsLong()) : afterOffset;
        }
        if (operator instanceof LogicalProject || operator instanceof LogicalSort) {
            return input;
        }
        throw new IllegalArgumentException("no estimate for " + operator.describe());
    }
}
