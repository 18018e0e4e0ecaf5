package dev.quiver.planner.binder;

import static dev.quiver.planner.Planning.operators;
import static org.assertj.core.api.Assertions.assertThat;

import dev.quiver.error.QuiverException;
import dev.quiver.error.SqlState;
import dev.quiver.planner.Planning;
import dev.quiver.planner.logical.LogicalAggregate;
import dev.quiver.planner.logical.LogicalDependentJoin;
import dev.quiver.planner.logical.LogicalJoin;
import dev.quiver.planner.logical.LogicalPlan;
import dev.quiver.planner.logical.LogicalScan;
import dev.quiver.planner.logical.LogicalUnionAll;
import dev.quiver.planner.plan.JoinType;
import dev.quiver.planner.type.DataType;
import java.util.List;
import org.junit.jupiter.api.Test;

/** FROM items beyond a single table (joins, derived tables, CTEs), subqueries and set operations, as the binder plans them. */
class RelationBindingTest {
    private final Planning planning = Planning.standard();

    private BoundQuery bind(String sql) {
        return planning.bind(sql);
    }

    private void assertError(String sql, String state, String message, int position) {
        QuiverException e = planning.error(sql);
        assertThat(e.sqlState()).as("SQLSTATE of %s", sql).isEqualTo(state);
        assertThat(e.rawMessage()).as("message of %s", sql).isEqualTo(message);
        assertThat(e.position()).as("position of %s", sql).hasValue(position);
    }

    @Test
    void joinsKeepTheirTypeAndCondition() {
        BoundQuery q = bind("SELECT a, x FROM t LEFT JOIN u ON a = x AND s > 1");
        LogicalJoin join = operators(q.plan(), LogicalJoin.class).get(0);
        assertThat(join.type()).isEqualTo(JoinType.LEFT);
        assertThat(join.condition().toString()).matches("\\(a#0 = x#\\d+\\) AND \\(CAST\\(s#\\d+ AS INTEGER\\) > 1\\)");
        assertThat(operators(bind("SELECT * FROM t CROSS JOIN u").plan(), LogicalJoin.class).get(0).type()).isEqualTo(JoinType.INNER);
        assertThat(operators(bind("SELECT * FROM t FULL JOIN u ON a = x").plan(), LogicalJoin.class).get(0).type())
                .isEqualTo(JoinType.FULL);
    }

    @Test
    void usingMergesTheNamedColumns() {
        // t2 and t3 are t and u renamed so that they share the column names a and b.
        String sql = "SELECT * FROM t AS t2(a, b) JOIN (SELECT x AS a, s AS b, y FROM u) AS t3 USING (a)";
        BoundQuery q = bind(sql);
        assertThat(q.columnNames()).containsExactly("a", "b", "c", "d", "e", "f", "b", "y");
        // The sides' own columns stay reachable by qualified name.
        assertThat(bind("SELECT t2.a, t3.a FROM t AS t2(a) JOIN (SELECT x AS a FROM u) AS t3 USING (a)").columnNames())
                .containsExactly("a", "a");
        assertThat(bind("SELECT * FROM t AS t2(a) NATURAL JOIN (SELECT x AS a, y FROM u) AS t3").columnNames())
                .containsExactly("a", "b", "c", "d", "e", "f", "y");
        // FULL JOIN USING: the merged column is COALESCE of both sides.
        assertThat(bind("SELECT a FROM t FULL JOIN (SELECT x AS a FROM u) AS v USING (a)").plan().toString()).contains("coalesce(");
    }

    @Test
    void derivedTablesTakeTheirAliasAndColumnNames() {
        BoundQuery q = bind("SELECT v.p, v.q FROM (SELECT a, b FROM t) AS v(p, q) WHERE v.p > 1");
        assertThat(q.columnNames()).containsExactly("p", "q");
        assertError("SELECT * FROM (SELECT a FROM t) AS v(p, q)", SqlState.INVALID_COLUMN_REFERENCE,
                "relation \"v\" has 1 columns available but 2 columns specified", 14);
        // A derived table cannot see its siblings (no LATERAL).
        assertError("SELECT * FROM t, (SELECT a) AS v", SqlState.UNDEFINED_COLUMN, "column \"a\" does not exist", 25);
    }

