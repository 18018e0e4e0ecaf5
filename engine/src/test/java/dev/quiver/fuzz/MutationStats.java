package dev.quiver.fuzz;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/** Counts of the mutation fuzzer's outcomes (rows, or errors by SQLSTATE), its failures, and its slowest statement. */
final class MutationStats {
    private long total;
    private long rows;
    private final Map<String, Long> errors = new TreeMap<>();
    private final List<MutationFuzzer.MutationCase> failures = new ArrayList<>();
    private MutationFuzzer.MutationCase slowest;

    void record(MutationFuzzer.MutationCase c) {
        total++;
        if (c.outcome() instanceof Outcome.Rows) {
            rows++;
        } else if (c.outcome() instanceof Outcome.Failed f) {
            errors.merge(f.sqlState(), 1L, Long::sum);
        }
        if (c.failed()) {
            failures.add(c);
        }
        if (slowest == null || c.millis() > slowest.millis()) {
            slowest = c;
        }
    }

    long total() {
        return total;
    }

    List<MutationFuzzer.MutationCase> failures() {
        return List.copyOf(failures);
    }

    /** The longest any statement took, in milliseconds. */
    long slowestMillis() {
        return slowest == null ? 0 : slowest.millis();
    }

    /** One line: statements returning rows, errors, failures. */
    String line() {
        return "rows " + rows + ", errors " + errors.values().stream().mapToLong(Long::longValue).sum() + ", FAILED " + failures.size()
                + ", slowest " + slowestMillis() + " ms";
    }

    String summary() {
        StringBuilder s = new StringBuilder(line()).append('\n');
        errors.forEach((state, n) -> s.append(String.format("  SQLSTATE %-6s %d%n", state, n)));
        if (slowest != null) {
            s.append("slowest: ").append(slowest.millis()).append(" ms, ").append(slowest.mutations()).append(": ")
                    .append(Mutator.abbreviate(slowest.statement())).append('\n');
        }
        return s.toString();
    }
}
