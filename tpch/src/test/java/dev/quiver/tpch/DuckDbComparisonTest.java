package dev.quiver.tpch;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import dev.quiver.Session;
import dev.quiver.tpch.QueryReport.Status;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

class DuckDbComparisonTest {
    /** A row of the comparison table: query, rows, Quiver's median, DuckDB's, their ratio, status. */
    private static final Pattern ROW = Pattern.compile(
            "(Q\\d{2}) +\\| +(\\d+) \\| +(\\d+\\.\\d) \\| +(\\d+\\.\\d) \\| +(\\d+\\.\\d{2}) \\| (.*)");
    private static final Pattern RATIOS = Pattern.compile(
            "Quiver/DuckDB: geometric mean (\\d+\\.\\d{2}), max (\\d+\\.\\d{2}) \\((Q\\d{2})\\), totals (\\d+\\.\\d{2})\n");
    private static final Pattern TOTALS = Pattern.compile(
            "Quiver: (\\d+)/(\\d+) verified, total (\\d+\\.\\d) ms; DuckDB: (\\d+)/(\\d+) verified, total (\\d+\\.\\d) ms\n");

    private static TwoEngines engines;
    private static Session quiver;
    private static DuckDbTpch duckdb;

    @BeforeAll
    static void load() throws SQLException {
        engines = TwoEngines.load(0.01, DuckDbTpch.SLICE_ROWS);
        quiver = engines.quiver();
        duckdb = engines.duckdb();
    }

    @AfterAll
    static void close() throws SQLException {
        if (engines != null) {
            engines.close();
        }
    }

    @Test
    void parsesTheOptionAndRejectsBadValuesAndCombinations() {
        assertThat(BenchmarkOptions.parse("--compare", "duckdb").compareDuckDb()).isTrue();
        assertThat(BenchmarkOptions.parse("--compare=DuckDB").compareDuckDb()).isTrue();
        assertThat(BenchmarkOptions.parse().compareDuckDb()).isFalse();
        assertThat(BenchmarkOptions.parse("--compare-exploration").compareDuckDb()).isFalse();
        assertThatThrownBy(() -> BenchmarkOptions.parse("--compare", "foo")).isInstanceOf(IllegalArgumentException.class)
                .hasMessage("--compare takes duckdb, the one engine the runner compares Quiver with, got 'foo' "
                        + "(for exploration on and off, --compare-exploration)");
        assertThatThrownBy(() -> BenchmarkOptions.parse("--compare")).hasMessage("--compare needs a value");
        assertThatThrownBy(() -> BenchmarkOptions.parse("--compare", "duckdb", "--estimates"))
                .hasMessage("--compare duckdb and --estimates cannot be combined: each makes its own report; run them separately");
        assertThatThrownBy(() -> BenchmarkOptions.parse("--compare-exploration", "--compare", "duckdb"))
                .hasMessage("--compare duckdb and --compare-exploration cannot be combined: each makes its own report; run them separately");

        BenchmarkRun bad = run("--compare", "foo");
        assertThat(bad.status()).isEqualTo(TpchBenchmark.EXIT_USAGE);
        assertThat(bad.err()).contains("quiver tpch: --compare takes duckdb", "usage: quiver tpch");
        assertThat(bad.out()).isEmpty();
        BenchmarkRun both = run("--compare", "duckdb", "--compare-exploration");
        assertThat(both.status()).isEqualTo(TpchBenchmark.EXIT_USAGE);
        assertThat(both.err()).contains("quiver tpch: --compare duckdb and --compare-exploration cannot be combined");
        assertThat(run("--estimates", "--compare=duckdb").status()).isEqualTo(TpchBenchmark.EXIT_USAGE);
        assertThat(BenchmarkOptions.USAGE).contains("--compare duckdb");
    }

