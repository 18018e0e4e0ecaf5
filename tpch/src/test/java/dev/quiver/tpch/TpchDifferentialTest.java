package dev.quiver.tpch;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assertions.fail;

import dev.quiver.Result;
import dev.quiver.Row;
import dev.quiver.Session;
import dev.quiver.error.QuiverException;
import dev.quiver.error.SqlState;
import dev.quiver.testing.JdbcRows;
import dev.quiver.testing.NumberMatch;
import dev.quiver.testing.QueryRows;
import dev.quiver.testing.ResultComparator;
import dev.quiver.testing.RowOrder;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import java.util.stream.LongStream;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DynamicContainer;
import org.junit.jupiter.api.DynamicNode;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;

/**
 * Differential test of the 22 TPC-H queries against DuckDB: SF 0.01 is generated once into a
 * Quiver database and copied into an in-process DuckDB; then every query runs on both, in
 * Quiver's {@code verify} execution mode, with the validation parameters (parameter set 0) and
 * with the random parameters of seeds 1 to {@value #RANDOM_PARAMETER_SETS}, and the results must
 * agree ({@link #RESULTS}). A query Quiver cannot run (SQLSTATE 0A000) fails.
 *
 * <p>The system property {@code tpch.differential} chooses the queries ({@link DifferentialSelection});
 * the others are reported as skipped. DuckDB's own answers with the validation parameters are
 * checked against the shipped reference answers, for all 22 queries whatever the selection.
 */
class TpchDifferentialTest {
    /**
     * How results are compared: every number, exact or not, within TPC-H's tolerances
     * ({@link AnswerComparator#RELATIVE_TOLERANCE}, or {@link AnswerComparator#ABSOLUTE_TOLERANCE}
     * near zero), as the reference answers are checked; text, dates and NULLs exactly.
     */
    static final ResultComparator RESULTS = new ResultComparator(
            NumberMatch.relative(AnswerComparator.RELATIVE_TOLERANCE, AnswerComparator.ABSOLUTE_TOLERANCE));

    /** The scale factor compared: small enough for 22 x 21 queries on each engine in well under a minute. */
    static final double SF = 0.01;
    /** Rows per slice when copying into DuckDB: small, so that at SF 0.01 customer, part, partsupp, orders and lineitem take several. */
    static final long COPY_SLICE_ROWS = 1_000;
    /** Random parameter sets per query, after the validation set: seeds 1 to this. */
    static final int RANDOM_PARAMETER_SETS = 20;

    /**
     * Longest a query may run on Quiver before it is cancelled: SF 0.01 queries take well under a
     * second, so only a runaway plan (a cross product) reaches this; the query's remaining
     * parameter sets then fail at once, which bounds the whole test's time.
     */
    static final long QUERY_TIMEOUT_SECONDS = 20;

    /** Queries one of whose parameter sets ran out of time. */
    private static final Set<Integer> TIMED_OUT = ConcurrentHashMap.newKeySet();

    /** Cancels a Quiver query that runs past {@link #QUERY_TIMEOUT_SECONDS}. */
    private static ScheduledExecutorService watchdog;
    private static TwoEngines engines;
    private static Session quiver;
    private static DuckDbTpch duckdb;

    @BeforeAll
    static void load() throws SQLException {
        TIMED_OUT.clear();
        watchdog = Executors.newSingleThreadScheduledExecutor(r -> {
            Thread t = new Thread(r, "tpch-differential-watchdog");
            t.setDaemon(true);
            return t;
        });
        engines = TwoEngines.load(SF, COPY_SLICE_ROWS);
        quiver = engines.quiver();
        duckdb = engines.duckdb();
        quiver.set("execution_mode", "verify");
    }

    @AfterAll
    static void close() throws SQLException {
        if (watchdog != null) {
            watchdog.shutdownNow();
        }
        if (engines != null) {
            engines.close();
        }
    }

    @TestFactory
    Stream<DynamicNode> quiverAgreesWithDuckDb() {
        DifferentialSelection selection = DifferentialSelection.fromSystemProperty();
        return TpchQueries.ALL.stream().map(q -> selection.includes(q)
                ? DynamicContainer.dynamicContainer(String.format("Q%02d", q), parameterSets(q))
                : DynamicTest.dynamicTest(String.format("Q%02d", q), () -> Assumptions.abort(String.format(
                        "Q%02d is not in -D%s=%s (%s); run all 22 with -D%s=%s", q, DifferentialSelection.PROPERTY, selection.name(),
                        selection.queries(), DifferentialSelection.PROPERTY, DifferentialSelection.ALL))));
    }

    private static Stream<DynamicTest> parameterSets(int query) {
        return LongStream.rangeClosed(TpchQueryGenerator.VALIDATION_SEED, RANDOM_PARAMETER_SETS).mapToObj(seed -> {
            TpchQueryGenerator generator = new TpchQueryGenerator(seed);
            String name = String.format("Q%02d %s: %s", query, seed == TpchQueryGenerator.VALIDATION_SEED
                    ? "parameter set 0 (validation)" : "seed " + seed, generator.parameters(query, SF).describe());
            return DynamicTest.dynamicTest(name, () -> compare(query, generator));
        });
    }

