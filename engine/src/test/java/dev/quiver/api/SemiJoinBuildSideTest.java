package dev.quiver.api;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.stream.Collectors;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * Which side SEMI and ANTI hash joins build on: the small side, also when it is the side the join
 * returns (RIGHT SEMI, RIGHT ANTI). The tables are those of {@code sql/subqueries/semi_anti_build_side.test},
 * which checks the answers of the same queries.
 */
class SemiJoinBuildSideTest extends ApiTestSupport {
    @BeforeEach
    void load() {
        exec("CREATE TABLE big (x INTEGER)");
        exec("INSERT INTO big VALUES (1), (2), (3), (4), (5), (6), (7), (8)");
        for (int n = 8; n < 131_072; n *= 2) {
            exec("INSERT INTO big SELECT x + " + n + " FROM big");
        }
        exec("CREATE TABLE bk (k INTEGER, v INTEGER)");
        exec("INSERT INTO bk SELECT CASE WHEN x % 101 = 0 THEN NULL ELSE x % 40 END, "
                + "CASE WHEN x % 13 = 0 THEN NULL ELSE x % 5 END FROM big");
        exec("DROP TABLE big");
        exec("CREATE TABLE s (id INTEGER, k INTEGER, v INTEGER)");
        exec("INSERT INTO s VALUES (1, 1, 1), (2, 1, 1), (2, 1, 1), (3, 2, NULL), (4, 3, 0), (5, NULL, 1), (6, 60, 2), "
                + "(7, 7, 3), (8, 0, 0), (9, 39, NULL)");
    }

    private String plan(String sql) {
        return rows("EXPLAIN " + sql).stream().map(r -> (String) r.get(0)).collect(Collectors.joining("\n"));
    }

    private void assertJoin(String sql, String join) {
        String plan = plan(sql);
        assertThat(plan).as(plan).containsPattern("HashJoin " + join + " \\[");
    }

    @Test
    void existsAndNotExistsOverABigTableBuildOnTheSmallOne() {
        for (String residual : List.of("", " AND bk.v <> s.v", " AND bk.v = s.v", " AND bk.k * bk.k = 1000")) {
            assertJoin("SELECT id FROM s WHERE EXISTS (SELECT 1 FROM bk WHERE bk.k = s.k" + residual + ")", "RIGHT SEMI");
            assertJoin("SELECT id FROM s WHERE NOT EXISTS (SELECT 1 FROM bk WHERE bk.k = s.k" + residual + ")", "RIGHT ANTI");
        }
        assertJoin("SELECT id FROM s WHERE EXISTS (SELECT 1 FROM bk WHERE bk.k IS NOT DISTINCT FROM s.k)", "RIGHT SEMI");
        assertJoin("SELECT id FROM s WHERE k IN (SELECT k FROM bk)", "RIGHT SEMI");
        assertJoin("SELECT s.id, t.id FROM s JOIN s AS t ON s.id = t.id + 1 WHERE NOT EXISTS (SELECT 1 FROM bk WHERE bk.k = s.k)",
                "RIGHT ANTI");
    }

    @Test
    void theBigSideReturnedStillBuildsOnTheSmallOne() {
        assertJoin("SELECT count(*) FROM bk WHERE EXISTS (SELECT 1 FROM s WHERE s.k = bk.k)", "SEMI");
        assertJoin("SELECT count(*) FROM bk WHERE NOT EXISTS (SELECT 1 FROM s WHERE s.k = bk.k)", "ANTI");
    }

    @Test
    void nullAwareNotInIsAMarkJoinAndIsNotMirrored() {
        String plan = plan("SELECT id FROM s WHERE k NOT IN (SELECT k FROM bk)");
        assertThat(plan).as(plan).contains("HashJoin MARK").doesNotContain("RIGHT SEMI").doesNotContain("RIGHT ANTI");
    }
}