    @Test
    void reportsBothEnginesVerifiedWithRatiosOfTheMediansAndTotals() {
        BenchmarkRun run = run("--sf", "0.01", "--queries", "1,6,15", "--runs", "3", "--threads", "2", "--compare", "duckdb");
        assertThat(run.status()).as(run.out() + run.err()).isZero();
        assertThat(run.out()).contains("TPC-H SF 0.01, mode compile, 2 threads, 3 timed runs after a warm-up, Quiver and DuckDB taking turns")
                .containsPattern("DuckDB v\\d+\\.\\d+\\.\\d+\\S* in process, 2 threads, memory_limit \\d+ GiB\n")
                .containsPattern("copied 86,805 rows into DuckDB in \\d+ ms \\([\\d,]+ rows/s; not part of any time below\\)")
                .containsPattern("query \\| rows \\| Quiver ms \\| DuckDB ms \\| Quiver/DuckDB \\| status\n");
        Matcher rows = ROW.matcher(run.out());
        List<String> queries = new ArrayList<>();
        double logRatios = 0;
        double quiverTotal = 0;
        double duckDbTotal = 0;
        while (rows.find()) {
            queries.add(rows.group(1) + " " + rows.group(2) + " " + rows.group(6));
            double quiverMs = Double.parseDouble(rows.group(3));
            double duckDbMs = Double.parseDouble(rows.group(4));
            double ratio = Double.parseDouble(rows.group(5));
            // The ratio is of the unrounded medians; the table shows them rounded to 0.1 ms.
            assertThat(ratio).as(rows.group()).isBetween(Math.max(0, quiverMs - 0.05) / (duckDbMs + 0.05) - 0.005,
                    (quiverMs + 0.05) / Math.max(0.05, duckDbMs - 0.05) + 0.005);
            logRatios += Math.log(ratio);
            quiverTotal += quiverMs;
            duckDbTotal += duckDbMs;
        }
        assertThat(queries).containsExactly("Q01 4 verified", "Q06 1 verified", "Q15 1 verified");
        Matcher totals = TOTALS.matcher(run.out());
        assertThat(totals.find()).as(run.out()).isTrue();
        assertThat(List.of(totals.group(1), totals.group(2), totals.group(4), totals.group(5))).containsExactly("3", "3", "3", "3");
        assertThat(Double.parseDouble(totals.group(3))).isCloseTo(quiverTotal, within(0.2));
        assertThat(Double.parseDouble(totals.group(6))).isCloseTo(duckDbTotal, within(0.2));
        Matcher ratios = RATIOS.matcher(run.out());
        assertThat(ratios.find()).as(run.out()).isTrue();
        assertThat(Double.parseDouble(ratios.group(1))).isCloseTo(Math.exp(logRatios / 3), within(0.02));
        assertThat(run.out()).doesNotContain("FAILED", "over the");
    }

    @Test
    void theEnginesTakeTurnsAndBothAnswersAreVerified() {
        List<String> log = new ArrayList<>();
        QueryRuns.Runner q = logged("quiver", QueryRuns.quiver(quiver, unchanged -> { }), log);
        QueryRuns.Runner d = logged("duckdb", DuckDbComparison.runner(duckdb), log);
        List<QueryReport> reports = QueryRuns.measure(3, 0.01, 3, ExpectedResult.forQuery(0.01, 3), List.of(q, d));

        // First runs (verified), then timed rounds Quiver DuckDB, DuckDB Quiver, Quiver DuckDB.
        assertThat(log).containsExactly("quiver", "duckdb", "quiver", "duckdb", "duckdb", "quiver", "quiver", "duckdb");
        for (QueryReport r : reports) {
            assertThat(r.status()).as("%s", r).isEqualTo(Status.VERIFIED);
            assertThat(r.rows()).isEqualTo(10);
            assertThat(r.medianMillis()).isPositive();
            assertThat(r.minMillis()).isPositive().isLessThanOrEqualTo(r.medianMillis());
        }
    }

