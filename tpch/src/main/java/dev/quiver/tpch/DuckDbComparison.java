package dev.quiver.tpch;

import static java.util.Objects.requireNonNull;

import dev.quiver.Session;
import dev.quiver.error.QuiverException;
import dev.quiver.error.SqlState;
import dev.quiver.tpch.QueryReport.Status;
import dev.quiver.tpch.QueryRuns.Execution;
import dev.quiver.tpch.QueryRuns.RunFailure;
import java.io.PrintStream;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/**
 * Quiver against DuckDB ({@code quiver tpch --compare duckdb}). The data Quiver loaded is copied
 * into an in-process DuckDB ({@link DuckDbTpch}), which gets as many threads as Quiver; the copy's
 * time is reported apart and counts nowhere else. Then each query runs on both engines under the
 * runner's policy ({@link QueryRuns}): a warm-up run on each whose result is checked against the
 * reference answer (DuckDB's too: a wrong DuckDB answer means the two did not get the same data or
 * query text), or, at a scale factor without reference answers, Quiver's against DuckDB's
 * ({@link #check}); then timed runs, the engines taking turns. DuckDB runs the same query text as
 * Quiver; its time covers executing the statements and fetching every row through JDBC, as
 * Quiver's covers producing its result batches.
 *
 * <p>The report gives per query both medians and their ratio (Quiver's over DuckDB's), and at the
 * end the geometric mean and the largest of the ratios, both totals (sums of medians), and the
 * queries verified on each engine.
 */
final class DuckDbComparison {
    /**
     * DuckDB's memory_limit, its tables included: at SF 10 Quiver's tables and the JVM take about
     * 20 of a 24 GB machine, so DuckDB keeps 2 GB and spills the rest of its 3 GB of compressed
     * tables to a temporary directory; at SF 1 and below everything DuckDB holds fits.
     */
    static final long MEMORY_LIMIT_BYTES = 2L << 30;

    private DuckDbComparison() {
    }

    /**
     * Copies the TPC-H tables loaded in {@code session} into a new DuckDB, runs the chosen queries
     * on both engines, prints the report to {@code out}, and returns the runner's exit status:
     * failed if a result is wrong or a query fails on either engine.
     */
    static int run(Session session, BenchmarkOptions options, PrintStream out) {
        requireNonNull(session, "session");
        requireNonNull(options, "options");
        try (DuckDbTpch duckdb = DuckDbTpch.open(Optional.of(options.threads()), Optional.of(MEMORY_LIMIT_BYTES))) {
            out.printf(Locale.ROOT, "DuckDB %s in process, %d thread%s, memory_limit %d GiB%n", duckdb.version(), options.threads(),
                    options.threads() == 1 ? "" : "s", MEMORY_LIMIT_BYTES >> 30);
            out.flush();
            long start = System.nanoTime();
            Map<String, Long> copied = duckdb.copyFrom(session, options.threads());
            double seconds = (System.nanoTime() - start) / 1e9;
            long rows = copied.values().stream().mapToLong(Long::longValue).sum();
            out.printf(Locale.ROOT, "copied %,d rows into DuckDB in %d ms (%,.0f rows/s; not part of any time below)%n", rows,
                    Math.round(seconds * 1000), rows / seconds);
            out.flush();
            List<ReportPair> outcomes = new ArrayList<>();
            QueryRuns.Runner quiver = QueryRuns.quiver(session, unchanged -> { });
            QueryRuns.Runner duck = runner(duckdb);
            for (int query : options.queries()) {
                List<QueryReport> reports = QueryRuns.measure(query, options.scaleFactor(), options.runs(), check(options, query), List.of(quiver, duck));
                outcomes.add(new ReportPair(reports.get(0), reports.get(1)));
            }
            print(outcomes, options, out);
            return TpchBenchmark.exitStatus(ReportPair.all(outcomes), options.allQueries());
        } catch (SQLException e) {
            String state = e.getSQLState() != null ? e.getSQLState() : SqlState.INTERNAL_ERROR;
            throw new QuiverException(state, "DuckDB: " + e.getMessage(), e);
        }
    }

    /**
     * How the first results of {@code query} are checked: against the reference answer when one
     * ships for the scale factor (or {@code --answers} has it); without one (SF 10), against each
     * other, DuckDB's result being the answer Quiver's must match; not at all under {@code --no-verify}.
     */
    static QueryRuns.Check check(BenchmarkOptions options, int query) {
        Optional<ExpectedResult> expected = TpchBenchmark.expected(options, query);
        return options.verify() && expected.isEmpty() ? new QueryRuns.Check.Peer(1) : new QueryRuns.Check.Answer(expected);
    }

    /** DuckDB as a runner: the statements on its connection, every row of the result fetched. */
    static QueryRuns.Runner runner(DuckDbTpch duckdb) {
        requireNonNull(duckdb, "duckdb");
        return (statements, keepRows) -> {
            long start = System.nanoTime();
            Fetched fetched;
            try {
                fetched = duckdb.run(statements, rs -> fetch(rs, keepRows));
            } catch (SQLException e) {
                throw new RunFailure(e.getMessage(), false, e);
            }
            return new Execution(System.nanoTime() - start - fetched.conversionNanos(), fetched.rows(), fetched.columns(), fetched.values());
        };
    }

