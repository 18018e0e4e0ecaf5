package dev.quiver.planner.rule.normalization;

import static dev.quiver.planner.PlanFixtures.eq;
import static dev.quiver.planner.PlanFixtures.gt;
import static dev.quiver.planner.PlanFixtures.integer;
import static dev.quiver.planner.PlanFixtures.plus;
import static org.assertj.core.api.Assertions.assertThat;

import dev.quiver.planner.TestCatalog;
import dev.quiver.planner.cost.CardinalityEstimator;
import dev.quiver.planner.expr.ColumnRef;
import dev.quiver.planner.expr.Expr;
import dev.quiver.planner.logical.LogicalFilter;
import dev.quiver.planner.logical.LogicalJoin;
import dev.quiver.planner.logical.LogicalPlan;
import dev.quiver.planner.logical.LogicalScan;
import dev.quiver.planner.rule.SearchBudget;
import dev.quiver.planner.type.DataType;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** DPccp: every pair of connected sets exactly once, the cheapest tree, and every term applied once where it can be. */
class JoinEnumeratorTest {
    private final CardinalityEstimator estimator = new CardinalityEstimator();
    private int nextId;

    /** Relation r{i} with one INTEGER column k{i} and {@code rows} rows. */
    private LogicalPlan relation(int i, long rows) {
        TestCatalog.Table table = new TestCatalog.Table("r" + i, List.of(TestCatalog.column("k" + i, DataType.INTEGER)), rows);
        return LogicalPlan.leaf(new LogicalScan(table, List.of(new ColumnRef(nextId++, "k" + i, DataType.INTEGER)), List.of(0)));
    }