    @Test
    void aWrongOrFailingDuckDbAnswerIsReported() throws SQLException {
        QueryRuns.Runner q = QueryRuns.quiver(quiver, unchanged -> { });
        QueryRuns.Runner d = DuckDbComparison.runner(duckdb);
        List<ReportPair> outcomes = new ArrayList<>();
        // In a transaction rolled back afterwards, DuckDB's data differs from Quiver's (as if loaded from other data),
        // and then a table is missing.
        duckdb.execute("BEGIN TRANSACTION");
        try {
            duckdb.execute("UPDATE lineitem SET l_discount = 0.05 WHERE l_discount = 0.06");
            duckdb.execute("ALTER TABLE supplier RENAME TO supplier_gone");
            for (int query : List.of(6, 15)) {
                List<QueryReport> r = QueryRuns.measure(query, 0.01, 1, ExpectedResult.forQuery(0.01, query), List.of(q, d));
                outcomes.add(new ReportPair(r.get(0), r.get(1)));
            }
        } finally {
            duckdb.execute("ROLLBACK");
        }
        assertThat(outcomes.get(0).first().status()).isEqualTo(Status.VERIFIED);
        assertThat(outcomes.get(0).second().status()).isEqualTo(Status.FAILED);
        assertThat(outcomes.get(0).second().detail().orElseThrow()).contains("column revenue: expected '1193053.2253' but got");
        assertThat(DuckDbComparison.ratio(outcomes.get(0))).isPositive();
        assertThat(outcomes.get(1).first().status()).isEqualTo(Status.VERIFIED);
        assertThat(outcomes.get(1).second().status()).isEqualTo(Status.FAILED);
        assertThat(outcomes.get(1).second().ran()).isFalse();
        assertThat(outcomes.get(1).second().detail().orElseThrow()).startsWith("ERROR: ").contains("supplier");
        assertThat(DuckDbComparison.ratio(outcomes.get(1))).isNaN();

        String report = print(outcomes);
        assertThat(report).containsPattern("Q06   \\| +1 \\| +\\d+\\.\\d \\| +\\d+\\.\\d \\| +\\d+\\.\\d{2} \\| Quiver verified, DuckDB FAILED\n")
                .containsPattern("Q15   \\| +1 \\| +\\d+\\.\\d \\| +\\| +\\| Quiver verified, DuckDB FAILED\n")
                .contains("Q06 FAILED on DuckDB: sorted row 1, column revenue: expected '1193053.2253' but got ",
                        "Q15 FAILED on DuckDB: ERROR: ", "Quiver: 2/2 verified, total ", "; DuckDB: 0/2 verified, total ",
                        "(totals and ratios are over the 1 of 2 queries timed on both engines)",
                        "(a query DuckDB fails or answers wrongly means the two engines did not get the same data or query text)");
        assertThat(TpchBenchmark.exitStatus(ReportPair.all(outcomes), false)).isEqualTo(TpchBenchmark.EXIT_FAILED);
    }

