package dev.quiver.planner.rule.normalization;

import dev.quiver.planner.expr.AggregateCall;
import dev.quiver.planner.expr.AggregateKind;
import dev.quiver.planner.expr.Call;
import dev.quiver.planner.expr.ColumnRef;
import dev.quiver.planner.expr.Expr;
import dev.quiver.planner.expr.Function;
import dev.quiver.planner.expr.Literal;
import dev.quiver.planner.type.DataType;
import java.util.List;

/**
 * How an aggregate over some rows is computed from its partial results over parts of them, for the
 * rules that aggregate in two steps. COUNT and SUM add up their partials (COUNT's are summed), MIN
 * and MAX take the extreme of the extremes. A part with no rows has no partial, so a sum of counts
 * is NULL where the count is 0, and {@link #finished} puts the 0 back. AVG and DISTINCT aggregates
 * are not combined this way.
 */
final class PartialAggregates {
    private PartialAggregates() {
    }

    /** Whether {@code call} can be computed from its partials: COUNT, COUNT(*), SUM, MIN or MAX, without DISTINCT. */
    static boolean combinable(AggregateCall call) {
        return !call.distinct() && call.kind() != AggregateKind.AVG;
    }

    static boolean isCount(AggregateCall call) {
        return call.kind() == AggregateKind.COUNT || call.kind() == AggregateKind.COUNT_STAR;
    }

    /** The call that combines the partials of {@code call} held in column {@code partial}; its result has call's type. */
    static AggregateCall combining(AggregateCall call, ColumnRef partial) {
        AggregateKind kind = isCount(call) ? AggregateKind.SUM : call.kind();
        return new AggregateCall(kind, List.of(partial), false, call.type(), call.position());
    }

    /** The value of {@code call} given the result {@code combined} of {@link #combining}: a count's NULL made 0. */
    static Expr finished(AggregateCall call, ColumnRef combined) {
        return isCount(call)
                ? new Call(Function.COALESCE, List.of(combined, Literal.ofLong(0, DataType.BIGINT)), DataType.BIGINT)
                : combined;
    }
}
