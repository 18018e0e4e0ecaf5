package dev.quiver.planner.explain;

import static org.assertj.core.api.Assertions.assertThat;

import dev.quiver.planner.Planning;
import dev.quiver.planner.TestCatalog;
import dev.quiver.planner.cost.Cost;
import dev.quiver.planner.expr.ColumnRef;
import dev.quiver.planner.physical.PhysicalPlan;
import dev.quiver.planner.physical.TableScan;
import dev.quiver.planner.physical.Values;
import dev.quiver.planner.type.DataType;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.junit.jupiter.api.Test;

class PlanPrinterTest {
    private final Planning planning = Planning.standard();

    @Test
    void printsOneLinePerOperatorWithEstimatesAndColumns() {
        PhysicalPlan plan = planning.physical("SELECT a FROM t WHERE a > 1");
        // Costs as in OptimizerTest: scan 100, filter +1000, project +166.7; rows 1000, 333, 333.
        assertThat(PlanPrinter.print(plan)).isEqualTo("""
                Project [a#6 := a#0]  (rows=333 cost=1266.7)
                    columns: a#6 INTEGER
                  Filter a#0 > 1  (rows=333 cost=1100.0)
                      columns: a#0 INTEGER
                    TableScan t [a#0]  (rows=1000 cost=100.0)
                        columns: a#0 INTEGER
                """);
    }

    @Test
    void structureOfALargerPlan() {
        String text = PlanPrinter.print(planning.physical(
                "SELECT d, count(*) AS n FROM t WHERE c > 10 GROUP BY d ORDER BY n DESC LIMIT 3"));
        List<String> operatorLines = text.lines().filter(l -> !l.trim().startsWith("columns:")).map(l -> l.replaceAll("  \\(rows=.*", ""))
                .toList();
        assertThat(operatorLines).containsExactly(
                "TopN 3 [n#8 DESC NULLS FIRST]",
                "  Project [d#7 := d#3, n#8 := count#6]",
                "    HashAggregate keys=[d#3] aggregates=[count#6 := count(*)]",
                "      Project [d#3]",
                "        Filter c#2 > 10.00",
                "          TableScan t [c#2, d#3]");
        assertThat(text.lines().filter(l -> l.trim().startsWith("columns:")).toList()).containsExactly(
                "    columns: d#7 VARCHAR, n#8 BIGINT",
                "      columns: d#7 VARCHAR, n#8 BIGINT",
                "        columns: d#3 VARCHAR, count#6 BIGINT",
                "          columns: d#3 VARCHAR",
                "            columns: c#2 DECIMAL(15,2), d#3 VARCHAR",
                "              columns: c#2 DECIMAL(15,2), d#3 VARCHAR");
    }

    @Test
    void largeRowCountsAndEmptyColumnLists() {
        ColumnRef x = new ColumnRef(0, "x", DataType.INTEGER);
        PhysicalPlan big = new PhysicalPlan(new TableScan(TestCatalog.standard().get("t"), List.of(x), List.of(0)), List.of(), List.of(x),
                6_000_000, new Cost(600_000));
        assertThat(PlanPrinter.print(big)).isEqualTo("""
                TableScan t [x#0]  (rows=6.00e+06 cost=600000.0)
                    columns: x#0 INTEGER
                """);
        PhysicalPlan none = new PhysicalPlan(new Values(List.of(), List.of(List.of())), List.of(), List.of(), 1, new Cost(1));
        assertThat(PlanPrinter.print(none)).isEqualTo("""
                Values 1 rows []  (rows=1 cost=1.0)
                    columns: (none)
                """);
        Locale saved = Locale.getDefault();
        try {
            Locale.setDefault(Locale.GERMANY);
            assertThat(PlanPrinter.print(big)).contains("(rows=6.00e+06 cost=600000.0)");
        } finally {
            Locale.setDefault(saved);
        }
    }

    @Test
    void annotationsGoUnderTheirNode() {
        PhysicalPlan plan = planning.physical("SELECT a FROM t WHERE a > 1");
        Map<PhysicalPlan, List<String>> notes = new IdentityHashMap<>();
        notes.put(plan.input(0), List.of("actual rows=42", "time=1 ms"));
        assertThat(PlanPrinter.print(plan, PlanPrinter.fromMap(notes))).isEqualTo("""
                Project [a#6 := a#0]  (rows=333 cost=1266.7)
                    columns: a#6 INTEGER
                  Filter a#0 > 1  (rows=333 cost=1100.0)
                      columns: a#0 INTEGER
                      actual rows=42
                      time=1 ms
                    TableScan t [a#0]  (rows=1000 cost=100.0)
                        columns: a#0 INTEGER
                """);
    }
}
