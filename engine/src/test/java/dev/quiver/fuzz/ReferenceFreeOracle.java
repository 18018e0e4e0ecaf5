package dev.quiver.fuzz;

import dev.quiver.fuzz.CaseResult.Status;
import dev.quiver.testing.QueryRows;
import dev.quiver.testing.RowOrder;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.function.BiFunction;

/**
 * The common part of the oracles that need no reference engine: two queries that must return the
 * same rows run on Quiver, and their results are compared as multisets.
 */
abstract class ReferenceFreeOracle implements QueryOracle {
    private final FuzzTarget quiver;

    ReferenceFreeOracle(FuzzTarget quiver) {
        this.quiver = Objects.requireNonNull(quiver, "quiver");
    }

    /**
     * What a reference-free oracle rewrites: a random FROM clause, the context of its rows, and a
     * random predicate over them (which may hold subqueries correlated with the rows).
     */
    record Subject(QueryGenerator.From from, ExprContext rows, Expr predicate) {
        Subject {
            Objects.requireNonNull(from, "from");
            Objects.requireNonNull(rows, "rows");
            Objects.requireNonNull(predicate, "predicate");
        }
    }

    /** A fresh subject from {@code generator}. */
    static Subject subject(QueryGenerator generator) {
        generator.reset();
        QueryGenerator.From from = generator.from();
        // no subqueries over the large table: see QueryGenerator.select
        ExprContext rows = ExprContext.rows(from.visible(), List.of(), !from.readsLarge());
        return new Subject(from, rows, generator.expressions().predicate(rows, QueryGenerator.EXPRESSION_DEPTH));
    }

    /** The engine the oracle checks. */
    FuzzTarget target() {
        return quiver;
    }

    /**
     * Runs both queries and judges them. A crash, hang or internal error of either fails; a user
     * error of both is {@link Status#BOTH_FAILED}; of one only (the rewritten query evaluates some
     * expression on rows the original does not, which may overflow) is {@link Status#SKIPPED}.
     * Otherwise {@code same} compares the rows (empty when they agree).
     */
    final CaseResult compare(QueryNode original, QueryNode rewritten, BiFunction<QueryRows, QueryRows, Optional<String>> same) {
        String a = original.sql(Dialect.POSTGRES);
        String b = rewritten.sql(Dialect.POSTGRES);
        List<String> statements = List.of(a, b);
        Outcome first = quiver.run(a);
        Outcome second = quiver.run(b);
        String outcomes = "\nquery 1: " + first.describe() + "\nquery 2: " + second.describe();
        for (Outcome o : List.of(first, second)) {
            Status s = CaseResult.judgeQuiver(o);
            if (s != Status.PASSED) {
                return new CaseResult(s, statements, List.of(), outcomes + DifferentialOracle.crashTrace(o));
            }
        }
        if (!(first instanceof Outcome.Rows x) || !(second instanceof Outcome.Rows y)) {
            Status s = first instanceof Outcome.Failed && second instanceof Outcome.Failed ? Status.BOTH_FAILED : Status.SKIPPED;
            return new CaseResult(s, statements, List.of(), outcomes);
        }
        return same.apply(x.rows(), y.rows())
                .map(d -> new CaseResult(Status.FAILED, statements, List.of(), d + outcomes))
                .orElseGet(() -> new CaseResult(Status.PASSED, statements, List.of(), ""));
    }

    /** Rows equal as multisets. */
    static Optional<String> sameRows(QueryRows expected, QueryRows actual) {
        return DifferentialOracle.RESULTS.compare(expected, actual, RowOrder.UNORDERED);
    }
}
