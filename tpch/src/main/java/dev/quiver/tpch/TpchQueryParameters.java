package dev.quiver.tpch;

import static java.util.Objects.requireNonNull;

import dev.quiver.error.QuiverException;
import dev.quiver.error.SqlState;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.stream.Collectors;

/**
 * The substitution parameters of one TPC-H query as {@link TpchQueryGenerator} drew them: each
 * parameter's name as the specification writes it ({@code DELTA}, {@code SIZE1}, {@code I7}), in
 * the specification's order, with its value as it appears in the SQL text (without quotes).
 *
 * @param query the query number, 1 to 22
 * @param seed the generator's seed; {@link TpchQueryGenerator#VALIDATION_SEED} for the validation parameters
 * @param values parameter name to value, in the specification's order
 */
public record TpchQueryParameters(int query, long seed, Map<String, String> values) {
    public TpchQueryParameters {
        TpchQueries.checkNumber(query);
        values = Collections.unmodifiableMap(new LinkedHashMap<>(requireNonNull(values, "values")));
    }

    /** The value of parameter {@code name}. */
    public String get(String name) {
        String value = values.get(name);
        if (value == null) {
            throw new QuiverException(SqlState.INVALID_PARAMETER_VALUE, "TPC-H Q" + query + " has no parameter " + name
                    + "; it has " + String.join(", ", values.keySet()));
        }
        return value;
    }

    /** Whether these are the specification's validation parameters. */
    public boolean isValidation() {
        return seed == TpchQueryGenerator.VALIDATION_SEED;
    }

    /** The parameters as one line: {@code NAME = value, NAME = value}. */
    public String describe() {
        return values.entrySet().stream().map(e -> e.getKey() + " = " + e.getValue()).collect(Collectors.joining(", "));
    }
}
