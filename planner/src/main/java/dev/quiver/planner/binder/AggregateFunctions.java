package dev.quiver.planner.binder;

import dev.quiver.error.QuiverException;
import dev.quiver.error.SqlState;
import dev.quiver.planner.expr.AggregateKind;
import dev.quiver.planner.type.DataType;
import dev.quiver.planner.type.TypeId;
import java.util.Optional;
import java.util.Set;

/**
 * Aggregate names and result types. COUNT is BIGINT; SUM of small integers is BIGINT, of BIGINT
 * and decimals a DECIMAL(38, s) so it cannot overflow on realistic data; AVG of any number is
 * DOUBLE (as DuckDB, whose answers we compare with); MIN and MAX keep their input type.
 */
final class AggregateFunctions {
    private static final Set<String> NAMES = Set.of("count", "sum", "avg", "min", "max");

    private AggregateFunctions() {
    }

    static boolean isAggregate(String name) {
        return NAMES.contains(name);
    }

    static AggregateKind kind(String name, boolean star) {
        return switch (name) {
            case "count" -> star ? AggregateKind.COUNT_STAR : AggregateKind.COUNT;
            case "sum" -> AggregateKind.SUM;
            case "avg" -> AggregateKind.AVG;
            case "min" -> AggregateKind.MIN;
            case "max" -> AggregateKind.MAX;
            default -> throw new IllegalArgumentException(name);
        };
    }

    /** The result type for the argument type, or empty if the aggregate does not accept it. */
    static Optional<DataType> resultType(AggregateKind kind, DataType argument) {
        return switch (kind) {
            case COUNT_STAR, COUNT -> Optional.of(DataType.BIGINT);
            case SUM -> {
                if (argument.id() == TypeId.BIGINT) {
                    yield Optional.of(DataType.decimal(DataType.MAX_DECIMAL_PRECISION, 0));
                }
                if (argument.isIntegral()) {
                    yield Optional.of(DataType.BIGINT);
                }
                if (argument.isDecimal()) {
                    yield Optional.of(DataType.decimal(DataType.MAX_DECIMAL_PRECISION, argument.scale()));
                }
                yield argument.isApproximateNumeric() ? Optional.of(DataType.DOUBLE) : Optional.empty();
            }
            case AVG -> argument.isNumeric() ? Optional.of(DataType.DOUBLE) : Optional.empty();
            case MIN, MAX -> argument.id() == TypeId.INTERVAL ? Optional.empty() : Optional.of(argument);
        };
    }

    static QuiverException noSuchSignature(String name, DataType argument, int position) {
        return new QuiverException(SqlState.UNDEFINED_FUNCTION,
                "function " + name + "(" + argument + ") does not exist; " + name + " takes "
                        + (name.equals("min") || name.equals("max") ? "a value that can be ordered" : "a number"))
                .attachPosition(position);
    }
}
