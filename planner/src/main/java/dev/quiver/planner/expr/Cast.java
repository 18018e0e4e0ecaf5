package dev.quiver.planner.expr;

import static java.util.Objects.requireNonNull;

import dev.quiver.planner.type.DataType;
import java.util.Objects;

/**
 * Conversion of {@code input} to {@code type}, explicit (CAST, ::) or inserted by the binder.
 * Failures (out of range, unparsable text) are run-time errors pointing at {@code position}, which,
 * as for {@link Call}, is not part of identity.
 */
public record Cast(Expr input, DataType type, int position) implements Expr {
    public Cast {
        requireNonNull(input, "input");
        requireNonNull(type, "type");
    }

    public Cast(Expr input, DataType type) {
        this(input, type, -1);
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof Cast other && other.type.equals(type) && other.input.equals(input);
    }

    @Override
    public int hashCode() {
        return Objects.hash(input, type);
    }

    @Override
    public String toString() {
        return "CAST(" + input + " AS " + type + ")";
    }
}
