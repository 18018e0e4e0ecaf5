package dev.quiver.tpch;

import static java.util.Objects.requireNonNull;

import dev.quiver.Result;
import dev.quiver.Row;
import dev.quiver.Session;
import dev.quiver.tpch.QueryReport.Status;
import java.io.PrintStream;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.function.Consumer;
import java.util.stream.Collectors;
import java.util.stream.Stream;

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

    /** One query under both settings. */
    record Outcome(QueryReport on, QueryReport off, Plans plans) {
        Outcome {
            requireNonNull(on, "on");
            requireNonNull(off, "off");
            requireNonNull(plans, "plans");
            if (on.query() != off.query()) {
                throw new IllegalArgumentException("reports of different queries: Q" + on.query() + " and Q" + off.query());
            }
        }

        /** Off's median over on's; NaN when either did not finish its timed runs. */
        double ratio() {
            return off.medianMillis() / on.medianMillis();
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
                List<QueryReport> reports = QueryRuns.measure(session, query, options.runs(), TpchBenchmark.expected(options, query),
                        List.of(setting(true), setting(false)));
                QueryReport on = reports.get(0);
                QueryReport off = reports.get(1);
                outcomes.add(new Outcome(on, off, on.ran() && off.ran() ? plans(session, query) : Plans.NOT_COMPARED));
            }
        } finally {
            setting(before).accept(session);
        }
        print(outcomes, options, out);
        return TpchBenchmark.exitStatus(bothSettings(outcomes), options.allQueries());
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

    private static List<QueryReport> reports(List<Outcome> outcomes, boolean exploration) {
        return outcomes.stream().map(o -> exploration ? o.on() : o.off()).toList();
    }

    private static List<QueryReport> bothSettings(List<Outcome> outcomes) {
        return outcomes.stream().flatMap(o -> Stream.of(o.on(), o.off())).toList();
    }

    /** Prints the table of both settings per query, the details of failures, the totals and the queries whose plans differ. */
    static void print(List<Outcome> outcomes, BenchmarkOptions options, PrintStream out) {
        List<String[]> lines = new ArrayList<>();
        for (Outcome o : outcomes) {
            QueryReport on = o.on();
            QueryReport off = o.off();
            lines.add(new String[] {
                String.format(Locale.ROOT, "Q%02d", on.query()),
                on.ran() ? String.valueOf(on.rows()) : off.ran() ? String.valueOf(off.rows()) : "",
                TextTable.millis(on.medianMillis()),
                TextTable.millis(off.medianMillis()),
                Double.isNaN(o.ratio()) ? "" : String.format(Locale.ROOT, "%.2f", o.ratio()),
                o.plans().label(),
                on.status() == off.status() ? on.status().label() : "on " + on.status().label() + ", off " + off.status().label()});
        }
        out.println();
        TextTable.print(new String[] {"query", "rows", "on median ms", "off median ms", "off/on", "plans", "status"},
                new boolean[] {false, true, true, true, true, false, false}, lines, out);
        out.println();
        List<QueryReport> on = reports(outcomes, true);
        List<QueryReport> off = reports(outcomes, false);
        TpchBenchmark.printDetails(on, " with exploration on", out);
        TpchBenchmark.printDetails(off, " with exploration off", out);
        // Totals over the same queries, so that their ratio compares like with like.
        List<Outcome> timed = outcomes.stream().filter(o -> !Double.isNaN(o.ratio())).toList();
        double totalOn = timed.stream().mapToDouble(o -> o.on().medianMillis()).sum();
        double totalOff = timed.stream().mapToDouble(o -> o.off().medianMillis()).sum();
        out.printf(Locale.ROOT, "exploration on: %s, total %s ms; off: %s, total %s ms; off/on %s%n", verified(on),
                TextTable.millis(totalOn), verified(off), TextTable.millis(totalOff),
                timed.isEmpty() ? "-" : String.format(Locale.ROOT, "%.2f", totalOff / totalOn));
        if (timed.size() < outcomes.size()) {
            out.printf(Locale.ROOT, "(totals are sums of medians over the %d of %d queries timed in both settings)%n", timed.size(),
                    outcomes.size());
        }
        List<String> different = outcomes.stream().filter(o -> o.plans() == Plans.DIFFERENT)
                .map(o -> String.format(Locale.ROOT, "Q%02d", o.on().query())).toList();
        out.printf(Locale.ROOT, "plans differ in %d of %d queries%s%n", different.size(), outcomes.size(),
                different.isEmpty() ? "" : ": " + String.join(", ", different));
        List<QueryReport> all = bothSettings(outcomes);
        TpchBenchmark.printNotes(options, all.stream().anyMatch(r -> r.status() == Status.UNVERIFIED),
                all.stream().anyMatch(r -> r.status() == Status.UNSUPPORTED), out);
    }

    private static String verified(List<QueryReport> reports) {
        return reports.stream().filter(r -> r.status() == Status.VERIFIED).count() + "/" + reports.size() + " verified";
    }
}
