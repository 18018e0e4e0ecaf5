package dev.quiver.planner.physical;

import dev.quiver.planner.plan.Operator;

/**
 * A physical operator: how to compute. The executor turns a tree of these into pipelines; each
 * record here has exactly one implementation in {@code exec} (interpreted) and, where the code
 * generator supports it, one in {@code codegen} with the same meaning.
 */
public sealed interface PhysicalOperator extends Operator
        permits TableScan, Values, Filter, Project, HashAggregate, Sort, TopN, Limit, HashJoin, UnionAll {
}
