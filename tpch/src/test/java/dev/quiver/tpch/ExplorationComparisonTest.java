package dev.quiver.tpch;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.quiver.Database;
import dev.quiver.Quiver;
import dev.quiver.Session;
import dev.quiver.tpch.ExplorationComparison.Plans;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ExplorationComparisonTest {
    /** A row of the comparison table: query, rows, both medians, their ratio, plans, status. */
    private static final String ROW = "%s   \\| +%d \\| +\\d+\\.\\d \\| +\\d+\\.\\d \\| +\\d+\\.\\d{2} \\| (same|differ) +\\| verified";

    @Test
    void parsesTheOptionAndRejectsItWithEstimates() {
        assertThat(BenchmarkOptions.parse("--compare-exploration").compareExploration()).isTrue();
        assertThat(BenchmarkOptions.parse().compareExploration()).isFalse();
        assertThatThrownBy(() -> BenchmarkOptions.parse("--compare-exploration", "--estimates"))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("--compare-exploration and --estimates cannot be combined: --estimates runs each query once under "
                        + "EXPLAIN ANALYZE without timing it; run them separately");

        BenchmarkRun run = run("--estimates", "--compare-exploration");
        assertThat(run.status()).isEqualTo(TpchBenchmark.EXIT_USAGE);
        assertThat(run.err()).contains("quiver tpch: --compare-exploration and --estimates cannot be combined", "usage: quiver tpch");
        assertThat(run.out()).isEmpty();
        assertThat(BenchmarkOptions.USAGE).contains("--compare-exploration");
    }

    @Test
    void reportsBothSettingsVerifiedWithTheirTotals() {
        BenchmarkRun run = run("--sf", "0.01", "--queries", "5,15", "--runs", "1", "--compare-exploration");
        assertThat(run.status()).as(run.out() + run.err()).isZero();
        assertThat(run.out()).contains("TPC-H SF 0.01, mode compile", "optimizer exploration on and off taking turns")
                .containsPattern("query \\| rows \\| on median ms \\| off median ms \\| off/on \\| plans +\\| status");
        assertThat(run.out()).containsPattern(ROW.formatted("Q05", 5)).containsPattern(ROW.formatted("Q15", 1));
        assertThat(run.out()).containsPattern(
                "exploration on: 2/2 verified, total \\d+\\.\\d ms; off: 2/2 verified, total \\d+\\.\\d ms; off/on \\d+\\.\\d{2}\n");
        assertThat(run.out()).containsPattern("plans differ in [012] of 2 queries");
        assertThat(run.out()).doesNotContain("FAILED", "totals are sums");
    }

    @Test
    void aWrongAnswerFailsTheRunInEachSetting(@TempDir Path answers) throws IOException {
        Files.writeString(answers.resolve("q06.csv"), "revenue\n1194053.2253\n");
        BenchmarkRun run = run("--sf", "0.01", "--queries", "6", "--runs", "1", "--compare-exploration", "--answers", answers.toString());
        assertThat(run.status()).as(run.out() + run.err()).isEqualTo(TpchBenchmark.EXIT_FAILED);
        assertThat(run.out()).contains("Q06 FAILED with exploration on: ", "Q06 FAILED with exploration off: ",
                "exploration on: 0/1 verified", "; off: 0/1 verified");
    }

    @Test
    void thePlanningTimeDoesNotMakePlansDiffer() {
        try (Database db = Quiver.openInMemory(); Session s = db.connect()) {
            TpchDataGenerator.load(s, 0.01);
            // One table and a global aggregate: no join to order, so both settings find the same plan.
            assertThat(ExplorationComparison.plans(s, 6)).isEqualTo(Plans.SAME);
            // Q15's view is created around its SELECT and dropped after it under each setting, so it can be explained again.
            assertThat(ExplorationComparison.plans(s, 15)).isEqualTo(ExplorationComparison.plans(s, 15));
            assertThat(s.settings().exploration()).isTrue();
            s.set(ExplorationComparison.SETTING, "off");
            ExplorationComparison.plans(s, 6);
            assertThat(s.settings().exploration()).isFalse();
        }
    }

    private static BenchmarkRun run(String... args) {
        return BenchmarkRun.of(args);
    }
}