    private static void compare(int query, TpchQueryGenerator generator) throws SQLException {
        List<String> statements = generator.statements(query, SF);
        String context = String.format("Q%02d, %s%n%s", query, generator, String.join(";\n", statements));
        QueryRows expected;
        try {
            expected = duckdb.run(statements, JdbcRows::read);
        } catch (SQLException e) {
            throw new AssertionError("DuckDB (the oracle) failed on " + context + "\n" + e.getMessage(), e);
        }
        if (TIMED_OUT.contains(query)) {
            fail(String.format("not run: an earlier parameter set of Q%02d ran out of time", query));
        }
        QueryRows actual;
        ScheduledFuture<?> cancellation = watchdog.schedule(quiver::cancel, QUERY_TIMEOUT_SECONDS, TimeUnit.SECONDS);
        try {
            actual = QuiverStatements.run(quiver, statements);
        } catch (QuiverException e) {
            if (SqlState.QUERY_CANCELED.equals(e.sqlState())) {
                TIMED_OUT.add(query);
                throw new AssertionError("Quiver did not finish within " + QUERY_TIMEOUT_SECONDS + " s and was cancelled: " + context, e);
            }
            throw new AssertionError("Quiver failed with SQLSTATE " + e.sqlState() + " on " + context + "\n" + e.getMessage(), e);
        } finally {
            cancellation.cancel(false);
        }
        Optional<String> diff = compare(expected, actual, lastQuery(statements));
        if (diff.isPresent()) {
            fail("Quiver and DuckDB disagree on " + context + "\n" + diff.get());
        }
    }

    /** Empty when {@code actual} matches {@code expected} in the order the text of {@code query} fixes; otherwise what differs. */
    private static Optional<String> compare(QueryRows expected, QueryRows actual, String query) {
        return RESULTS.compare(expected, actual, OrderSpecs.rowOrder(OrderSpec.of(query), expected.columnNames(), expected.rows().size()));
    }

    /** The statement whose rows are compared: the SELECT (Q15's second statement; the only one elsewhere). */
    private static String lastQuery(List<String> statements) {
        return statements.stream().filter(s -> !QuiverStatements.CLEANUP.matcher(s).matches()
                && !s.replaceAll("--[^\\n]*", "").trim().toLowerCase(java.util.Locale.ROOT).startsWith("create"))
                .reduce((a, b) -> b).orElseThrow();
    }

    /** The oracle, with the validation parameters, reproduces the shipped reference answers (a check of DuckDB and of the copy). */
    @TestFactory
    Stream<DynamicTest> duckDbReproducesTheReferenceAnswers() {
        return TpchQueries.ALL.stream().map(q -> DynamicTest.dynamicTest(String.format("Q%02d", q), () -> {
            ExpectedResult answer = ExpectedResult.forQuery(SF, q).orElseThrow();
            QueryRows rows = duckdb.run(TpchQueryGenerator.validation().statements(q, SF), JdbcRows::read);
            Verification v = AnswerComparator.compare(answer, rows.rows(), TpchQueries.isOrdered(q));
            assertThat(v.matches()).as("DuckDB's Q%d: %s%n    expected: %s%n    actual:   %s", q, v.message(),
                    v.expectedRow().orElse("(no row)"), v.actualRow().orElse("(no row)")).isTrue();
        }));
    }

    /**
     * Every generated query runs on DuckDB, its ORDER BY keys are result columns, and its rows are
     * in that order: so a failure of {@link #quiverAgreesWithDuckDb} is never the harness's.
     */
    @TestFactory
    Stream<DynamicTest> everyParameterSetRunsOnTheOracle() {
        return TpchQueries.ALL.stream().map(q -> DynamicTest.dynamicTest(String.format("Q%02d", q), () -> {
            StringBuilder counts = new StringBuilder();
            for (long seed = TpchQueryGenerator.VALIDATION_SEED; seed <= RANDOM_PARAMETER_SETS; seed++) {
                List<String> statements = new TpchQueryGenerator(seed).statements(q, SF);
                QueryRows rows = duckdb.run(statements, JdbcRows::read);
                assertThat(compare(rows, rows, lastQuery(statements))).as("Q%d seed %d", q, seed).isEmpty();
                counts.append(rows.rows().size()).append(' ');
            }
            System.out.printf("Q%02d rows per parameter set: %s%n", q, counts);
        }));
    }

    /** DuckDB holds exactly Quiver's rows, with the same column types. */
    @Test
    void duckDbHoldsACopyOfEveryTable() throws SQLException {
        List<Long> expectedCounts = List.of(5L, 25L, 100L, 1_500L, 2_000L, 8_000L, 15_000L, 60_175L);
        assertThat(List.copyOf(engines.copiedRows().values())).isEqualTo(expectedCounts);
        for (TpchTableDefinition<?> table : TpchTables.ALL) {
            QueryRows copy = duckdb.run(List.of(DuckDbTpch.selectAll(table)), JdbcRows::read);
            List<List<Object>> original = new ArrayList<>();
            try (Result r = quiver.execute(DuckDbTpch.selectAll(table))) {
                for (Row row : r.rows()) {
                    original.add(row.values());
                }
            }
            assertThat(copy.rows()).as(table.name()).hasSameSizeAs(original);
            Optional<String> diff = RESULTS.compare(copy, new QueryRows(copy.columnNames(), original), RowOrder.UNORDERED);
            assertThat(diff).as(table.name()).isEmpty();
            // The copy is exact, not merely within the numeric tolerance: the same Java values (BigDecimal scale included).
            assertThat(ResultComparator.sorted(copy.rows())).as(table.name()).isEqualTo(ResultComparator.sorted(original));
        }
        QueryRows types = duckdb.run(List.of("SELECT data_type FROM information_schema.columns WHERE table_name = 'lineitem' "
                + "ORDER BY ordinal_position"), JdbcRows::read);
        assertThat(types.rows()).extracting(row -> row.get(0)).containsExactly("BIGINT", "INTEGER", "INTEGER", "INTEGER", "DECIMAL(15,2)",
                "DECIMAL(15,2)", "DECIMAL(15,2)", "DECIMAL(15,2)", "VARCHAR", "VARCHAR", "DATE", "DATE", "DATE", "VARCHAR", "VARCHAR",
                "VARCHAR");
    }
}
