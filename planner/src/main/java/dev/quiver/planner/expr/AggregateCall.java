package dev.quiver.planner.expr;

import static java.util.Objects.requireNonNull;

import dev.quiver.planner.type.DataType;
import java.util.List;
import java.util.stream.Collectors;

/**
 * An aggregate in an aggregation operator: {@code kind([DISTINCT] arguments)} with its result type.
 * Arguments are column references to the aggregation's input (the binder projects any expression
 * into a column first), so an aggregate never evaluates expressions itself. {@code position} is
 * where the call is written (or -1), for errors such as a sum overflowing; like {@link Call}'s it is
 * not part of the call's identity.
 */
public record AggregateCall(AggregateKind kind, List<ColumnRef> arguments, boolean distinct, DataType type, int position) {
    public AggregateCall {
        requireNonNull(kind, "kind");
        arguments = List.copyOf(arguments);
        requireNonNull(type, "type");
    }

    public AggregateCall(AggregateKind kind, List<ColumnRef> arguments, boolean distinct, DataType type) {
        this(kind, arguments, distinct, type, -1);
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof AggregateCall other && other.kind == kind && other.distinct == distinct
                && other.arguments.equals(arguments) && other.type.equals(type);
    }

    @Override
    public int hashCode() {
        return java.util.Objects.hash(kind, arguments, distinct, type);
    }

    /** The input type of the (single) argument; COUNT(*) has none. */
    public DataType argumentType() {
        return arguments.get(0).type();
    }

    @Override
    public String toString() {
        if (kind == AggregateKind.COUNT_STAR) {
            return "count(*)";
        }
        return kind.sqlName() + "(" + (distinct ? "DISTINCT " : "")
                + arguments.stream().map(Object::toString).collect(Collectors.joining(", ")) + ")";
    }
}
