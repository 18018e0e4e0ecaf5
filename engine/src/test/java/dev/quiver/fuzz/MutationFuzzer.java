package dev.quiver.fuzz;

import dev.quiver.error.SqlState;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.function.Consumer;

/**
 * Feeds Quiver malformed statements: valid ones (generated queries, DDL and DML over random
 * tables, EXPLAIN, views, settings) mutated by {@link Mutator}. Every statement must end in rows
 * or a {@code QuiverException} that is not an internal error (SQLSTATE XX000, which is how Quiver
 * wraps an unexpected exception such as a NullPointerException), within the time limit, leaving
 * no query memory behind. Each round of {@link #STATEMENTS_PER_ROUND} statements starts from a
 * fresh database, since mutated statements change tables and settings.
 */
final class MutationFuzzer implements AutoCloseable {
    /** Statements per fresh database: enough for state changes to matter, few enough that settings mutated into odd values do not stick. */
    static final int STATEMENTS_PER_ROUND = 200;
    /** Statements mutated from outside the generated queries: other statement kinds and settings. */
    static final List<String> OTHER_STATEMENTS = List.of("SET threads = 1", "SET execution_mode = 'interpret'", "SET memory_limit = '64MB'",
            "SET optimizer_exploration = off", "SET disabled_rules = 'none'", "VALUES (1, 'a'), (2, NULL)", "SELECT 1",
            "DROP TABLE IF EXISTS m1", "DROP VIEW IF EXISTS v1", "SELECT * FROM t0", "WITH x AS (SELECT 1 AS a) SELECT a FROM x",
            "INSERT INTO t0 SELECT * FROM t0", "SELECT count(*) FROM t0, t1",
            "CREATE TABLE IF NOT EXISTS k (a INTEGER PRIMARY KEY, b VARCHAR NOT NULL DEFAULT 'x')",
            "EXPLAIN SELECT * FROM t0 JOIN t1 ON TRUE", "SELECT CAST('2020-01-01' AS DATE) + INTERVAL '1' MONTH",
            "SELECT TIMESTAMP '2020-01-01 10:00:00', INTERVAL '2' HOUR", "SELECT 1::tinyint, 2::smallint, 3::real",
            "UPDATE t0 SET " + "x = 1 WHERE FALSE", "DELETE FROM t1 WHERE FALSE");

    private final String executionMode;
    private final long timeoutMillis;

    /**
     * One mutated statement and how it ended.
     *
     * @param schemaSeed the seed of the round's tables
     * @param index the statement's place in its round (its seed derives from the round's)
     */
    record MutationCase(long schemaSeed, int index, String original, List<String> mutations, String statement, Outcome outcome,
            long millis) {
        MutationCase {
            Objects.requireNonNull(original, "original");
            mutations = List.copyOf(mutations);
            Objects.requireNonNull(statement, "statement");
            Objects.requireNonNull(outcome, "outcome");
        }

        /** Anything but rows or a user error: a crash, an internal error, a hang. */
        boolean failed() {
            return outcome instanceof Outcome.Crashed || outcome instanceof Outcome.TimedOut
                    || outcome instanceof Outcome.Failed f && SqlState.INTERNAL_ERROR.equals(f.sqlState());
        }

        String key() {
            return "mutation:" + schemaSeed + ":" + index;
        }

        String summary() {
            return outcome.describe() + " after " + mutations;
        }

        /** Everything needed to reproduce and fix the failure. */
        String report() {
            return "replay: FuzzMain --replay " + key() + "\noutcome: " + outcome.describe() + " (" + millis + " ms)\nmutations: " + mutations
                    + "\noriginal: " + original + "\nstatement (" + statement.length() + " chars): "
                    + (statement.length() > MAX_REPORTED_CHARS ? statement.substring(0, MAX_REPORTED_CHARS) + " ..." : statement) + "\n"
                    + outcome.trace(DifferentialOracle.CRASH_FRAMES) + "\n";
        }

        /** Longest statement text a report holds in full: every statement the mutator makes. */
        static final int MAX_REPORTED_CHARS = 4_000_000;
    }

    MutationFuzzer(String executionMode, long timeoutMillis) {
        this.executionMode = executionMode;
        this.timeoutMillis = timeoutMillis;
    }

    MutationStats run(long seed, long count, Consumer<MutationCase> onFailure, Consumer<MutationStats> progress) {
        MutationStats stats = new MutationStats();
        long done = 0;
        for (long round = 0; done < count; round++) {
            long schemaSeed = FuzzRandom.caseSeed(seed, round);
            FuzzSchema schema = QueryFuzzer.schema(schemaSeed);
            try (QuiverTarget quiver = new QuiverTarget(executionMode, timeoutMillis)) {
                quiver.setUp(schema.setupSql());
                for (int i = 0; i < STATEMENTS_PER_ROUND && done < count; i++, done++) {
                    MutationCase c = runCase(quiver, schema, schemaSeed, i);
                    stats.record(c);
                    if (c.failed()) {
                        onFailure.accept(c);
                    }
                    progress.accept(stats);
                }
            }
        }
        return stats;
    }

    /**
     * Reruns statement {@code index} of the round of {@code schemaSeed}, after the statements
     * before it (which may have changed tables and settings), on a fresh database.
     */
    MutationCase replay(long schemaSeed, int index) {
        FuzzSchema schema = QueryFuzzer.schema(schemaSeed);
        try (QuiverTarget quiver = new QuiverTarget(executionMode, timeoutMillis)) {
            quiver.setUp(schema.setupSql());
            for (int i = 0; i < index; i++) {
                runCase(quiver, schema, schemaSeed, i);
            }
            return runCase(quiver, schema, schemaSeed, index);
        }
    }

    private static MutationCase runCase(QuiverTarget quiver, FuzzSchema schema, long schemaSeed, int index) {
        FuzzRandom random = new FuzzRandom(FuzzRandom.caseSeed(schemaSeed, index));
        String original = source(random, schema, index);
        List<String> mutations = new ArrayList<>();
        String statement = new Mutator(random).mutate(original, mutations);
        long start = System.nanoTime();
        Outcome outcome = quiver.run(statement);
        long millis = (System.nanoTime() - start) / 1_000_000;
        return new MutationCase(schemaSeed, index, original, mutations, statement, outcome, millis);
    }

    /** A valid statement: mostly a generated query, else DDL, DML, EXPLAIN, a view or a setting. */
    static String source(FuzzRandom random, FuzzSchema schema, int index) {
        QueryGenerator generator = new QueryGenerator(random, schema, false);
        switch (random.weighted(65, 10, 15, 10)) {
            case 0:
                return generator.query().sql(Dialect.POSTGRES);
            case 1: {
                FuzzSchema.Table t = new TableGenerator(random).schema().tables().get(0);
                FuzzSchema.Table renamed = new FuzzSchema.Table("m" + index, t.columns(), t.rows());
                List<String> inserts = renamed.insertSql(FuzzSchema.ROWS_PER_INSERT);
                return inserts.isEmpty() || random.chance(0.5) ? renamed.createSql() : random.pick(inserts);
            }
            case 2: {
                String q = generator.query().sql(Dialect.POSTGRES);
                return random.pick("EXPLAIN " + q, "EXPLAIN ANALYZE " + q, "CREATE VIEW v" + index + " AS " + q,
                        "CREATE TABLE c" + index + " AS " + q, "INSERT INTO t0 " + q);
            }
            default:
                return random.pick(OTHER_STATEMENTS);
        }
    }

    @Override
    public void close() {
        // Each round owns its database; nothing outlives a run.
    }
}
