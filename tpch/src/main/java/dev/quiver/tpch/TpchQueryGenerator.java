package dev.quiver.tpch;

import dev.quiver.parser.StatementSplitter;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * Generates the text of the 22 TPC-H queries with substitution parameters drawn at random by the
 * specification's rules (clause 2.4.N.3 for query N), from a seed: the same seed always gives the
 * same queries, on any JVM. Seed {@value #VALIDATION_SEED} stands for the validation parameters
 * (clause 2.4.N.4): its queries are exactly the stored files of {@link TpchQueries}.
 *
 * <pre>
 * String sql = new TpchQueryGenerator(7).query(3, 0.01);
 * </pre>
 *
 * <p>The text comes from templates that are the stored query files with placeholders, so every
 * parameter set has the same structure; only the header comment, which names the parameters,
 * differs. Each query draws from its own random stream, so a query's parameters do not depend on
 * which other queries were generated before it. Q15 is three statements (CREATE VIEW, SELECT,
 * DROP VIEW); {@link #statements} splits them.
 */
public final class TpchQueryGenerator {
    /** The seed that stands for the specification's validation parameters. */
    public static final long VALIDATION_SEED = 0;

    private final long seed;

    /** A generator for parameter set {@code seed}; {@link #VALIDATION_SEED} gives the validation parameters. */
    public TpchQueryGenerator(long seed) {
        this.seed = seed;
    }

    /** The generator of the validation parameters (parameter set 0). */
    public static TpchQueryGenerator validation() {
        return new TpchQueryGenerator(VALIDATION_SEED);
    }

    public long seed() {
        return seed;
    }

    /**
     * The parameters of query {@code query} (1–22) at scale factor {@code scaleFactor}. Only Q11's
     * FRACTION depends on the scale factor (0.0001 / SF); the validation set keeps 0.0001 up to SF 1,
     * as the stored query and the reference answers do ({@link ValidationParameters}).
     */
    public TpchQueryParameters parameters(int query, double scaleFactor) {
        TpchQueries.checkNumber(query);
        TpchDataGenerator.checkScaleFactor(scaleFactor);
        Map<String, String> values = seed == VALIDATION_SEED
                ? ValidationParameters.of(query, scaleFactor)
                : SubstitutionRules.draw(query, scaleFactor, new ParameterRandom(seed, query));
        return new TpchQueryParameters(query, seed, values);
    }

    /** The SQL text of query {@code query} at {@code scaleFactor}: for Q15 three statements separated by semicolons. */
    public String query(int query, double scaleFactor) {
        TpchQueryParameters parameters = parameters(query, scaleFactor);
        QueryTemplate template = QueryTemplate.load(query);
        if (parameters.isValidation()) {
            return template.fill(parameters.values());
        }
        String header = String.format(Locale.ROOT, "Substitution parameters (TPC-H specification 2.x, clause 2.4.%d.3), seed %d, SF %s: %s",
                query, seed, TpchDataGenerator.formatScaleFactor(scaleFactor), parameters.describe());
        return template.fill(parameters.values(), header);
    }

    /** The statements of {@link #query}, split at semicolons (one, or three for Q15). */
    public List<String> statements(int query, double scaleFactor) {
        return StatementSplitter.split(query(query, scaleFactor));
    }

    @Override
    public String toString() {
        return seed == VALIDATION_SEED ? "TPC-H validation parameters" : "TPC-H parameters, seed " + seed;
    }
}
