package dev.quiver.api;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.stream.Collectors;
import java.util.stream.IntStream;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * EXPLAIN ANALYZE counts the rows of every operator in compiled pipelines too, and the counts are
 * the interpreter's: filters fused into a scan's loop, projections, and hash-join probes of every
 * type (their output, including the build rows a RIGHT, FULL, RIGHT SEMI or RIGHT ANTI join emits
 * at its end) inside one generated class. The queries have no LIMIT, so every row is pushed through
 * and the counts are exact.
 */
class OperatorRowCountsTest extends ApiTestSupport {
    @BeforeEach
    void tables() {
        exec("CREATE TABLE a (k INTEGER, v INTEGER, s VARCHAR)");
        exec("CREATE TABLE b (k INTEGER, w INTEGER)");
        exec("CREATE TABLE c (k INTEGER, x INTEGER)");
        exec("INSERT INTO a VALUES " + values(3000, i -> i % 500 + ", " + i % 97 + ", 'n" + i % 13 + "'"));
        exec("INSERT INTO b VALUES " + values(700, i -> (i % 350 * 2) + ", " + i % 31));
        exec("INSERT INTO c VALUES " + values(120, i -> (i * 5) + ", " + i % 7));
    }

    private static String values(int n, java.util.function.IntFunction<String> row) {
        return IntStream.range(0, n).mapToObj(i -> "(" + row.apply(i) + ")").collect(Collectors.joining(", "));
    }

    @ParameterizedTest
    @ValueSource(strings = {
        "SELECT v, count(*) FROM a WHERE v > 10 AND s <> 'n3' GROUP BY v",
        "SELECT k + v, s FROM a WHERE v % 3 = 0",
        "SELECT count(*) FROM (SELECT k, v * 2 AS v2 FROM a WHERE v < 50) t WHERE v2 > 20",
        "SELECT a.v, b.w FROM a JOIN b ON a.k = b.k WHERE a.v > 5 AND b.w < 20",
        "SELECT count(*), sum(c.x) FROM a JOIN b ON a.k = b.k JOIN c ON b.k = c.k WHERE a.v < 60",
        "SELECT a.k, b.w FROM a LEFT JOIN b ON a.k = b.k AND b.w > 3",
        // filters before the first probe, which the push evaluates while it locates the probe's chains
        "SELECT a.k, b.w FROM a LEFT JOIN b ON a.k = b.k WHERE a.v < 30",
        "SELECT t.k, b.w FROM (SELECT k, v * 2 AS v2 FROM a WHERE v < 50) t JOIN b ON t.k = b.k WHERE t.v2 > 20 AND t.k % 3 = 0",
        "SELECT t.k, b.w FROM (SELECT * FROM a WHERE v < 30) t RIGHT JOIN b ON t.k = b.k",
        "SELECT a.k, b.w FROM a RIGHT JOIN b ON a.k = b.k AND a.v > 3",
        "SELECT a.k, c.x FROM a FULL JOIN c ON a.k = c.k WHERE a.v IS NULL OR a.v > 40",
        "SELECT k FROM a WHERE k IN (SELECT k FROM c WHERE x > 2) AND v > 7",
        "SELECT k FROM a WHERE NOT EXISTS (SELECT 1 FROM b WHERE b.k = a.k) AND v < 90",
        "SELECT k, (SELECT max(x) FROM c WHERE c.k = a.k) FROM a WHERE v BETWEEN 3 AND 70",
        // the small side returned: RIGHT SEMI and RIGHT ANTI, whose rows are emitted at the probe's end
        "SELECT c.k, c.x FROM c WHERE EXISTS (SELECT 1 FROM a WHERE a.k = c.k AND a.v > 3)",
        "SELECT c.k, c.x FROM c WHERE NOT EXISTS (SELECT 1 FROM a WHERE a.k = c.k AND a.v > 3)"
    })
    void compiledPipelinesCountWhatTheInterpreterCounts(String sql) {
        session.set("threads", "1");
        session.set("execution_mode", "interpret");
        List<String> interpreted = actualRows(sql);
        session.set("execution_mode", "compile");
        session.set("compile_min_rows", "0");
        List<String> compiled = actualRows(sql);
        assertThat(interpreted).isNotEmpty().allSatisfy(l -> assertThat(l).matches("actual rows=\\d+"));
        assertThat(compiled).isEqualTo(interpreted);
    }

    /** The "actual rows" line of each operator of the query's EXPLAIN ANALYZE, in plan order. */
    private List<String> actualRows(String sql) {
        return rows("EXPLAIN ANALYZE " + sql).stream().map(r -> ((String) r.get(0)).trim())
                .filter(l -> l.startsWith("actual rows")).toList();
    }
}
