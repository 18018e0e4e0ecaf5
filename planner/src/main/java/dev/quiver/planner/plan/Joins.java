package dev.quiver.planner.plan;

import dev.quiver.planner.expr.ColumnRef;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/** Shared rules of join operators: the columns a join of a given type produces. */
public final class Joins {
    private Joins() {
    }

    /** Left columns and right columns, those the type outputs, then the mark column of a MARK join. */
    public static List<ColumnRef> outputColumns(JoinType type, Optional<ColumnRef> mark, List<List<ColumnRef>> inputs) {
        if (inputs.size() != 2) {
            throw new IllegalArgumentException("a join takes two inputs, got " + inputs.size());
        }
        List<ColumnRef> out = new ArrayList<>();
        if (type.outputsLeft()) {
            out.addAll(inputs.get(0));
        }
        if (type.outputsRight()) {
            out.addAll(inputs.get(1));
        }
        if (type == JoinType.MARK) {
            out.add(mark.orElseThrow(() -> new IllegalStateException("MARK join without a mark column")));
        }
        return out;
    }

    public static void checkMark(JoinType type, Optional<ColumnRef> mark) {
        if ((type == JoinType.MARK) != mark.isPresent()) {
            throw new IllegalArgumentException(type == JoinType.MARK ? "MARK join needs a mark column" : type + " join has no mark column");
        }
    }
}
