package dev.quiver.api;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * An aggregation written twice in one statement (a view read twice, as in TPC-H Q15) runs once: one
 * pipeline scans the table into it, a later one reads its result again, and EXPLAIN ANALYZE still
 * counts every operator of both copies. A join build side written twice is built once and probed by
 * both joins, unless a join flags build rows (RIGHT, FULL). An aggregation rolled up from a finer
 * one of the statement reads that one's groups, computed once. Subplans that differ in anything but
 * column ids run each on its own.
 */
class SharedSubplansTest extends ApiTestSupport {
    @BeforeEach
    void tables() {
        exec("CREATE TABLE sales (k INTEGER, v INTEGER)");
        exec("INSERT INTO sales VALUES (1, 10), (1, 20), (2, 5), (3, 30), (3, 1)");
        exec("CREATE VIEW totals AS SELECT k, sum(v) AS total FROM sales WHERE v > 0 GROUP BY k");
        exec("CREATE TABLE dim (k INTEGER, name VARCHAR)");
        exec("INSERT INTO dim VALUES (1, 'x'), (2, 'y'), (3, 'x'), (4, 'x')");
    }

    @ParameterizedTest
    @ValueSource(strings = {"interpret", "compile"})
    void aBuildSideWrittenTwiceIsBuiltOnce(String mode) {
        session.set("execution_mode", mode);
        session.set("compile_min_rows", "0");
        String sql = "SELECT (SELECT count(*) FROM sales s JOIN dim d ON s.k = d.k WHERE d.name = 'x'),"
                + " (SELECT sum(v) FROM sales s JOIN dim d ON s.k = d.k WHERE d.name = 'x')";
        assertThat(rows(sql)).containsExactly(List.of(4L, 61L));
        List<String> explain = explain(sql);
        assertThat(explain.stream().filter(l -> l.matches("Pipeline \\d+: TableScan dim -> HashJoinBuild.*"))).hasSize(1);
        assertThat(explain.stream().filter(l -> l.contains("(table shared)"))).hasSize(1);
        assertThat(explain.stream().filter(l -> l.startsWith("actual rows")))
                .isNotEmpty().allSatisfy(l -> assertThat(l).matches("actual rows=\\d+"));
    }

    @ParameterizedTest
    @ValueSource(strings = {"interpret", "compile"})
    void joinsThatFlagBuildRowsShareNoTable(String mode) {
        session.set("execution_mode", mode);
        session.set("compile_min_rows", "0");
        // facts (300 rows, k 1 to 3) is probed and dim built in both joins. The second probe side is
        // empty at run time, so its FULL join must emit all four dim rows: with the first join's flags
        // (dim 1 to 3 matched) it would emit only dim 4.
        exec("CREATE TABLE facts (k INTEGER, v INTEGER)");
        exec("INSERT INTO facts VALUES " + java.util.stream.IntStream.range(0, 300)
                .mapToObj(i -> "(" + (i % 3 + 1) + ", " + i + ")").collect(java.util.stream.Collectors.joining(", ")));
        String all = "(SELECT count(*) FROM facts f FULL JOIN dim d ON f.k = d.k)";
        String none = "(SELECT count(*) FROM (SELECT * FROM facts WHERE v % 1000 = 999) f FULL JOIN dim d ON f.k = d.k)";
        // both orders, so that whichever join runs first, the other would see its flags
        assertThat(rows("SELECT " + all + ", " + none)).containsExactly(List.of(301L, 4L));
        assertThat(rows("SELECT " + none + ", " + all)).containsExactly(List.of(4L, 301L));
        String sql = "SELECT " + all + ", " + none;
        assertThat(explain(sql).stream().filter(l -> l.matches("Pipeline \\d+: TableScan dim -> HashJoinBuild.*"))).hasSize(2);
        assertThat(explain(sql).stream().filter(l -> l.matches("Pipeline .*(FULL|RIGHT).*"))).isNotEmpty()
                .allSatisfy(l -> assertThat(l).doesNotContain("(table shared)"));
    }

    @ParameterizedTest
    @ValueSource(strings = {"interpret", "compile"})
    void aTotalOverAGroupedAggregatesRowsReadsItsGroups(String mode) {
        session.set("execution_mode", mode);
        session.set("compile_min_rows", "0");
        // TPC-H Q11's shape: RollUpAggregate sums the groups for the total, and the groups are computed once.
        String sql = "SELECT k, sum(v) FROM sales WHERE v > 0 GROUP BY k HAVING sum(v) * 3 > (SELECT sum(v) FROM sales WHERE v > 0) ORDER BY k";
        assertThat(rows(sql)).containsExactly(List.of(1, 30L), List.of(3, 31L));
        List<String> explain = explain(sql);
        assertThat(explain.stream().filter(l -> l.matches("Pipeline \\d+: TableScan sales -> .*"))).hasSize(1);
        assertThat(explain.stream().filter(l -> l.contains("HashAggregate (computed once, read again)"))).hasSize(1);
    }

    @ParameterizedTest
    @ValueSource(strings = {
        "SELECT (SELECT sum(v) FROM sales WHERE v > 1), (SELECT sum(v) FROM sales WHERE v > 5)",
        "SELECT (SELECT sum(v) FROM sales WHERE v > 1), (SELECT max(v) FROM sales WHERE v > 1)",
        "SELECT (SELECT sum(v) FROM sales WHERE v > 1), (SELECT sum(k) FROM sales WHERE v > 1)",
        "SELECT (SELECT count(*) FROM sales s JOIN dim d ON s.k = d.k WHERE d.name = 'x'),"
            + " (SELECT count(*) FROM sales s JOIN dim d ON s.k = d.k WHERE d.name = 'y')"
    })
    void aggregationsThatDifferAreEachComputed(String sql) {
        List<String> explain = explain(sql);
        assertThat(explain.stream().filter(l -> l.matches("Pipeline \\d+: TableScan sales -> .*"))).hasSize(2);
        assertThat(explain.stream().filter(l -> l.contains("computed once") || l.contains("(table shared)"))).isEmpty();
    }

    private List<String> explain(String sql) {
        return rows("EXPLAIN ANALYZE " + sql).stream().map(r -> ((String) r.get(0)).trim()).toList();
    }
}
