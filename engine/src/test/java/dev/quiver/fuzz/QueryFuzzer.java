package dev.quiver.fuzz;

import dev.quiver.fuzz.CaseResult.Status;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.function.Consumer;

/**
 * Runs query oracles ({@code differential}, {@code tlp}, {@code norec}) over random tables: each
 * round creates fresh tables (on Quiver, and on DuckDB when the differential oracle runs), runs
 * {@link #CASES_PER_ROUND} cases rotating through the oracles, then drops the tables and requires
 * Quiver to hold no Arrow memory at all.
 */
final class QueryFuzzer implements AutoCloseable {
    /** Cases per set of tables: many schemas per run, while creating tables costs little next to the queries. */
    static final int CASES_PER_ROUND = 50;
    /** The oracles, in the order cases rotate through them. */
    static final List<String> ORACLES = List.of("differential", "tlp", "norec");

    private final QuiverTarget quiver;
    private final Optional<DuckDbTarget> duckdb;
    private final List<QueryOracle> oracles = new ArrayList<>();

    /**
     * @param oracleNames names from {@link #ORACLES}
     * @param executionMode Quiver's execution mode ({@code verify} compares compiled code with the interpreter)
     * @param timeoutMillis how long a statement may run before it counts as hanging
     */
    QueryFuzzer(List<String> oracleNames, String executionMode, long timeoutMillis) {
        this.quiver = new QuiverTarget(executionMode, timeoutMillis);
        this.duckdb = oracleNames.contains("differential") ? Optional.of(new DuckDbTarget()) : Optional.empty();
        for (String name : oracleNames) {
            oracles.add(switch (name) {
                case "differential" -> new DifferentialOracle(quiver, duckdb.orElseThrow());
                case "tlp" -> new TlpOracle(quiver);
                case "norec" -> new NoRecOracle(quiver);
                default -> throw new IllegalArgumentException("unknown oracle " + name + "; expected one of " + ORACLES);
            });
        }
    }

    /**
     * Runs {@code cases} cases from {@code seed}; every failure goes to {@code onFailure} as it is
     * found, and {@code progress} hears about every finished case.
     */
    FuzzStats run(long seed, long cases, Consumer<FuzzFailure> onFailure, Consumer<FuzzStats> progress) {
        FuzzStats stats = new FuzzStats();
        long done = 0;
        for (long round = 0; done < cases; round++) {
            long schemaSeed = FuzzRandom.caseSeed(seed, round);
            FuzzSchema schema = schema(schemaSeed);
            setUp(schema);
            int generation = quiver.generation();
            for (int i = 0; i < CASES_PER_ROUND && done < cases; i++, done++) {
                if (quiver.generation() != generation) {
                    quiver.setUp(schema.setupSql());
                    generation = quiver.generation();
                }
                QueryOracle oracle = oracles.get((int) (done % oracles.size()));
                long caseSeed = FuzzRandom.caseSeed(schemaSeed, i);
                CaseResult result = runCase(oracle, schema, caseSeed);
                duckdb.filter(DuckDbTarget::invalidated).ifPresent(d -> {
                    d.reopen();
                    d.setUp(schema.setupSql());
                });
                stats.record(oracle.name(), result);
                if (result.status() == Status.FAILED) {
                    FuzzFailure failure = new FuzzFailure(oracle.name(), schemaSeed, caseSeed, schema, result);
                    stats.fail(failure);
                    onFailure.accept(failure);
                }
                progress.accept(stats);
            }
            tearDown(schema).ifPresent(leak -> {
                FuzzFailure failure = new FuzzFailure("teardown", schemaSeed, 0, schema, leak);
                stats.fail(failure);
                onFailure.accept(failure);
            });
        }
        return stats;
    }

    /** Reruns one case, on fresh tables. */
    CaseResult replay(String oracleName, long schemaSeed, long caseSeed) {
        QueryOracle oracle = oracles.stream().filter(o -> o.name().equals(oracleName)).findFirst()
                .orElseThrow(() -> new IllegalArgumentException("oracle " + oracleName + " is not running"));
        FuzzSchema schema = schema(schemaSeed);
        setUp(schema);
        try {
            return runCase(oracle, schema, caseSeed);
        } finally {
            tearDown(schema);
        }
    }

    /** The schema of a seed, for reports. */
    static FuzzSchema schema(long schemaSeed) {
        return new TableGenerator(new FuzzRandom(schemaSeed)).schema();
    }

    private static CaseResult runCase(QueryOracle oracle, FuzzSchema schema, long caseSeed) {
        FuzzRandom random = new FuzzRandom(caseSeed);
        return oracle.check(new QueryGenerator(random, schema, oracle.comparesWithReference()), random);
    }

    private void setUp(FuzzSchema schema) {
        quiver.setUp(schema.setupSql());
        duckdb.ifPresent(d -> d.setUp(schema.setupSql()));
    }

    /** Drops the tables; a failed case when Quiver then still holds memory (a leak). */
    private Optional<CaseResult> tearDown(FuzzSchema schema) {
        duckdb.ifPresent(d -> d.setUp(schema.dropSql()));
        List<String> problems = new ArrayList<>();
        for (String drop : schema.dropSql()) {
            Outcome o = quiver.run(drop);
            if (!(o instanceof Outcome.Rows)) {
                problems.add(drop + ": " + o.describe());
            }
        }
        if (quiver.allocatedBytes() != 0) {
            problems.add(quiver.allocatedBytes() + " bytes of Arrow memory remain after dropping every table");
            quiver.restart(); // so that the leak is reported once, not after every later round
        }
        return problems.isEmpty() ? Optional.empty()
                : Optional.of(new CaseResult(Status.FAILED, schema.dropSql(), List.of(), String.join("\n", problems)));
    }

    @Override
    public void close() {
        try {
            duckdb.ifPresent(DuckDbTarget::close);
        } finally {
            quiver.close();
        }
    }
}
