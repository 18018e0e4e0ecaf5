package dev.quiver.api;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * An aggregation written twice in one statement (a view read twice, as in TPC-H Q15) runs once: one
 * pipeline scans the table into it, a later one reads its result again, and EXPLAIN ANALYZE still
 * counts every operator of both copies. Aggregations that differ in anything but column ids run
 * each on its own.
 */
class SharedAggregateTest extends ApiTestSupport {
    @BeforeEach
    void tables() {
        exec("CREATE TABLE sales (k INTEGER, v INTEGER)");
        exec("INSERT INTO sales VALUES (1, 10), (1, 20), (2, 5), (3, 30), (3, 1)");
        exec("CREATE VIEW totals AS SELECT k, sum(v) AS total FROM sales WHERE v > 0 GROUP BY k");
    }

    @ParameterizedTest
    @ValueSource(strings = {"interpret", "compile"})
    void aViewReadTwiceIsAggregatedOnce(String mode) {
        session.set("execution_mode", mode);
        session.set("compile_min_rows", "0");
        String sql = "SELECT k, total FROM totals WHERE total = (SELECT max(total) FROM totals)";
        assertThat(rows(sql)).containsExactly(List.of(3, 31L));
        List<String> explain = explain(sql);
        assertThat(explain.stream().filter(l -> l.matches("Pipeline \\d+: TableScan sales -> .*"))).hasSize(1);
        assertThat(explain.stream().filter(l -> l.contains("HashAggregate (computed once, read again)"))).hasSize(1);
        assertThat(explain.stream().filter(l -> l.startsWith("actual rows")))
                .isNotEmpty().allSatisfy(l -> assertThat(l).matches("actual rows=\\d+"));
        assertThat(explain).contains("actual rows=5");
    }

    @ParameterizedTest
    @ValueSource(strings = {
        "SELECT (SELECT sum(v) FROM sales WHERE v > 1), (SELECT sum(v) FROM sales WHERE v > 5)",
        "SELECT (SELECT sum(v) FROM sales WHERE v > 1), (SELECT max(v) FROM sales WHERE v > 1)",
        "SELECT (SELECT sum(v) FROM sales WHERE v > 1), (SELECT sum(k) FROM sales WHERE v > 1)"
    })
    void aggregationsThatDifferAreEachComputed(String sql) {
        List<String> explain = explain(sql);
        assertThat(explain.stream().filter(l -> l.matches("Pipeline \\d+: TableScan sales -> .*"))).hasSize(2);
        assertThat(explain.stream().filter(l -> l.contains("computed once"))).isEmpty();
    }

    private List<String> explain(String sql) {
        return rows("EXPLAIN ANALYZE " + sql).stream().map(r -> ((String) r.get(0)).trim()).toList();
    }
}
