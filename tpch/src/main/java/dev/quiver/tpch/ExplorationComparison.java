package dev.quiver.tpch;

import static java.util.Objects.requireNonNull;

import dev.quiver.Result;
import dev.quiver.Row;
import dev.quiver.Session;
import java.io.PrintStream;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.function.Consumer;
import java.util.stream.Collectors;

/**
 * What the optimizer's exploration buys ({@code quiver tpch --compare-exploration}). With
 * {@code optimizer_exploration} off, join order comes from the greedy fallback alone, without the
 * exhaustive join enumeration or the exploration rules. Each query runs with exploration on and off
 * in the same session under the runner's policy (a verified warm-up, then timed runs), the two
 * settings taking turns run by run ({@link QueryRuns}), so planning time is measured too and drift
 * falls on both alike. The report gives per query both medians, their ratio, and whether the two
 * settings chose different plans (their EXPLAIN text); then per setting the queries verified and the
 * sum of medians, and the ratio of the sums.
 */
final class ExplorationComparison {
    /** The session setting this compares. */
    static final String SETTING = "optimizer_exploration";
    /** The prefix of EXPLAIN's last line, which times planning and so differs between any two runs. */
    private static final String PLANNING_TIME = "Planning:";

    /** Whether the two settings chose the same plan for a query. */
    enum Plans {
        SAME("same"),
        DIFFERENT("differ"),
        /** A setting's first run failed, so its plan is not compared. */
        NOT_COMPARED("");

        private final String label;

        Plans(String label) {
            this.label = label;
        }

        /** How the comparison appears in the report table. */
        String label() {
            return label;
        }
    }

    /** One query under both settings: their reports (on first) and whether their plans differ. */
    record Outcome(ReportPair reports, Plans plans) {
        Outcome {
            requireNonNull(reports, "reports");
            requireNonNull(plans, "plans");
        }

        Outcome(QueryReport on, QueryReport off, Plans plans) {
            this(new ReportPair(on, off), plans);
        }

        QueryReport on() {
            return reports.first();
        }

        QueryReport off() {
            return reports.second();
        }

        /** Off's median over on's; NaN when either did not finish its timed runs. */
        double ratio() {
            return off().medianMillis() / on().medianMillis();
        }
    }

    private ExplorationComparison() {
    }

    /**
     * Runs the chosen queries under both settings on the data loaded in {@code session}, prints the
     * report to {@code out}, and returns the runner's exit status: failed if a result is wrong or a
     * query fails in either setting. The session's own setting is restored afterwards.
     */
    static int run(Session session, BenchmarkOptions options, PrintStream out) {
        requireNonNull(session, "session");
        requireNonNull(options, "options");
        boolean before = session.settings().exploration();
        List<Outcome> outcomes = new ArrayList<>();
        try {
            for (int query : options.queries()) {
                List<QueryReport> reports = QueryRuns.measure(session, query, options.scaleFactor(), options.runs(), TpchBenchmark.expected(options, query),
                        List.of(setting(true), setting(false)));
                QueryReport on = reports.get(0);
                QueryReport off = reports.get(1);
                outcomes.add(new Outcome(on, off, on.ran() && off.ran() ? plans(session, query) : Plans.NOT_COMPARED));
            }
        } finally {
            setting(before).accept(session);
        }
        print(outcomes, options, out);
        return TpchBenchmark.exitStatus(ReportPair.all(pairs(outcomes)), options.allQueries());
    }

    private static Consumer<Session> setting(boolean exploration) {
        return session -> session.set(SETTING, exploration ? "on" : "off");
    }

    /**
     * Compares the query's plan under each setting: its EXPLAIN text without the planning time.
     * Leaves the session's setting as it found it.
     */
    static Plans plans(Session session, int query) {
        boolean before = session.settings().exploration();
        List<String> explained = new ArrayList<>();
        try {
            for (boolean exploration : new boolean[] {true, false}) {
                setting(exploration).accept(session);
                explained.add(TpchQueries.aroundSelect(session, query, select -> explain(session, select)));
            }
        } finally {
            setting(before).accept(session);
        }
        return explained.get(0).equals(explained.get(1)) ? Plans.SAME : Plans.DIFFERENT;
    }

    private static String explain(Session session, String select) {
        try (Result result = session.execute("EXPLAIN " + select)) {
            return result.rows().stream().map(Row::values).map(values -> String.valueOf(values.get(0)))
                    .filter(line -> !line.startsWith(PLANNING_TIME)).collect(Collectors.joining("\n"));
        }
    }

    private static List<ReportPair> pairs(List<Outcome> outcomes) {
        return outcomes.stream().map(Outcome::reports).toList();
    }

    /** Prints the table of both settings per query, the details of failures, the totals and the queries whose plans differ. */
    static void print(List<Outcome> outcomes, BenchmarkOptions options, PrintStream out) {
        List<String[]> lines = new ArrayList<>();
        for (Outcome o : outcomes) {
            ReportPair r = o.reports();
            lines.add(new String[] {r.queryCell(), r.rowsCell(), TextTable.millis(o.on().medianMillis()),
                TextTable.millis(o.off().medianMillis()), ReportPair.ratioCell(o.ratio()), o.plans().label(), r.statusCell("on", "off")});
        }
        out.println();
        TextTable.print(new String[] {"query", "rows", "on median ms", "off median ms", "off/on", "plans", "status"},
                new boolean[] {false, true, true, true, true, false, false}, lines, out);
        out.println();
        List<QueryReport> on = ReportPair.firsts(pairs(outcomes));
        List<QueryReport> off = ReportPair.seconds(pairs(outcomes));
        TpchBenchmark.printDetails(on, " with exploration on", out);
        TpchBenchmark.printDetails(off, " with exploration off", out);
        // Totals over the same queries, so that their ratio compares like with like.
        List<ReportPair> timed = pairs(outcomes).stream().filter(ReportPair::timed).toList();
        double totalOn = ReportPair.total(ReportPair.firsts(timed));
        double totalOff = ReportPair.total(ReportPair.seconds(timed));
        out.printf(Locale.ROOT, "exploration on: %s, total %s ms; off: %s, total %s ms; off/on %s%n", TpchBenchmark.verified(on),
                TextTable.millis(totalOn), TpchBenchmark.verified(off), TextTable.millis(totalOff),
                timed.isEmpty() ? "-" : ReportPair.ratioCell(totalOff / totalOn));
        if (timed.size() < outcomes.size()) {
            out.printf(Locale.ROOT, "(totals are sums of medians over the %d of %d queries timed in both settings)%n", timed.size(),
                    outcomes.size());
        }
        List<String> different = outcomes.stream().filter(o -> o.plans() == Plans.DIFFERENT).map(o -> o.reports().queryCell()).toList();
        out.printf(Locale.ROOT, "plans differ in %d of %d queries%s%n", different.size(), outcomes.size(),
                different.isEmpty() ? "" : ": " + String.join(", ", different));
        TpchBenchmark.printNotes(options, ReportPair.all(pairs(outcomes)), out);
    }
}
