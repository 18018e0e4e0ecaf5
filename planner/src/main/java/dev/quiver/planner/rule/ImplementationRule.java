package dev.quiver.planner.rule;

import dev.quiver.planner.logical.LogicalPlan;
import java.util.List;

/**
 * A rule that proposes physical operators for a logical expression.
 *
 * <p>Contract: {@link #implement} receives a binding matching {@link #pattern()} whose unmatched
 * inputs are group references, and returns physical operators that compute the binding's rows with
 * the same output columns, each over input groups taken from the binding. The optimizer costs every
 * alternative and keeps the cheapest.
 */
public interface ImplementationRule extends Rule {
    List<PhysicalAlternative> implement(LogicalPlan binding, RuleContext context);
}
