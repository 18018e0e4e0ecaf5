package dev.quiver.tpch;

import static java.util.Objects.requireNonNull;

import dev.quiver.Result;
import dev.quiver.Session;
import java.io.PrintStream;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * How good the optimizer's row estimates are on the TPC-H queries ({@code quiver tpch --estimates}):
 * runs each query once under EXPLAIN ANALYZE in the session's execution mode (both modes count
 * every operator's rows, and the plan is the same in each), and prints per query the q-error of its operators'
 * estimates (max(estimate/actual, actual/estimate)): geometric mean, worst, and worst of a join's
 * inputs; then the same over all queries.
 */
public final class TpchEstimates {
    private static final Pattern SUMMARY = Pattern.compile(
            "Estimates: q-error geometric mean ([0-9.]+), worst ([0-9.]+), worst join input ([0-9.]+), over (\\d+) operators");

    /** One query's estimate quality. */
    public record QueryEstimates(int query, int operators, double geometricMean, double worst, double worstJoinInput) {
    }

    private TpchEstimates() {
    }

    /** Measures the queries on the loaded data in {@code session}, printing a table to {@code out}. */
    public static List<QueryEstimates> run(Session session, List<Integer> queries, PrintStream out) {
        requireNonNull(session, "session");
        List<QueryEstimates> all = new ArrayList<>();
        out.println("query | operators | q-error geometric mean | worst | worst join input");
        out.println("------+-----------+------------------------+-------+-----------------");
        for (int query : queries) {
            QueryEstimates e = measure(session, query);
            all.add(e);
            out.printf(Locale.ROOT, "Q%02d   | %9d | %22.2f | %5.1f | %16.1f%n", query, e.operators(), e.geometricMean(), e.worst(),
                    e.worstJoinInput());
        }
        double logSum = all.stream().mapToDouble(e -> e.operators() * Math.log(e.geometricMean())).sum();
        int operators = all.stream().mapToInt(QueryEstimates::operators).sum();
        QueryEstimates worstJoin = all.stream().max((a, b) -> Double.compare(a.worstJoinInput(), b.worstJoinInput())).orElseThrow();
        out.printf(Locale.ROOT, "all: %d operators, q-error geometric mean %.2f, worst %.1f, worst join input %.1f (Q%02d)%n", operators,
                Math.exp(logSum / Math.max(1, operators)), all.stream().mapToDouble(QueryEstimates::worst).max().orElse(1),
                worstJoin.worstJoinInput(), worstJoin.query());
        return all;
    }

    private static QueryEstimates measure(Session session, int query) {
        return TpchQueries.aroundSelect(session, query, select -> {
            try (Result r = session.execute("EXPLAIN ANALYZE " + select)) {
                Optional<Matcher> summary = r.rows().stream().map(row -> SUMMARY.matcher(String.valueOf(row.get(0))))
                        .filter(Matcher::matches).findFirst();
                Matcher m = summary.orElseThrow(() -> new IllegalStateException("Q" + query + ": EXPLAIN ANALYZE gave no estimates line"));
                return new QueryEstimates(query, Integer.parseInt(m.group(4)), Double.parseDouble(m.group(1)),
                        Double.parseDouble(m.group(2)), Double.parseDouble(m.group(3)));
            }
        });
    }
}
