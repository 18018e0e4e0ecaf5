package dev.quiver.exec.expr;

import dev.quiver.exec.vector.ValueComparisons;
import dev.quiver.exec.vector.ValueVector;
import dev.quiver.exec.vector.Values;
import dev.quiver.planner.type.DataType;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * The constants of an {@code IN (c1, c2, ...)} list, for membership tests with SQL equality
 * ({@link ValueComparisons}). Used by the interpreter and by generated code alike.
 */
public final class ConstantSet {
    private record Key(ValueVector vector, int index, long hash) {
        @Override
        public boolean equals(Object o) {
            return o instanceof Key k && ValueComparisons.equal(vector, index, k.vector, k.index);
        }

        @Override
        public int hashCode() {
            return Long.hashCode(hash);
        }
    }

    private final Set<Key> values = new HashSet<>();
    private final boolean containsNull;

    /** The set of the given Java values (canonical literal representation; null = SQL NULL). */
    public ConstantSet(DataType type, List<Object> constants) {
        boolean sawNull = false;
        for (Object c : constants) {
            if (c == null) {
                sawNull = true;
                continue;
            }
            ValueVector one = new ValueVector(type, 1);
            Values.set(one, 0, c);
            values.add(new Key(one, 0, ValueComparisons.hash(one, 0)));
        }
        containsNull = sawNull;
    }

    /** Whether a NULL was among the constants (then "not found" is NULL, not FALSE). */
    public boolean containsNull() {
        return containsNull;
    }

    /** Whether entry i (non-NULL) of the vector equals one of the constants. */
    public boolean contains(ValueVector v, int i) {
        return values.contains(new Key(v, i, ValueComparisons.hash(v, i)));
    }
}
