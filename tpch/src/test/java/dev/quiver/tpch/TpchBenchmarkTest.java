package dev.quiver.tpch;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.quiver.Database;
import dev.quiver.ExecutionMode;
import dev.quiver.Quiver;
import dev.quiver.Session;
import dev.quiver.tpch.QueryReport.Status;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class TpchBenchmarkTest {
    @Test
    void supportedQueriesVerifyAtOneHundredthInVerifyMode() {
        try (Database db = Quiver.openInMemory(); Session s = db.connect()) {
            TpchDataGenerator.load(s, 0.01);
            s.set("execution_mode", "verify");
            for (int q : TpchQueries.SUPPORTED) {
                Optional<ExpectedResult> expected = ExpectedResult.forQuery(0.01, q);
                QueryReport report = TpchBenchmark.runQuery(s, q, 0.01, 1, expected);
                assertThat(report.status()).as("Q%d: %s", q, report.detail()).isEqualTo(Status.VERIFIED);
                assertThat(report.rows()).isEqualTo(expected.orElseThrow().rows().size());
                assertThat(report.medianMillis()).isPositive();
            }

            // A wrong answer is caught and explained.
            ExpectedResult wrong = ExpectedResult.parse("revenue\n1194053.2253\n");
            QueryReport failed = TpchBenchmark.runQuery(s, 6, 0.01, 1, Optional.of(wrong));
            assertThat(failed.status()).isEqualTo(Status.FAILED);
            assertThat(failed.detail().orElseThrow()).contains("expected '1194053.2253' but got '1193053.2253'",
                    "expected: 1194053.2253", "actual:   1193053.2253");

            // Q15's view is dropped after each run, so the next run starts clean.
            TpchBenchmark.runQuery(s, 15, 0.01, 1, Optional.empty());
            QueryReport q15 = TpchBenchmark.runQuery(s, 15, 0.01, 1, Optional.empty());
            assertThat(q15.status()).isEqualTo(Status.UNVERIFIED);
            assertThat(q15.rows()).isEqualTo(1);
        }
    }

    @Test
    void commandLineRunsTheChosenQueriesAndPrintsTheTable() {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        int status = TpchBenchmark.run(new String[] {"--sf", "0.01", "--queries", "1,2,15", "--mode", "compile", "--runs", "1"},
                new PrintStream(out, true, StandardCharsets.UTF_8), new PrintStream(err, true, StandardCharsets.UTF_8));
        String report = out.toString(StandardCharsets.UTF_8);
        assertThat(status).as(report + err).isZero();
        assertThat(report).contains("TPC-H SF 0.01, mode compile", "loaded 86,805 rows in ",
                "query | rows | median ms | min ms | status");
        assertThat(report).containsPattern("Q01   \\|    4 \\| +[0-9.]+ \\| +[0-9.]+ \\| verified");
        assertThat(report).containsPattern("Q02   \\|    4 \\| +[0-9.]+ \\| +[0-9.]+ \\| verified");
        assertThat(report).containsPattern("Q15   \\|    1 \\| +[0-9.]+ \\| +[0-9.]+ \\| verified");
        assertThat(report).contains("total: 3 queries, 3 verified, 0 failed");
    }

    @Test
    void estimatesReportTheQErrorOfEveryQuery() {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        int status = TpchBenchmark.run(new String[] {"--sf", "0.01", "--queries", "1,15,18", "--estimates"},
                new PrintStream(out, true, StandardCharsets.UTF_8), System.err);
        String report = out.toString(StandardCharsets.UTF_8);
        assertThat(status).as(report).isZero();
        assertThat(report).contains("TPC-H SF 0.01, row estimates against actual rows");
        for (String q : List.of("Q01", "Q15", "Q18")) {
            assertThat(report).containsPattern(q + "   \\| +\\d+ \\| +\\d+\\.\\d{2} \\| +\\d+\\.\\d \\| +\\d+\\.\\d");
        }
        assertThat(report).containsPattern("all: \\d+ operators, q-error geometric mean \\d+\\.\\d{2}, worst \\d+\\.\\d, worst join input "
                + "\\d+\\.\\d \\(Q\\d{2}\\)");
        assertThat(BenchmarkOptions.parse("--estimates").estimates()).isTrue();
        assertThat(BenchmarkOptions.parse().estimates()).isFalse();
    }

    @Test
    void unsupportedQueriesFailOnlyWhenAskedForByNumber() {
        QueryReport verified = new QueryReport(1, 4, 1, 1, Status.VERIFIED, Optional.empty());
        QueryReport unsupported = new QueryReport(2, -1, Double.NaN, Double.NaN, Status.UNSUPPORTED, Optional.of("joins"));
        QueryReport failed = new QueryReport(6, 1, 1, 1, Status.FAILED, Optional.of("row 1"));
        assertThat(TpchBenchmark.exitStatus(List.of(verified, unsupported), true)).isZero();
        assertThat(TpchBenchmark.exitStatus(List.of(verified, unsupported), false)).isEqualTo(1);
        assertThat(TpchBenchmark.exitStatus(List.of(verified, failed), true)).isEqualTo(1);

        ByteArrayOutputStream out = new ByteArrayOutputStream();
        List<QueryReport> reports = new ArrayList<>(List.of(verified, unsupported, failed));
        TpchBenchmark.print(reports, BenchmarkOptions.defaults(), new PrintStream(out, true, StandardCharsets.UTF_8));
        assertThat(out.toString(StandardCharsets.UTF_8)).contains("Q06 FAILED: row 1", "Q02 unsupported: joins",
                "total: 3 queries, 1 verified, 1 failed, 1 unsupported");
    }

    @Test
    void parsesOptions() {
        BenchmarkOptions d = BenchmarkOptions.parse();
        assertThat(d.scaleFactor()).isEqualTo(0.1);
        assertThat(d.queries()).isEqualTo(TpchQueries.SUPPORTED);
        assertThat(d.mode()).isEqualTo(ExecutionMode.COMPILE);
        assertThat(d.runs()).isEqualTo(5);
        assertThat(d.verify()).isTrue();

        BenchmarkOptions o = BenchmarkOptions.parse("--sf=1", "--queries", "q1,3-5,6", "--mode", "INTERPRET", "--runs", "3",
                "--threads", "1", "--no-verify");
        assertThat(o.scaleFactor()).isEqualTo(1.0);
        assertThat(o.queries()).containsExactly(1, 3, 4, 5, 6);
        assertThat(o.allQueries()).isFalse();
        assertThat(o.mode()).isEqualTo(ExecutionMode.INTERPRET);
        assertThat(o.runs()).isEqualTo(3);
        assertThat(o.threads()).isEqualTo(1);
        assertThat(o.verify()).isFalse();
        assertThat(BenchmarkOptions.parse("--queries", "all").queries()).hasSize(22);

        assertThatThrownBy(() -> BenchmarkOptions.parse("--sf", "zero")).hasMessageContaining("--sf needs a number");
        assertThatThrownBy(() -> BenchmarkOptions.parse("--sf", "-1")).hasMessageContaining("greater than 0");
        assertThatThrownBy(() -> BenchmarkOptions.parse("--queries", "23")).hasMessageContaining("1 to 22");
        assertThatThrownBy(() -> BenchmarkOptions.parse("--mode", "fast")).hasMessageContaining("interpret, compile or verify");
        assertThatThrownBy(() -> BenchmarkOptions.parse("--runs", "0")).hasMessageContaining("at least 1");
        assertThatThrownBy(() -> BenchmarkOptions.parse("--bogus")).hasMessageContaining("unknown option '--bogus'");
        assertThatThrownBy(() -> BenchmarkOptions.parse("--sf")).hasMessageContaining("--sf needs a value");
    }

    @Test
    void badOptionsExitWithUsage() {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        int status = TpchBenchmark.run(new String[] {"--runs", "x"}, new PrintStream(out, true, StandardCharsets.UTF_8),
                new PrintStream(err, true, StandardCharsets.UTF_8));
        assertThat(status).isEqualTo(2);
        assertThat(err.toString(StandardCharsets.UTF_8)).contains("quiver tpch: --runs needs a whole number", "usage: quiver tpch");
        out.reset();
        assertThat(TpchBenchmark.run(new String[] {"--help"}, new PrintStream(out, true, StandardCharsets.UTF_8), System.err)).isZero();
        assertThat(out.toString(StandardCharsets.UTF_8)).contains("--queries LIST");
    }
}
