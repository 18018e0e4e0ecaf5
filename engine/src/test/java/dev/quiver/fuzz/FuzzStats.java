package dev.quiver.fuzz;

import dev.quiver.fuzz.CaseResult.Status;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/** Counts of verdicts per oracle, the failures, and the most frequent reasons for cases that compared nothing. */
final class FuzzStats {
    /** Characters of an error message kept when counting reasons. */
    static final int REASON_LENGTH = 90;

    private final Map<String, EnumMap<Status, Long>> counts = new TreeMap<>();
    private final Map<String, Integer> reasons = new TreeMap<>();
    private final List<FuzzFailure> failures = new ArrayList<>();

    void record(String oracle, CaseResult result) {
        counts.computeIfAbsent(oracle, o -> new EnumMap<>(Status.class)).merge(result.status(), 1L, Long::sum);
        if (result.status() != Status.PASSED && result.status() != Status.FAILED) {
            String reason = result.detail().lines().filter(l -> l.startsWith("Quiver:") || l.startsWith("query")
                    || result.status() == Status.REFERENCE_FAILED && l.startsWith("DuckDB:"))
                    .filter(l -> l.contains("error")).findFirst().orElse(result.detail().strip());
            reason = reason.replaceAll("\"[^\"]*\"", "\"…\"").replaceAll("\\d+", "N");
            reasons.merge(result.status() + " " + reason.substring(0, Math.min(REASON_LENGTH, reason.length())), 1, Integer::sum);
        }
    }

    void fail(FuzzFailure failure) {
        failures.add(failure);
    }

    List<FuzzFailure> failures() {
        return List.copyOf(failures);
    }

    long count(Status status) {
        return counts.values().stream().mapToLong(m -> m.getOrDefault(status, 0L)).sum();
    }

    long total() {
        return counts.values().stream().flatMap(m -> m.values().stream()).mapToLong(Long::longValue).sum();
    }

    /** One line per oracle with its verdict counts. */
    String summary() {
        StringBuilder s = new StringBuilder();
        counts.forEach((oracle, m) -> s.append(String.format("%-12s %s%n", oracle, m)));
        return s.toString();
    }

    /** The {@code n} most frequent reasons for unsupported, failing-on-both and skipped cases. */
    String topReasons(int n) {
        StringBuilder s = new StringBuilder();
        reasons.entrySet().stream().sorted(Map.Entry.<String, Integer>comparingByValue().reversed()).limit(n)
                .forEach(e -> s.append(String.format("%7d  %s%n", e.getValue(), e.getKey())));
        return s.toString();
    }
}
