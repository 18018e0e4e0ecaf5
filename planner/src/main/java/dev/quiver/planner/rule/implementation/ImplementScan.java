package dev.quiver.planner.rule.implementation;

import dev.quiver.planner.logical.LogicalScan;
import dev.quiver.planner.logical.GroupRef;
import dev.quiver.planner.logical.LogicalPlan;
import dev.quiver.planner.physical.TableScan;
import dev.quiver.planner.rule.ImplementationRule;
import dev.quiver.planner.rule.Pattern;
import dev.quiver.planner.rule.PhysicalAlternative;
import dev.quiver.planner.rule.RuleContext;
import java.util.List;

/** {@code LogicalScan → TableScan}. */
public final class ImplementScan implements ImplementationRule {
    private static final Pattern PATTERN = Pattern.of(LogicalScan.class);

    @Override
    public Pattern pattern() {
        return PATTERN;
    }

    @Override
    public List<PhysicalAlternative> implement(LogicalPlan binding, RuleContext context) {
        LogicalScan scan = (LogicalScan) binding.operator();
        List<GroupRef> inputs = binding.inputs().stream().map(i -> (GroupRef) i.operator()).toList();
        return List.of(new PhysicalAlternative(new TableScan(scan.table(), scan.columns(), scan.ordinals()), inputs));
    }
}
