package dev.quiver.fuzz;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assertions.fail;

import dev.quiver.fuzz.CaseResult.Status;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

/**
 * The fuzzers' fixed-seed runs in the default test suite: a few thousand generated queries
 * against DuckDB, the two reference-free oracles, and a few thousand malformed statements. Every
 * failure is listed with the command that replays it ({@code FuzzMain --replay ...}); long runs
 * with other seeds are {@link FuzzMain}'s job.
 *
 * <p>The differential run executes Quiver in {@code verify} mode (compiled code compared with the
 * interpreter, as the issue asks; the class cache makes that about 35 ms per query). The
 * reference-free oracles and the mutation run are interpreted: the oracles compare Quiver with
 * itself, and in verify mode nearly every mutated statement is a new shape to compile (one with a
 * select list of thousands of items keeps Janino busy for up to a second, see
 * expressions/fuzz_wide_select_compile.test). Long runs ({@link FuzzMain}) use {@code verify}
 * throughout.
 */
class FuzzSuiteTest {
    /** Seed of the differential run (TLP and NoREC use the next seeds). */
    static final long DIFFERENTIAL_SEED = 20_250_101;
    /** Generated queries compared with DuckDB in the default suite (the issue asks for at least 3,000). */
    static final int DIFFERENTIAL_CASES = 3_000;
    /** Cases of each reference-free oracle. */
    static final int REFERENCE_FREE_CASES = 1_000;
    /** Malformed statements of the mutation run. */
    static final int MUTATION_CASES = 3_000;
    /** Seed of the mutation run. */
    static final long MUTATION_SEED = 42;
    /** How long any statement may run: generated tables are tiny, so only a hang comes near this. */
    static final long TIMEOUT_MILLIS = FuzzMain.QUERY_TIMEOUT_MILLIS;
    /**
     * How long a malformed statement may run here before it counts as hanging: a hang guard, not
     * the 5-second bound, which long runs ({@link FuzzMain}) measure; a loaded CI machine
     * must not turn a slow statement into a failure (timings are never unit-test assertions).
     */
    static final long MUTATION_HANG_MILLIS = 60_000;
    /**
     * Least share of cases that must have compared results: a generator that made mostly failing
     * queries would pass every oracle vacuously.
     */
    static final double MIN_COMPARED_SHARE = 0.97;

    @Test
    void quiverAgreesWithDuckDbOnGeneratedQueries() {
        assertPasses(List.of("differential"), "verify", DIFFERENTIAL_SEED, DIFFERENTIAL_CASES);
    }

    @Test
    void ternaryLogicPartitioningHolds() {
        assertPasses(List.of("tlp"), "interpret", DIFFERENTIAL_SEED + 2, REFERENCE_FREE_CASES);
    }

    @Test
    void nonOptimizingReferenceCountsAgree() {
        assertPasses(List.of("norec"), "interpret", DIFFERENTIAL_SEED + 3, REFERENCE_FREE_CASES);
    }

    @Test
    void malformedStatementsEndInResultsOrQuiverExceptions() {
        List<MutationFuzzer.MutationCase> failures = new ArrayList<>();
        MutationStats stats;
        try (MutationFuzzer fuzzer = new MutationFuzzer("interpret", MUTATION_HANG_MILLIS)) {
            stats = fuzzer.run(MUTATION_SEED, MUTATION_CASES, failures::add, s -> { });
        }
        assertThat(stats.total()).isEqualTo(MUTATION_CASES);
        if (!failures.isEmpty()) {
            fail(String.format("%d statements ended in something other than rows or a QuiverException (XX000 included), or hung:%n%s",
                    failures.size(), failures.stream().map(MutationFuzzer.MutationCase::report).collect(Collectors.joining("\n"))));
        }
    }

    private static void assertPasses(List<String> oracles, String mode, long seed, int cases) {
        FuzzStats stats;
        try (QueryFuzzer fuzzer = new QueryFuzzer(oracles, mode, TIMEOUT_MILLIS)) {
            stats = fuzzer.run(seed, cases, f -> { }, s -> { });
        }
        if (!stats.failures().isEmpty()) {
            fail(String.format("%d %s failures (mode %s, seed %d):%n%s", stats.failures().size(), oracles, mode, seed, stats.failures()
                    .stream().map(f -> "FuzzMain --replay " + f.replayKey() + "\n" + f.script()).collect(Collectors.joining("\n\n"))));
        }
        assertThat(stats.total()).isEqualTo(cases);
        assertThat(stats.count(Status.PASSED)).as("cases that compared results: %s%s", stats.summary(), stats.topReasons(10))
                .isGreaterThanOrEqualTo((long) (MIN_COMPARED_SHARE * cases));
    }
}
