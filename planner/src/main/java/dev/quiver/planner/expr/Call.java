package dev.quiver.planner.expr;

import static java.util.Objects.requireNonNull;

import dev.quiver.planner.type.DataType;
import java.util.List;
import java.util.Objects;
import java.util.stream.Collectors;

/**
 * A call of a built-in {@link Function}. {@code position} is the character offset in the SQL text
 * the call came from (or -1): run-time errors such as division by zero point there. The position is
 * diagnostic only and not part of the expression's identity ({@link #equals}).
 */
public record Call(Function function, List<Expr> arguments, DataType type, int position) implements Expr {
    public Call {
        requireNonNull(function, "function");
        arguments = List.copyOf(arguments);
        requireNonNull(type, "type");
    }

    public Call(Function function, List<Expr> arguments, DataType type) {
        this(function, arguments, type, -1);
    }

    public Expr argument(int i) {
        return arguments.get(i);
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof Call other && other.function == function && other.type.equals(type)
                && other.arguments.equals(arguments);
    }

    @Override
    public int hashCode() {
        return Objects.hash(function, arguments, type);
    }

    @Override
    public String toString() {
        if (function == Function.NOT || function == Function.NEGATE) {
            return function.displayName() + (function == Function.NOT ? " " : "") + wrap(arguments.get(0));
        }
        if (function == Function.IS_NULL || function == Function.IS_NOT_NULL) {
            return wrap(arguments.get(0)) + " " + function.displayName();
        }
        if (function == Function.IN) {
            return wrap(arguments.get(0)) + " IN (" + arguments.subList(1, arguments.size()).stream()
                    .map(Object::toString).collect(Collectors.joining(", ")) + ")";
        }
        if (function.isInfix()) {
            return arguments.stream().map(Call::wrap).collect(Collectors.joining(" " + function.displayName() + " "));
        }
        return function.displayName() + "(" + arguments.stream().map(Object::toString).collect(Collectors.joining(", ")) + ")";
    }

    private static String wrap(Expr e) {
        return e instanceof Call c && (c.function.isInfix() || c.function == Function.IN) ? "(" + e + ")" : e.toString();
    }
}
