package dev.quiver.planner.cost;

import java.util.Locale;

/**
 * The estimated price of a plan, in abstract units of "one row touched once by a simple operator".
 * Costs add up the tree; lower is better. One dimension is enough while everything runs in memory;
 * the record leaves room for separating CPU, memory and network later.
 */
public record Cost(double value) implements Comparable<Cost> {
    public static final Cost ZERO = new Cost(0);
    public static final Cost INFINITE = new Cost(Double.POSITIVE_INFINITY);

    public Cost {
        if (Double.isNaN(value) || value < 0) {
            throw new IllegalArgumentException("bad cost " + value);
        }
    }

    public Cost plus(Cost other) {
        return new Cost(value + other.value);
    }

    @Override
    public int compareTo(Cost other) {
        return Double.compare(value, other.value);
    }

    @Override
    public String toString() {
        return String.format(Locale.ROOT, "%.1f", value);
    }
}
