package dev.quiver.fuzz;

import static org.assertj.core.api.Assertions.assertThat;

import dev.quiver.fuzz.CaseResult.Status;
import dev.quiver.testing.QueryRows;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.function.UnaryOperator;
import org.junit.jupiter.api.Test;

/** The oracles catch an engine that is wrong, and judge every kind of outcome as documented. */
class OracleTest {
    /** A target answering every statement with one fixed outcome. */
    private record Fixed(Outcome outcome) implements FuzzTarget {
        @Override
        public Outcome run(String sql) {
            return outcome;
        }

        @Override
        public void close() {
        }
    }

    /** A real Quiver whose query results pass through a distortion: a wrong engine. */
    private static final class Distorted implements FuzzTarget {
        private final QuiverTarget quiver = new QuiverTarget("interpret", FuzzMain.QUERY_TIMEOUT_MILLIS);
        private final java.util.function.BiFunction<String, QueryRows, QueryRows> distortion;

        Distorted(java.util.function.BiFunction<String, QueryRows, QueryRows> distortion) {
            this.distortion = distortion;
        }

        @Override
        public Outcome run(String sql) {
            Outcome o = quiver.run(sql);
            boolean query = sql.startsWith("SELECT") || sql.startsWith("(");
            return o instanceof Outcome.Rows r && query ? new Outcome.Rows(distortion.apply(sql, r.rows())) : o;
        }

        @Override
        public void close() {
            quiver.close();
        }
    }

    private static Outcome rows(Object... values) {
        List<List<Object>> rows = new ArrayList<>();
        for (Object v : values) {
            rows.add(java.util.Collections.singletonList(v));
        }
        return new Outcome.Rows(new QueryRows(List.of("c"), rows));
    }

    private static Outcome failed(String sqlState) {
        return new Outcome.Failed(sqlState, "message", Optional.empty());
    }

    private static final GeneratedQuery QUERY = GeneratedQuery.of(new QueryNode.Select(false,
            List.of(new QueryNode.SelectItem(new Expr.Literal(1, FuzzType.INTEGER), "i0")), List.of(), Optional.empty(), List.of(),
            Optional.empty(), QueryNode.Tail.NONE));

    private static Status judge(Outcome quiver, Outcome reference) {
        return DifferentialOracle.compare(QUERY, new Fixed(quiver), new Fixed(reference)).status();
    }

    @Test
    void theDifferentialOracleJudgesEveryOutcome() {
        assertThat(judge(rows(1, 2), rows(2, 1))).isEqualTo(Status.PASSED);
        assertThat(judge(rows(1, 2), rows(1, 3))).isEqualTo(Status.FAILED);
        assertThat(judge(failed("22012"), failed(""))).isEqualTo(Status.BOTH_FAILED);
        assertThat(judge(failed("22012"), rows(1))).isEqualTo(Status.FAILED);
        assertThat(judge(rows(1), failed(""))).isEqualTo(Status.FAILED);
        assertThat(judge(rows(1), new Outcome.Failed("", "INTERNAL Error: table index mismatch", Optional.empty())))
                .isEqualTo(Status.REFERENCE_FAILED);
        assertThat(judge(failed("0A000"), rows(1))).isEqualTo(Status.UNSUPPORTED);
        assertThat(judge(failed("XX000"), failed(""))).isEqualTo(Status.FAILED);
        assertThat(judge(new Outcome.Crashed(new NullPointerException()), rows(1))).isEqualTo(Status.FAILED);
        assertThat(judge(new Outcome.TimedOut(5_000, false), rows(1))).isEqualTo(Status.FAILED);
    }

    @Test
    void theReferenceFreeOraclesCatchAWrongEngine() {
        // An engine that loses the last row of every UNION ALL breaks TLP's WHERE partitions;
        // one that counts one row too many breaks NoREC.
        UnaryOperator<QueryRows> dropLast = r -> new QueryRows(r.columnNames(),
                r.rows().isEmpty() ? r.rows() : r.rows().subList(0, r.rows().size() - 1));
        assertThat(failures(new TlpOracle(new Distorted((sql, r) -> sql.contains("UNION ALL") ? dropLast.apply(r) : r)))).isPositive();
        assertThat(failures(new NoRecOracle(new Distorted((sql, r) -> sql.startsWith("SELECT count(*)")
                ? new QueryRows(r.columnNames(), List.of(List.of(((Number) r.rows().get(0).get(0)).longValue() + 1))) : r)))).isPositive();
    }

    /** Failures of {@code oracle} over a few cases on random tables (set up through the oracle's own target). */
    private static long failures(ReferenceFreeOracle oracle) {
        FuzzSchema schema = QueryFuzzer.schema(7);
        FuzzTarget target = oracle.target();
        try {
            target.setUp(schema.setupSql());
            long failed = 0;
            for (int i = 0; i < 40; i++) {
                FuzzRandom random = new FuzzRandom(FuzzRandom.caseSeed(7, i));
                if (oracle.check(new QueryGenerator(random, schema, false), random).status() == Status.FAILED) {
                    failed++;
                }
            }
            target.setUp(schema.dropSql());
            return failed;
        } finally {
            target.close();
        }
    }
}
