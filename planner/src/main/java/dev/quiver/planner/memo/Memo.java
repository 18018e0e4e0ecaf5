package dev.quiver.planner.memo;

import dev.quiver.planner.cost.CardinalityEstimator;
import dev.quiver.planner.logical.GroupRef;
import dev.quiver.planner.logical.LogicalOperator;
import dev.quiver.planner.logical.LogicalPlan;
import dev.quiver.planner.plan.Operator;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * The Cascades memo (Graefe, "The Cascades Framework for Query Optimization", 1995): groups of
 * logically equivalent expressions whose inputs are groups. Expressions are interned by
 * (operator, input groups), so an alternative a rule finds twice is stored once, and a subtree
 * shared by several alternatives is optimized once.
 */
public final class Memo {
    private record Key(Operator operator, List<Integer> inputs) {
    }

    private final List<Group> groups = new ArrayList<>();
    private final Map<Key, GroupExpression> interned = new HashMap<>();
    private final CardinalityEstimator estimator;

    public Memo(CardinalityEstimator estimator) {
        this.estimator = estimator;
    }

    public Group group(int id) {
        return groups.get(id);
    }

    public List<Group> groups() {
        return Collections.unmodifiableList(groups);
    }

    /** Inserts a plan tree (whose leaves may be group references) and returns its root's group. */
    public int insert(LogicalPlan plan) {
        return insert(plan, -1);
    }

    /**
     * Inserts an alternative for an existing group. Returns whether the memo changed (false if the
     * expression was already there).
     */
    public boolean insertInto(int groupId, LogicalPlan alternative) {
        int before = interned.size();
        insert(alternative, groupId);
        return interned.size() != before;
    }

    /** A group reference leaf for use in rule results. */
    public GroupRef reference(int groupId) {
        return new GroupRef(groupId, groups.get(groupId).properties().outputColumns());
    }

    private int insert(LogicalPlan plan, int target) {
        if (plan.operator() instanceof GroupRef ref) {
            return ref.groupId();
        }
        List<Integer> inputs = new ArrayList<>(plan.inputs().size());
        for (LogicalPlan input : plan.inputs()) {
            inputs.add(insert(input, -1));
        }
        Key key = new Key(plan.operator(), inputs);
        GroupExpression existing = interned.get(key);
        if (existing != null) {
            // An expression already known elsewhere: it belongs to its first group. Merging groups
            // found equivalent is not needed by the current rules, which never produce that case.
            return existing.group();
        }
        int groupId = target;
        if (groupId < 0) {
            List<LogicalProperties> inputProps = inputs.stream().map(i -> groups.get(i).properties()).toList();
            LogicalProperties properties = estimator.derive((LogicalOperator) plan.operator(), plan.outputColumns(), inputProps);
            groupId = groups.size();
            groups.add(new Group(groupId, properties));
        }
        GroupExpression expression = new GroupExpression(plan.operator(), inputs, groupId);
        interned.put(key, expression);
        groups.get(groupId).add(expression);
        return groupId;
    }

    /** Whether the group is being optimized further up the call stack (a cycle guard). */
    public boolean isOptimizing(int groupId) {
        return groups.get(groupId).isOptimizing();
    }

    public void setOptimizing(int groupId, boolean optimizing) {
        groups.get(groupId).setOptimizing(optimizing);
    }

    public void setWinner(int groupId, Winner winner) {
        groups.get(groupId).setWinner(winner);
    }

    /** Total number of expressions, a measure of the search space. */
    public int expressionCount() {
        return interned.size();
    }
}
