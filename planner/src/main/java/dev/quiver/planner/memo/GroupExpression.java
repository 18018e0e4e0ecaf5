package dev.quiver.planner.memo;

import static java.util.Objects.requireNonNull;

import dev.quiver.planner.plan.Operator;
import java.util.BitSet;
import java.util.List;

/**
 * One expression in a memo group: an operator whose inputs are groups. Interned by the memo, so an
 * (operator, inputs) pair exists once. Remembers which exploration rules it has been through.
 */
public final class GroupExpression {
    private final Operator operator;
    private final List<Integer> inputs;
    private final int group;
    private final BitSet appliedRules = new BitSet();

    GroupExpression(Operator operator, List<Integer> inputs, int group) {
        this.operator = requireNonNull(operator, "operator");
        this.inputs = List.copyOf(inputs);
        this.group = group;
    }

    public Operator operator() {
        return operator;
    }

    public List<Integer> inputs() {
        return inputs;
    }

    public int group() {
        return group;
    }

    /** Records that rule {@code ruleIndex} has been applied; false if it already was. */
    public boolean markApplied(int ruleIndex) {
        if (appliedRules.get(ruleIndex)) {
            return false;
        }
        appliedRules.set(ruleIndex);
        return true;
    }

    @Override
    public String toString() {
        return operator.describe() + " " + inputs;
    }
}
