package dev.quiver;

import static org.assertj.core.api.Assertions.assertThat;

import dev.quiver.engine.storage.Table;
import dev.quiver.parser.SqlParser;
import dev.quiver.parser.ast.Query;
import dev.quiver.parser.ast.QueryStatement;
import dev.quiver.planner.cost.Cost;
import dev.quiver.planner.expr.ColumnRef;
import dev.quiver.planner.optimizer.OptimizerSettings;
import dev.quiver.planner.physical.PhysicalPlan;
import dev.quiver.planner.physical.TableScan;
import dev.quiver.planner.type.DataType;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** A session's kept plans: reused for the same query, dropped when a name, a setting or a table's size moves. */
class PlanCacheTest {
    private static final OptimizerSettings SETTINGS = OptimizerSettings.defaults();

    private Database db;
    private Session session;

    @BeforeEach
    void open() {
        db = Quiver.openInMemory();
        session = db.connect();
        run("CREATE TABLE t (a INTEGER)");
        run("INSERT INTO t VALUES (1), (2), (3), (4)");
    }

    @AfterEach
    void close() {
        session.close();
        db.close();
    }

    private void run(String sql) {
        session.execute(sql).close();
    }

    private static Query query(String sql) {
        return ((QueryStatement) SqlParser.parseStatement(sql)).query();
    }

    /** A plan scanning table t, as the optimizer would make for the cache to take the table's size from. */
    private PhysicalPlan scanOfT() {
        Table t = db.catalog().storedTable("t").orElseThrow();
        ColumnRef a = new ColumnRef(1, "a", DataType.INTEGER);
        return new PhysicalPlan(new TableScan(t, List.of(a), List.of(0)), List.of(), List.of(a), 4, Cost.ZERO);
    }

    @Test
    void theSameQueryGetsItsPlanBack() {
        PlanCache<String> cache = new PlanCache<>();
        long version = db.catalog().version();
        cache.put(query("SELECT a FROM t"), SETTINGS, version, scanOfT(), "plan");
        assertThat(cache.get(query("SELECT a FROM t"), SETTINGS, version)).contains("plan");
        assertThat(cache.get(query("SELECT a FROM t WHERE a > 1"), SETTINGS, version)).isEmpty();
        assertThat(cache.get(query("SELECT a FROM t"), new OptimizerSettings(Set.of("ReorderJoins"), true,
                SETTINGS.maxRuleApplications(), SETTINGS.maxMillis()), version)).isEmpty();
    }

    @Test
    void aNewCatalogVersionDropsThePlan() {
        PlanCache<String> cache = new PlanCache<>();
        long before = db.catalog().version();
        cache.put(query("SELECT a FROM t"), SETTINGS, before, scanOfT(), "plan");
        run("CREATE VIEW v AS SELECT a FROM t");
        long after = db.catalog().version();
        assertThat(after).isNotEqualTo(before);
        assertThat(cache.get(query("SELECT a FROM t"), SETTINGS, after)).isEmpty();
        assertThat(cache.size()).isZero();
        run("ANALYZE t");
        assertThat(db.catalog().version()).isNotEqualTo(after);
    }

    @Test
    void aTableThatGrewPastTheFactorDropsThePlan() {
        PlanCache<String> cache = new PlanCache<>();
        long version = db.catalog().version();
        cache.put(query("SELECT a FROM t"), SETTINGS, version, scanOfT(), "plan");
        run("INSERT INTO t VALUES (5), (6), (7), (8)");
        assertThat(cache.get(query("SELECT a FROM t"), SETTINGS, version)).as("twice the rows").contains("plan");
        run("INSERT INTO t VALUES (9)");
        assertThat(cache.get(query("SELECT a FROM t"), SETTINGS, version)).as("more than twice").isEmpty();
    }

    @Test
    void theLeastRecentlyUsedPlanGoesFirst() {
        PlanCache<Integer> cache = new PlanCache<>();
        long version = db.catalog().version();
        for (int i = 0; i <= PlanCache.MAX_PLANS; i++) {
            cache.put(query("SELECT a FROM t WHERE a = " + i), SETTINGS, version, scanOfT(), i);
            if (i == 0) {
                continue;
            }
            // Query 0 stays in use, so query 1 is the oldest when the cache overflows.
            assertThat(cache.get(query("SELECT a FROM t WHERE a = 0"), SETTINGS, version)).contains(0);
        }
        assertThat(cache.size()).isEqualTo(PlanCache.MAX_PLANS);
        assertThat(cache.get(query("SELECT a FROM t WHERE a = 1"), SETTINGS, version)).isEmpty();
        assertThat(cache.get(query("SELECT a FROM t WHERE a = 0"), SETTINGS, version)).contains(0);
    }

    /** Through a session: the same text binds anew after the names it uses change meaning. */
    @Test
    void aSessionSeesWhatTheNamesMeanNow() {
        String sql = "SELECT * FROM v ORDER BY 1";
        run("CREATE VIEW v AS SELECT a FROM t WHERE a < 3");
        assertThat(rows(sql)).isEqualTo(List.of(List.of(1), List.of(2)));
        assertThat(rows(sql)).isEqualTo(List.of(List.of(1), List.of(2)));
        run("CREATE OR REPLACE VIEW v AS SELECT a * 10 AS b FROM t WHERE a > 3");
        assertThat(rows(sql)).isEqualTo(List.of(List.of(40)));
        run("DROP VIEW v");
        run("DROP TABLE t");
        run("CREATE TABLE t (a VARCHAR, b INTEGER)");
        run("INSERT INTO t VALUES ('x', 7)");
        run("CREATE VIEW v AS SELECT b, a FROM t");
        assertThat(rows(sql)).isEqualTo(List.of(List.of(7, "x")));
        // Data changes need no new plan, and the kept one sees them.
        run("INSERT INTO t VALUES ('y', 8)");
        assertThat(rows(sql)).isEqualTo(List.of(List.of(7, "x"), List.of(8, "y")));
    }

    private List<List<Object>> rows(String sql) {
        try (Result r = session.execute(sql)) {
            return r.rows().stream().map(row -> {
                List<Object> values = new java.util.ArrayList<>();
                for (int c = 0; c < row.size(); c++) {
                    values.add(row.get(c));
                }
                return values;
            }).toList();
        }
    }
}
