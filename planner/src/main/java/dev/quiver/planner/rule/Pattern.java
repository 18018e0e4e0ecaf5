package dev.quiver.planner.rule;

import static java.util.Objects.requireNonNull;

import dev.quiver.planner.logical.LogicalPlan;
import dev.quiver.planner.plan.Operator;
import java.util.List;

/**
 * The shape a rule matches: an operator class and, optionally, patterns for its inputs. An input
 * without a pattern matches anything and is bound as a group reference (in the memo) or as the
 * subtree (in a plan tree).
 */
public record Pattern(Class<? extends Operator> operatorClass, List<Pattern> inputs) {
    public Pattern {
        requireNonNull(operatorClass, "operatorClass");
        inputs = List.copyOf(inputs);
    }

    /** An operator of this class with any inputs. */
    public static Pattern of(Class<? extends Operator> operatorClass) {
        return new Pattern(operatorClass, List.of());
    }

    /** An operator of this class whose inputs match the given patterns. */
    public static Pattern of(Class<? extends Operator> operatorClass, Pattern... inputs) {
        return new Pattern(operatorClass, List.of(inputs));
    }

    /** An input that matches anything, bound as a group reference in the memo (like an input without a pattern). */
    public static Pattern any() {
        return ANY;
    }

    private static final Pattern ANY = new Pattern(Operator.class, List.of());

    /** Whether this is {@link #any()}. */
    public boolean isAny() {
        return operatorClass == Operator.class && inputs.isEmpty();
    }

    /** Whether the root operator has the right class (inputs not checked). */
    public boolean matchesRoot(Operator operator) {
        return operatorClass.isInstance(operator);
    }

    /** Whether a concrete plan tree matches this pattern all the way down. */
    public boolean matches(LogicalPlan plan) {
        if (!matchesRoot(plan.operator())) {
            return false;
        }
        if (inputs.isEmpty()) {
            return true;
        }
        if (inputs.size() != plan.inputs().size()) {
            return false;
        }
        for (int i = 0; i < inputs.size(); i++) {
            if (!inputs.get(i).matches(plan.input(i))) {
                return false;
            }
        }
        return true;
    }
}