    private List<LogicalPlan> relations(int n) {
        List<LogicalPlan> out = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            out.add(relation(i, 1000 + i));
        }
        return out;
    }

    private static ColumnRef key(LogicalPlan relation) {
        return relation.outputColumns().get(0);
    }

    private static Expr edge(List<LogicalPlan> relations, int a, int b) {
        return eq(key(relations.get(a)), key(relations.get(b)));
    }

    private int pairs(List<LogicalPlan> relations, List<Expr> terms) {
        JoinEnumerator enumerator = new JoinEnumerator(estimator, relations, terms);
        assertThat(enumerator.run()).isPresent();
        return enumerator.pairs();
    }

    @Test
    void visitsEachPairOfConnectedSetsOnce() {
        // Moerkotte and Neumann 2006, section 2: csg-cmp pairs of chains, stars and cliques of n relations
        for (int n = 2; n <= 7; n++) {
            List<LogicalPlan> r = relations(n);
            List<Expr> chain = new ArrayList<>();
            List<Expr> star = new ArrayList<>();
            List<Expr> clique = new ArrayList<>();
            for (int i = 1; i < n; i++) {
                chain.add(edge(r, i - 1, i));
                star.add(edge(r, 0, i));
                for (int j = 0; j < i; j++) {
                    clique.add(edge(r, j, i));
                }
            }
            assertThat(pairs(r, chain)).as("chain of %d", n).isEqualTo((n * n * n - n) / 6);
            assertThat(pairs(r, star)).as("star of %d", n).isEqualTo((n - 1) * (1 << (n - 2)));
            assertThat(pairs(r, clique)).as("clique of %d", n).isEqualTo((int) ((Math.pow(3, n) - Math.pow(2, n + 1) + 1) / 2));
        }
    }

    @Test
    void probesTheLargeRelationOnceWithTheSelectiveJoin() {
        // A chain big - r1 - r2 - r3: big (a million unique keys) is probed once, by the 10 rows of
        // r1, whose result of 10 rows is all the later joins see; any other place for big would
        // probe it with more rows or carry more rows through the other joins.
        TestCatalog.Table bigT = new TestCatalog.Table("big", List.of(TestCatalog.column("b", DataType.INTEGER)), 1_000_000)
                .withDistinct("b", 1_000_000);
        List<LogicalPlan> r = List.of(scan(bigT), relation(1, 10), relation(2, 100), relation(3, 100));
        List<Expr> terms = List.of(eq(key(r.get(0)), key(r.get(1))), edge(r, 1, 2), edge(r, 2, 3));
        LogicalPlan best = JoinEnumerator.best(estimator, r, terms).orElseThrow();
        assertThat(shape(best)).contains("(big r1)");
        assertThat(joins(best)).isEqualTo(3);
    }

    private LogicalPlan scan(TestCatalog.Table table) {
        return LogicalPlan.leaf(new LogicalScan(table, List.of(new ColumnRef(nextId++, table.columns().get(0).name(), DataType.INTEGER)), List.of(0)));
    }

    @Test
    void termsGoWhereTheirRelationsMeet() {
        List<LogicalPlan> r = relations(3);
        Expr local = gt(key(r.get(1)), integer(5));
        Expr threeWay = eq(plus(key(r.get(0)), key(r.get(1))), key(r.get(2)));
        Expr constant = gt(integer(1), integer(0));
        LogicalPlan best = JoinEnumerator.best(estimator, r, List.of(edge(r, 0, 1), local, threeWay, constant)).orElseThrow();
        // the constant term on top, the local one on its relation, the three-way one at the join holding all three
        assertThat(best.operator()).isEqualTo(new LogicalFilter(constant));
        LogicalPlan top = best.input(0);
        assertThat(((LogicalJoin) top.operator()).condition()).isEqualTo(threeWay);
        assertThat(count(best, local)).isEqualTo(1);
        assertThat(count(best, threeWay)).isEqualTo(1);
        assertThat(count(best, edge(r, 0, 1))).isEqualTo(1);
    }

    @Test
    void givesUpOnDisconnectedGraphsAndOnTooManyPairs() {
        List<LogicalPlan> r = relations(3);
        assertThat(JoinEnumerator.best(estimator, r, List.of(edge(r, 0, 1)))).isEmpty();
        // a clique of 10 has 28,501 pairs, over the budget
        List<LogicalPlan> ten = relations(10);
        List<Expr> clique = new ArrayList<>();
        for (int i = 1; i < 10; i++) {
            for (int j = 0; j < i; j++) {
                clique.add(edge(ten, j, i));
            }
        }
        assertThat(JoinEnumerator.best(estimator, ten, clique)).isEqualTo(Optional.empty());
        // a chain of 12 has 286 and is enumerated
        List<LogicalPlan> twelve = relations(12);
        List<Expr> chain = new ArrayList<>();
        for (int i = 1; i < 12; i++) {
            chain.add(edge(twelve, i - 1, i));
        }
        assertThat(JoinEnumerator.best(estimator, twelve, chain)).isPresent();
    }

    @Test
    void columnsKnownEqualConnectRelationsNoTermNames() {
        // r0.k0 = r1.k1 and r1.k1 = r2.k2: a chain of 3 (4 pairs) as terms, a clique (6 pairs) as a class
        List<LogicalPlan> r = relations(3);
        List<ColumnRef> keys = r.stream().map(JoinEnumeratorTest::key).toList();
        JoinEnumerator enumerator = new JoinEnumerator(estimator, r, List.of(), List.of(keys), SearchBudget.unlimited());
        LogicalPlan best = enumerator.run().orElseThrow();
        assertThat(enumerator.pairs()).isEqualTo(6);
        // each of the two joins applies exactly one equality of the class
        assertThat(joinConditions(best)).hasSize(2);
    }

    @Test
    void twoColumnsOfAClassInOneRelationAreFilteredEqualThere() {
        TestCatalog.Table twoT = new TestCatalog.Table("two", List.of(TestCatalog.column("x", DataType.INTEGER),
                TestCatalog.column("y", DataType.INTEGER)), 500);
        ColumnRef x = new ColumnRef(nextId++, "x", DataType.INTEGER);
        ColumnRef y = new ColumnRef(nextId++, "y", DataType.INTEGER);
        LogicalPlan two = LogicalPlan.leaf(new LogicalScan(twoT, List.of(x, y), List.of(0, 1)));
        List<LogicalPlan> r = List.of(two, relation(1, 100), relation(2, 100));
        List<ColumnRef> cls = List.of(x, key(r.get(1)), y, key(r.get(2)));
        LogicalPlan best = JoinEnumerator.best(estimator, r, List.of(), List.of(cls), SearchBudget.unlimited()).orElseThrow();
        assertThat(count(best, eq(x, y))).isEqualTo(1);
        assertThat(joinConditions(best)).hasSize(2);
    }

    @Test
    void aWideColumnIsJoinedAfterTheLargeTablesThatWouldCarryIt() {
        // TPC-H Q9's shape: facts join a filtered middle table, which names a dimension by key; a
        // large table joins the facts. The dimension's column read above the joins is either a key
        // (one array per build row) or a name (three): only the name is worth a join of its own
        // after the large tables' joins instead of riding through their builds.
        for (boolean asClasses : List.of(false, true)) {
            assertThat(outermostTable(DataType.VARCHAR, asClasses)).as("classes %s", asClasses).isEqualTo("d");
            assertThat(outermostTable(DataType.INTEGER, asClasses)).as("classes %s", asClasses).isNotEqualTo("d");
        }
    }

    /**
     * The table the last join of the Q9-shaped plan adds, with a column of {@code readAbove}'s type
     * read above, its equalities given as terms or as classes of columns known equal.
     */
    private String outermostTable(DataType readAbove, boolean asClasses) {
        TestCatalog.Table factT = new TestCatalog.Table("f", List.of(TestCatalog.column("f_m", DataType.INTEGER),
                TestCatalog.column("f_g", DataType.INTEGER)), 6_000_000).withDistinct("f_m", 2_000_000).withDistinct("f_g", 1_500_000);
        TestCatalog.Table middleT = new TestCatalog.Table("m", List.of(TestCatalog.column("m_key", DataType.INTEGER),
                TestCatalog.column("m_d", DataType.INTEGER)), 100_000).withDistinct("m_key", 100_000).withDistinct("m_d", 25);
        TestCatalog.Table dimensionT = new TestCatalog.Table("d", List.of(TestCatalog.column("d_key", DataType.INTEGER),
                TestCatalog.column("d_x", readAbove)), 25).withDistinct("d_key", 25);
        TestCatalog.Table largeT = new TestCatalog.Table("g", List.of(TestCatalog.column("g_key", DataType.INTEGER)), 1_500_000)
                .withDistinct("g_key", 1_500_000);
        ColumnRef fM = new ColumnRef(nextId++, "f_m", DataType.INTEGER);
        ColumnRef fG = new ColumnRef(nextId++, "f_g", DataType.INTEGER);
        ColumnRef mKey = new ColumnRef(nextId++, "m_key", DataType.INTEGER);
        ColumnRef mD = new ColumnRef(nextId++, "m_d", DataType.INTEGER);
        ColumnRef dKey = new ColumnRef(nextId++, "d_key", DataType.INTEGER);
        ColumnRef dX = new ColumnRef(nextId++, "d_x", readAbove);
        ColumnRef gKey = new ColumnRef(nextId++, "g_key", DataType.INTEGER);
        List<LogicalPlan> r = List.of(
                LogicalPlan.leaf(new LogicalScan(factT, List.of(fM, fG), List.of(0, 1))),
                LogicalPlan.leaf(new LogicalScan(middleT, List.of(mKey, mD), List.of(0, 1))),
                LogicalPlan.leaf(new LogicalScan(dimensionT, List.of(dKey, dX), List.of(0, 1))),
                LogicalPlan.leaf(new LogicalScan(largeT, List.of(gKey), List.of(0))));
        LogicalPlan best = (asClasses
                ? JoinEnumerator.best(estimator, r, List.of(), List.of(List.of(fM, mKey), List.of(mD, dKey), List.of(fG, gKey)),
                        SearchBudget.unlimited())
                : JoinEnumerator.best(estimator, r, List.of(eq(fM, mKey), eq(mD, dKey), eq(fG, gKey)))).orElseThrow();
        LogicalPlan top = best;
        while (!(top.operator() instanceof LogicalJoin)) {
            top = top.input(0);
        }
        return top.inputs().stream().filter(i -> i.operator() instanceof LogicalScan).map(i -> ((LogicalScan) i.operator()).table().name())
                .findFirst().orElse("");
    }

    /** The conjuncts of every join condition in the plan. */
    private static List<Expr> joinConditions(LogicalPlan plan) {
        List<Expr> out = new ArrayList<>();
        if (plan.operator() instanceof LogicalJoin j) {
            out.addAll(dev.quiver.planner.expr.Exprs.conjuncts(j.condition()));
        }
        plan.inputs().forEach(i -> out.addAll(joinConditions(i)));
        return out;
    }

    /** The join tree with leaves by table name, inputs in plan order. */
    private static String shape(LogicalPlan plan) {
        if (plan.operator() instanceof LogicalScan scan) {
            return scan.table().name();
        }
        if (plan.inputs().size() == 1) {
            return shape(plan.input(0));
        }
        List<String> parts = new ArrayList<>();
        plan.inputs().forEach(i -> parts.add(shape(i)));
        parts.sort(String::compareTo);
        return "(" + String.join(" ", parts) + ")";
    }

    private static int joins(LogicalPlan plan) {
        int own = plan.operator() instanceof LogicalJoin ? 1 : 0;
        return own + plan.inputs().stream().mapToInt(JoinEnumeratorTest::joins).sum();
    }

    /** How many filters or join conditions in the plan hold {@code term} as a conjunct. */
    private static int count(LogicalPlan plan, Expr term) {
        int own = 0;
        if (plan.operator() instanceof LogicalFilter f && dev.quiver.planner.expr.Exprs.conjuncts(f.predicate()).contains(term)) {
            own = 1;
        }
        if (plan.operator() instanceof LogicalJoin j && dev.quiver.planner.expr.Exprs.conjuncts(j.condition()).contains(term)) {
            own = 1;
        }
        return own + plan.inputs().stream().mapToInt(p -> count(p, term)).sum();
    }
}
