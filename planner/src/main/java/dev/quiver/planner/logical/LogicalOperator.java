package dev.quiver.planner.logical;

import dev.quiver.planner.plan.Operator;

/**
 * A logical operator: what to compute, not how. The binder produces trees of these, normalization
 * and exploration rules rewrite them, implementation rules turn them into physical operators.
 */
public sealed interface LogicalOperator extends Operator
        permits LogicalScan, LogicalValues, LogicalFilter, LogicalProject, LogicalAggregate, LogicalSort, LogicalLimit,
        LogicalJoin, LogicalDependentJoin, LogicalUnionAll, GroupRef {
}
