package dev.quiver.exec.aggregate;

import dev.quiver.planner.expr.AggregateCall;
import dev.quiver.planner.expr.AggregateKind;

/** Creates the implementation of a bound aggregate call. */
public final class Aggregates {
    private Aggregates() {
    }

    public static AggregateFunction create(AggregateCall call) {
        AggregateFunction f = plain(call);
        if (call.distinct() && call.kind() != AggregateKind.MIN && call.kind() != AggregateKind.MAX) {
            // DISTINCT cannot change MIN or MAX; every other aggregate sees each value once per group.
            return new DistinctAggregate(f, call.argumentType());
        }
        return f;
    }

    private static AggregateFunction plain(AggregateCall call) {
        return switch (call.kind()) {
            case COUNT_STAR -> new CountAggregate(true);
            case COUNT -> new CountAggregate(false);
            case SUM -> new SumAggregate(call.argumentType(), call.type());
            case AVG -> new AvgAggregate(call.argumentType());
            case MIN -> new ExtremeAggregate(call.type(), false);
            case MAX -> new ExtremeAggregate(call.type(), true);
        };
    }
}
