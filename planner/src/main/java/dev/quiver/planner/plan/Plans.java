package dev.quiver.planner.plan;

import dev.quiver.planner.expr.ColumnRef;
import java.util.List;
import java.util.stream.Collectors;

/** Small helpers shared by operators. */
public final class Plans {
    private Plans() {
    }

    public static List<ColumnRef> single(List<List<ColumnRef>> inputs) {
        if (inputs.size() != 1) {
            throw new IllegalArgumentException("expected one input, got " + inputs.size());
        }
        return inputs.get(0);
    }

    public static String list(List<?> items) {
        return items.stream().map(Object::toString).collect(Collectors.joining(", "));
    }
}