    /** A result fetched from DuckDB: its rows counted, and kept as Java values with their column names if asked, with the time that took. */
    private record Fetched(long rows, List<String> columns, List<List<Object>> values, long conversionNanos) {
    }

    private static Fetched fetch(ResultSet rs, boolean keepRows) throws SQLException {
        int columns = rs.getMetaData().getColumnCount();
        List<String> names = new ArrayList<>(columns);
        for (int c = 1; c <= columns; c++) {
            names.add(rs.getMetaData().getColumnLabel(c));
        }
        long rows = 0;
        long conversion = 0;
        List<List<Object>> values = new ArrayList<>();
        while (rs.next()) {
            rows++;
            if (keepRows) {
                long before = System.nanoTime();
                List<Object> row = new ArrayList<>(columns);
                for (int c = 1; c <= columns; c++) {
                    Object v = rs.getObject(c);
                    // As Quiver's rows hold dates: DuckDB's driver returns java.sql.Date.
                    row.add(v instanceof java.sql.Date d ? d.toLocalDate() : v);
                }
                values.add(row);
                conversion += System.nanoTime() - before;
            }
        }
        return new Fetched(rows, names, values, conversion);
    }

    /** Quiver's median over DuckDB's (a pair's first over its second); NaN when either did not finish its timed runs. */
    static double ratio(ReportPair outcome) {
        return outcome.first().medianMillis() / outcome.second().medianMillis();
    }

    /**
     * Prints the table of both engines per query (each pair's reports: Quiver's, DuckDB's), the
     * details of failures, and the totals and ratios.
     */
    static void print(List<ReportPair> outcomes, BenchmarkOptions options, PrintStream out) {
        List<String[]> lines = new ArrayList<>();
        for (ReportPair o : outcomes) {
            lines.add(new String[] {o.queryCell(), o.rowsCell(), TextTable.millis(o.first().medianMillis()),
                TextTable.millis(o.second().medianMillis()), ReportPair.ratioCell(ratio(o)), o.statusCell("Quiver", "DuckDB")});
        }
        out.println();
        TextTable.print(new String[] {"query", "rows", "Quiver ms", "DuckDB ms", "Quiver/DuckDB", "status"},
                new boolean[] {false, true, true, true, true, false}, lines, out);
        out.println();
        List<QueryReport> quiver = ReportPair.firsts(outcomes);
        List<QueryReport> duckdb = ReportPair.seconds(outcomes);
        TpchBenchmark.printDetails(quiver, " on Quiver", out);
        TpchBenchmark.printDetails(duckdb, " on DuckDB", out);
        // Totals and ratios over the same queries, so that they compare like with like.
        List<ReportPair> timed = outcomes.stream().filter(ReportPair::timed).toList();
        double totalQuiver = ReportPair.total(ReportPair.firsts(timed));
        double totalDuckDb = ReportPair.total(ReportPair.seconds(timed));
        out.printf(Locale.ROOT, "Quiver: %s, total %s ms; DuckDB: %s, total %s ms%n", TpchBenchmark.verified(quiver),
                TextTable.millis(totalQuiver), TpchBenchmark.verified(duckdb), TextTable.millis(totalDuckDb));
        if (timed.isEmpty()) {
            out.println("Quiver/DuckDB: no query was timed on both engines");
        } else {
            ReportPair max = timed.stream().max(Comparator.comparingDouble(DuckDbComparison::ratio)).orElseThrow();
            out.printf(Locale.ROOT, "Quiver/DuckDB: geometric mean %.2f, max %.2f (%s), totals %.2f%n", geometricMean(timed), ratio(max),
                    max.queryCell(), totalQuiver / totalDuckDb);
        }
        if (timed.size() < outcomes.size()) {
            out.printf(Locale.ROOT, "(totals and ratios are over the %d of %d queries timed on both engines)%n", timed.size(),
                    outcomes.size());
        }
        if (quiver.stream().anyMatch(r -> r.status() == Status.AGREED)) {
            out.println("(no reference answers for SF " + TpchDataGenerator.formatScaleFactor(options.scaleFactor())
                    + ": \"engines agree\" means Quiver's first result matched DuckDB's, as the reference answers are compared)");
        }
        if (duckdb.stream().anyMatch(r -> r.status() == Status.FAILED)) {
            out.println("(a query DuckDB fails or answers wrongly means the two engines did not get the same data or query text)");
        }
        TpchBenchmark.printNotes(options, ReportPair.all(outcomes), out);
    }

    /** The geometric mean of Quiver's ratios to DuckDB over {@code timed} (pairs timed on both engines). */
    static double geometricMean(List<ReportPair> timed) {
        return Math.exp(timed.stream().mapToDouble(o -> Math.log(ratio(o))).average().orElse(0));
    }
}