    @Test
    void commonTableExpressionsAreBoundAtEachReference() {
        BoundQuery q = bind("WITH c(k) AS (SELECT a FROM t), d AS (SELECT k FROM c WHERE k > 1) SELECT c.k, d.k FROM c JOIN d ON c.k = d.k");
        assertThat(q.columnNames()).containsExactly("k", "k");
        // Two references to c, one through d: three scans of t with distinct column ids.
        List<LogicalScan> scans = operators(q.plan(), LogicalScan.class);
        assertThat(scans).hasSize(2);
        assertThat(scans.get(0).columns()).doesNotContainAnyElementsOf(scans.get(1).columns());
        // A CTE hides a table of the same name.
        assertThat(operators(bind("WITH u AS (SELECT a FROM t) SELECT * FROM u").plan(), LogicalScan.class).get(0).table().name())
                .isEqualTo("t");
        assertError("WITH c AS (SELECT 1), c AS (SELECT 2) SELECT * FROM c", SqlState.DUPLICATE_ALIAS,
                "WITH query name \"c\" specified more than once", 22);
        assertError("WITH c(p, q) AS (SELECT 1) SELECT * FROM c", SqlState.INVALID_COLUMN_REFERENCE,
                "WITH query \"c\" has 1 columns available but 2 columns specified", 5);
        // A CTE does not see itself (no RECURSIVE): the name falls through to the catalog.
        assertError("WITH c AS (SELECT * FROM c) SELECT * FROM c", SqlState.UNDEFINED_TABLE, "relation \"c\" does not exist", 25);
    }

    @Test
    void subqueriesBecomeDependentJoins() {
        LogicalPlan plan = bind("SELECT a, (SELECT max(x) FROM u WHERE x < a) FROM t WHERE EXISTS (SELECT 1 FROM u) "
                + "AND b NOT IN (SELECT s FROM u) AND a > ALL (SELECT x FROM u)").plan();
        assertThat(operators(plan, LogicalDependentJoin.class)).extracting(LogicalDependentJoin::type)
                .containsExactlyInAnyOrder(JoinType.SINGLE, JoinType.MARK, JoinType.MARK, JoinType.MARK);
        // x > ALL (q) is NOT (x <= ANY (q)).
        assertThat(plan.toString()).contains("NOT all#");
        assertError("SELECT a FROM t WHERE a IN (SELECT x, y FROM u)", SqlState.SYNTAX_ERROR,
                "subquery must return only one column, not 2", 22);
        assertError("SELECT b, (SELECT a) FROM t GROUP BY b", SqlState.GROUPING_ERROR,
                "subquery uses ungrouped column \"a\" from outer query", 10);
        assertError("SELECT * FROM t JOIN u ON a IN (SELECT 1)", SqlState.FEATURE_NOT_SUPPORTED,
                "subqueries in JOIN conditions are not supported; move the condition to WHERE", 26);
    }

    @Test
    void setOperationsUnifyTypesAndTakeTheLeftNames() {
        BoundQuery union = bind("SELECT a AS k FROM t UNION ALL SELECT b FROM t");
        assertThat(union.columnNames()).containsExactly("k");
        assertThat(union.plan().outputColumns().get(0).type()).isEqualTo(DataType.BIGINT);
        assertThat(operators(union.plan(), LogicalUnionAll.class)).hasSize(1);
        assertThat(operators(union.plan(), LogicalAggregate.class)).isEmpty();
        assertThat(operators(bind("SELECT a FROM t UNION SELECT x FROM u").plan(), LogicalAggregate.class)).hasSize(1);
        LogicalPlan intersect = bind("SELECT a FROM t INTERSECT SELECT x FROM u").plan();
        assertThat(operators(intersect, LogicalJoin.class)).extracting(LogicalJoin::type).containsExactly(JoinType.SEMI);
        assertThat(operators(intersect, LogicalJoin.class).get(0).condition().toString()).contains("IS NOT DISTINCT FROM");
        assertThat(operators(bind("SELECT a FROM t EXCEPT SELECT x FROM u").plan(), LogicalJoin.class))
                .extracting(LogicalJoin::type).containsExactly(JoinType.ANTI);
        assertThat(bind("SELECT a, b FROM t UNION SELECT x, s FROM u ORDER BY 2 DESC, a").columnNames()).containsExactly("a", "b");
        assertError("SELECT a, b FROM t UNION SELECT x FROM u", SqlState.SYNTAX_ERROR,
                "each UNION query must have the same number of columns", 0);
        assertError("SELECT a FROM t UNION SELECT e FROM t", SqlState.DATATYPE_MISMATCH,
                "UNION types INTEGER and DATE cannot be matched", 0);
    }
}
