package dev.quiver.sqllogic;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Sums {@link ConformanceFileResult}s per directory and prints them: one table row per directory
 * (files, records run, passed, failed, skipped by condition, pass rate, time per record) and a
 * total, then each directory's failures grouped by their one-line summary, most frequent first.
 */
public final class ConformanceReport {
    /** Error groups listed per directory; the rest are counted in one line (the failures file has them all). */
    private static final int GROUPS_SHOWN = 12;
    /** Longest summary printed: enough for an engine message's gist, short enough for one terminal line. */
    private static final int SUMMARY_WIDTH = 150;

    /** A SQLSTATE in brackets, kept as is; digits elsewhere in a summary become N so that similar failures group. */
    private static final Pattern STATE_PREFIX = Pattern.compile("^([^\\[]*\\[[0-9A-Z]{5}\\] )?(.*)$", Pattern.DOTALL);
    private static final Pattern NUMBER = Pattern.compile("\\d+");

    private final Map<String, List<ConformanceFileResult>> byDirectory = new TreeMap<>();

    public ConformanceReport(List<ConformanceFileResult> results) {
        for (ConformanceFileResult r : results) {
            byDirectory.computeIfAbsent(r.directory(), d -> new ArrayList<>()).add(r);
        }
    }

    /** The group a failure summary counts in: the summary with its numbers (outside the SQLSTATE) as N. */
    static String group(String summary) {
        Matcher m = STATE_PREFIX.matcher(summary);
        if (!m.matches()) {
            return summary;
        }
        String prefix = m.group(1) == null ? "" : m.group(1);
        String rest = NUMBER.matcher(m.group(2)).replaceAll("N");
        String g = prefix + rest;
        return g.length() > SUMMARY_WIDTH ? g.substring(0, SUMMARY_WIDTH - 3) + "..." : g;
    }

    /** The table and the error groups, as printed. */
    public String render() {
        StringBuilder s = new StringBuilder();
        String header = String.format("%-34s %6s %10s %10s %8s %10s %9s %8s%n", "directory", "files", "run", "passed", "failed",
                "skipped", "pass %", "ms/rec");
        s.append(header).append("-".repeat(header.length() - 1)).append('\n');
        List<ConformanceFileResult> all = new ArrayList<>();
        byDirectory.forEach((dir, results) -> {
            s.append(row(dir, results));
            all.addAll(results);
        });
        s.append("-".repeat(header.length() - 1)).append('\n').append(row("total", all));
        byDirectory.forEach((dir, results) -> appendGroups(s, dir, results));
        if (byDirectory.size() > 1) {
            appendGroups(s, "all directories", all);
        }
        return s.toString();
    }

    private static String row(String name, List<ConformanceFileResult> results) {
        long run = 0;
        long passed = 0;
        long skipped = 0;
        long nanos = 0;
        for (ConformanceFileResult r : results) {
            run += r.run();
            passed += r.passed();
            skipped += r.skipped();
            nanos += r.nanos();
        }
        double rate = run == 0 ? 100 : 100.0 * passed / run;
        double msPerRecord = run == 0 ? 0 : nanos / 1e6 / run;
        return String.format("%-34s %6d %10d %10d %8d %10d %8.3f%% %8.3f%n", name, results.size(), run, passed, run - passed,
                skipped, rate, msPerRecord);
    }

    private static void appendGroups(StringBuilder s, String name, List<ConformanceFileResult> results) {
        Map<String, Integer> groups = new TreeMap<>();
        for (ConformanceFileResult r : results) {
            r.errors().forEach((g, n) -> groups.merge(g, n, Integer::sum));
        }
        if (groups.isEmpty()) {
            return;
        }
        List<Map.Entry<String, Integer>> sorted = new ArrayList<>(groups.entrySet());
        sorted.sort(Map.Entry.<String, Integer>comparingByValue(Comparator.reverseOrder()).thenComparing(Map.Entry.comparingByKey()));
        s.append("\nfailures in ").append(name).append(" by first line:\n");
        for (int i = 0; i < Math.min(GROUPS_SHOWN, sorted.size()); i++) {
            s.append(String.format("%8d  %s%n", sorted.get(i).getValue(), sorted.get(i).getKey()));
        }
        if (sorted.size() > GROUPS_SHOWN) {
            int rest = sorted.subList(GROUPS_SHOWN, sorted.size()).stream().mapToInt(Map.Entry::getValue).sum();
            s.append(String.format("%8d  (%d more kinds)%n", rest, sorted.size() - GROUPS_SHOWN));
        }
    }
}