    @Test
    void withoutAReferenceAnswerEachEngineIsCheckedAgainstTheOther() throws SQLException {
        QueryRuns.Runner q = QueryRuns.quiver(quiver, unchanged -> { });
        QueryRuns.Runner d = DuckDbComparison.runner(duckdb);
        QueryRuns.Check peer = new QueryRuns.Check.Peer(1);
        List<ReportPair> outcomes = new ArrayList<>();
        for (int query : List.of(3, 13)) {
            List<QueryReport> r = QueryRuns.measure(query, 0.01, 1, peer, List.of(q, d));
            outcomes.add(new ReportPair(r.get(0), r.get(1)));
        }
        // DuckDB's data differs from Quiver's in a transaction rolled back afterwards: the engines disagree on Q6.
        duckdb.execute("BEGIN TRANSACTION");
        try {
            duckdb.execute("UPDATE lineitem SET l_discount = 0.05 WHERE l_discount = 0.06");
            List<QueryReport> r = QueryRuns.measure(6, 0.01, 1, peer, List.of(q, d));
            outcomes.add(new ReportPair(r.get(0), r.get(1)));
        } finally {
            duckdb.execute("ROLLBACK");
        }
        for (ReportPair agreed : outcomes.subList(0, 2)) {
            assertThat(agreed.first().status()).as("%s", agreed).isEqualTo(Status.AGREED);
            assertThat(agreed.second().status()).as("%s", agreed).isEqualTo(Status.AGREED);
        }
        assertThat(outcomes.get(2).first().status()).isEqualTo(Status.FAILED);
        assertThat(outcomes.get(2).first().detail().orElseThrow())
                .startsWith("differs from the other engine's result: sorted row 1, column revenue: expected '")
                .contains("but got '1193053.2253'");
        assertThat(outcomes.get(2).second().status()).isEqualTo(Status.UNVERIFIED);

        String report = print(outcomes);
        assertThat(report).containsPattern("Q03   \\| +10 \\| +\\d+\\.\\d \\| +\\d+\\.\\d \\| +\\d+\\.\\d{2} \\| engines agree\n")
                .containsPattern("Q06   \\| +1 \\| .*\\| Quiver FAILED, DuckDB not verified\n")
                .contains("Q06 FAILED on Quiver: differs from the other engine's result: ", "Quiver: 2/3 agreed, total ",
                        "\"engines agree\" means Quiver's first result matched DuckDB's");
        assertThat(TpchBenchmark.exitStatus(ReportPair.all(outcomes), false)).isEqualTo(TpchBenchmark.EXIT_FAILED);
        // With a reference answer, that is what both are checked against.
        assertThat(DuckDbComparison.check(BenchmarkOptions.parse("--sf", "0.01"), 6)).isInstanceOf(QueryRuns.Check.Answer.class);
        assertThat(DuckDbComparison.check(BenchmarkOptions.parse("--sf", "0.02"), 6)).isEqualTo(new QueryRuns.Check.Peer(1));
        assertThat(DuckDbComparison.check(BenchmarkOptions.parse("--sf", "0.02", "--no-verify"), 6))
                .isEqualTo(new QueryRuns.Check.Answer(Optional.empty()));
    }

    @Test
    void theSummaryIsTheGeometricMeanOfTheRatiosTheLargestAndBothTotals() {
        List<ReportPair> outcomes = List.of(
                outcome(1, 20, 10),
                outcome(2, 10, 20),
                outcome(3, 80, 10),
                new ReportPair(report(4, Double.NaN, Status.FAILED), report(4, 5, Status.VERIFIED)));
        assertThat(DuckDbComparison.geometricMean(outcomes.subList(0, 3))).isCloseTo(2.0, within(1e-12));
        String report = print(outcomes);
        assertThat(report).contains("Q01   |    1 |      20.0 |      10.0 |          2.00 | verified\n",
                "Q02   |    1 |      10.0 |      20.0 |          0.50 | verified\n",
                "Q04   |    1 |           |       5.0 |               | Quiver FAILED, DuckDB verified\n",
                "Quiver: 3/4 verified, total 110.0 ms; DuckDB: 4/4 verified, total 40.0 ms\n",
                "Quiver/DuckDB: geometric mean 2.00, max 8.00 (Q03), totals 2.75\n",
                "(totals and ratios are over the 3 of 4 queries timed on both engines)\n");
        assertThat(report).doesNotContain("DuckDB fails or answers wrongly");
    }

    private static ReportPair outcome(int query, double quiverMs, double duckDbMs) {
        return new ReportPair(report(query, quiverMs, Status.VERIFIED), report(query, duckDbMs, Status.VERIFIED));
    }

    private static QueryReport report(int query, double medianMs, Status status) {
        return new QueryReport(query, Double.isNaN(medianMs) ? -1 : 1, medianMs, medianMs, status,
                status == Status.VERIFIED ? Optional.empty() : Optional.of("ERROR: boom"));
    }

    private static String print(List<ReportPair> outcomes) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        DuckDbComparison.print(outcomes, BenchmarkOptions.defaults(), new PrintStream(out, true, StandardCharsets.UTF_8));
        return out.toString(StandardCharsets.UTF_8);
    }

    private static QueryRuns.Runner logged(String name, QueryRuns.Runner runner, List<String> log) {
        return (statements, keepRows) -> {
            log.add(name);
            return runner.execute(statements, keepRows);
        };
    }

    private static BenchmarkRun run(String... args) {
        return BenchmarkRun.of(args);
    }
}
