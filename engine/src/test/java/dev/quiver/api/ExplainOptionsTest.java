package dev.quiver.api;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.quiver.Result;
import dev.quiver.error.QuiverException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * EXPLAIN's options through SQL: FORMAT JSON parsed with Jackson (on the test classpath through
 * Arrow) and compared with the text format, RULES, the search-budget warning, and the peak memory
 * of EXPLAIN ANALYZE. Timings are only checked to be numbers.
 */
class ExplainOptionsTest extends ApiTestSupport {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final String JOIN = "SELECT a.y, b.z FROM a JOIN b ON a.x = b.x WHERE a.y > 1";
    private static final String THREE_WAY = "SELECT a.y FROM a, b, c WHERE a.x = b.x AND b.z = c.z";

    @BeforeEach
    void tables() {
        exec("CREATE TABLE a (x INTEGER, y INTEGER)");
        exec("CREATE TABLE b (x INTEGER, z VARCHAR)");
        exec("CREATE TABLE c (z VARCHAR)");
        exec("INSERT INTO a SELECT x, x % 5 FROM (VALUES (1), (2), (3), (4), (5), (6), (7), (8), (9), (10)) v (x)");
        exec("INSERT INTO b VALUES (1, 'one'), (2, 'two'), (3, 'three'), (20, 'twenty')");
        exec("INSERT INTO c VALUES ('one'), ('three')");
    }

    @Test
    void jsonHasTheTextPlansOperatorsEstimatesAndColumns() throws Exception {
        List<String> text = lines("EXPLAIN " + JOIN);
        JsonNode json = json("EXPLAIN (FORMAT JSON) " + JOIN);
        JsonNode plan = json.get("Plan");
        // The same tree: each text line "<indent><description>  (rows=R cost=C)" is one JSON node, depth first.
        List<String> fromJson = new ArrayList<>();
        flatten(plan, 0, fromJson);
        List<String> fromText = text.stream().filter(l -> l.contains("  (rows=")).toList();
        assertThat(fromJson).isEqualTo(fromText);
        // Columns: "columns: y#2 INTEGER, z#5 VARCHAR" under the root.
        String rootColumns = text.get(1).trim();
        List<String> jsonColumns = new ArrayList<>();
        plan.get("Output").forEach(c -> jsonColumns.add(c.get("Name").asText() + "#" + c.get("Id").asInt() + " " + c.get("Type").asText()));
        assertThat(rootColumns).isEqualTo("columns: " + String.join(", ", jsonColumns));
        assertThat(plan.get("Operator").asText()).isEqualTo(plan.get("Description").asText().split(" ")[0]);
        assertThat(plan.get("Inputs").isArray()).isTrue();

        assertThat(fieldNames(json)).containsExactly("Plan", "Search Budget Exceeded", "Planning Time");
        assertThat(json.get("Search Budget Exceeded").asBoolean()).isFalse();
        assertThat(json.get("Planning Time").isNumber()).isTrue();
        assertThat(plan.has("Actual Rows")).as("only with ANALYZE").isFalse();
    }

    @Test
    void jsonWithAnalyzeHasActualRowsPipelinesAndTotals() throws Exception {
        session.set("execution_mode", "interpret");
        JsonNode json = json("EXPLAIN (ANALYZE, FORMAT JSON) SELECT y, count(*) FROM a WHERE x > 4 GROUP BY y");
        assertThat(fieldNames(json)).containsExactly("Plan", "Pipelines", "Execution Time", "Rows", "Execution Mode", "Peak Memory",
                "Estimates", "Search Budget Exceeded", "Planning Time");
        Map<String, JsonNode> byOperator = new java.util.HashMap<>();
        collect(json.get("Plan"), byOperator);
        assertThat(byOperator.get("TableScan").get("Actual Rows").asLong()).isEqualTo(10);
        assertThat(byOperator.get("Filter").get("Actual Rows").asLong()).isEqualTo(6);
        assertThat(byOperator.get("HashAggregate").get("Actual Rows").asLong()).isEqualTo(5);
        assertThat(json.get("Rows").asLong()).isEqualTo(5);
        assertThat(json.get("Execution Mode").asText()).isEqualTo("interpret");
        assertThat(json.get("Peak Memory").asLong()).isPositive();
        assertThat(json.get("Execution Time").isNumber()).isTrue();
        JsonNode pipelines = json.get("Pipelines");
        assertThat(pipelines.size()).isGreaterThanOrEqualTo(2);
        JsonNode scan = pipelines.get(0);
        assertThat(fieldNames(scan)).containsExactly("Id", "Description", "Mode", "Compile Time", "Janino Time", "Rows In", "Rows Out", "Time");
        assertThat(scan.get("Description").asText()).contains("TableScan a");
        assertThat(scan.get("Mode").asText()).isEqualTo("interpreted");
        assertThat(scan.get("Rows In").asLong()).isEqualTo(10);
        JsonNode estimates = json.get("Estimates");
        assertThat(estimates.get("Operators").asInt()).isGreaterThanOrEqualTo(3);
        assertThat(estimates.get("Q-Error Geometric Mean").asDouble()).isGreaterThanOrEqualTo(1.0);
        assertThat(estimates.get("Worst Q-Error").asDouble()).isGreaterThanOrEqualTo(estimates.get("Q-Error Geometric Mean").asDouble());

        assertThat(actualRowsAsInText(json.get("Plan"))).isEqualTo(actualRowsInText("SELECT y, count(*) FROM a WHERE x > 4 GROUP BY y"));

        // Compiled: every operator's count, as JSON says it and as the text says it.
        session.set("execution_mode", "compile");
        session.set("compile_min_rows", "0");
        String sql = "SELECT y, count(*) FROM a WHERE x > 4 GROUP BY y";
        JsonNode compiled = json("EXPLAIN (ANALYZE TRUE, FORMAT JSON) " + sql);
        assertThat(compiled.get("Execution Mode").asText()).isEqualTo("compile");
        assertThat(actualRowsAsInText(compiled.get("Plan"))).isEqualTo(actualRowsInText(sql)).contains("actual rows=10");
    }

    /** The "actual rows" lines of EXPLAIN ANALYZE's text, one per operator, depth first. */
    private List<String> actualRowsInText(String sql) {
        return lines("EXPLAIN ANALYZE " + sql).stream().map(String::trim).filter(l -> l.startsWith("actual rows")).toList();
    }

    /** Each operator's "Actual Rows" as the text format writes it, depth first. */
    private static List<String> actualRowsAsInText(JsonNode plan) {
        List<String> out = new ArrayList<>();
        List<JsonNode> pending = new ArrayList<>(List.of(plan));
        while (!pending.isEmpty()) {
            JsonNode node = pending.remove(0);
            JsonNode rows = node.get("Actual Rows");
            out.add(rows.isNull() ? "actual rows: not counted" : "actual rows=" + rows.asLong());
            List<JsonNode> inputs = new ArrayList<>();
            node.get("Inputs").forEach(inputs::add);
            pending.addAll(0, inputs);
        }
        return out;
    }

    @Test
    void jsonEscapesWhatTheQuerySays() throws Exception {
        JsonNode json = json("EXPLAIN (FORMAT JSON) SELECT x FROM b WHERE z = 'say \"hi\"\\\t' OR z = '" + "line\nbreak" + "'");
        List<String> descriptions = new ArrayList<>();
        flatten(json.get("Plan"), 0, descriptions);
        assertThat(String.join("\n", descriptions)).contains("say \"hi\"\\\t").contains("line\nbreak");
    }

    @Test
    void rulesListWhatTheOptimizerDid() throws Exception {
        List<String> plain = lines("EXPLAIN " + JOIN);
        assertThat(plain).noneMatch(l -> l.startsWith("Optimizer"));
        List<String> text = lines("EXPLAIN (RULES) " + JOIN);
        assertThat(text).anySatisfy(l -> assertThat(l)
                .matches("Optimizer search: \\d+\\.\\d{3} ms, \\d+ groups, \\d+ expressions, budget not exceeded"));
        // the WHERE filter is pushed into the join (and from there into its input a); the join is
        // implemented twice, once per build side
        assertThat(text).contains("  PushFilterIntoJoin: 1", "  ImplementHashJoin: 2");
        assertThat(text.get(text.size() - 1)).startsWith("Planning: ");
        List<String> fired = text.stream().filter(l -> l.startsWith("  ") && l.matches("  [A-Za-z]+: \\d+")).toList();
        assertThat(fired).isSortedAccordingTo(String::compareTo);

        JsonNode optimizer = json("EXPLAIN (FORMAT JSON, RULES ON) " + JOIN).get("Optimizer");
        assertThat(fieldNames(optimizer)).containsExactly("Search Time", "Groups", "Expressions", "Rules Fired");
        assertThat(optimizer.get("Rules Fired").get("PushFilterIntoJoin").asInt()).isEqualTo(1);
        assertThat(optimizer.get("Groups").asInt()).isPositive();
        assertThat(optimizer.get("Expressions").asInt()).isGreaterThanOrEqualTo(optimizer.get("Groups").asInt());
        Matcher header = Pattern.compile("Optimizer search: [0-9.]+ ms, (\\d+) groups, (\\d+) expressions, .*").matcher(
                text.stream().filter(l -> l.startsWith("Optimizer")).findFirst().orElseThrow());
        assertThat(header.matches()).isTrue();
        assertThat(Integer.parseInt(header.group(1))).isEqualTo(optimizer.get("Groups").asInt());
        assertThat(Integer.parseInt(header.group(2))).isEqualTo(optimizer.get("Expressions").asInt());
        assertThat(json("EXPLAIN (RULES OFF, FORMAT JSON) " + JOIN).has("Optimizer")).isFalse();
    }

    @Test
    void aSpentSearchBudgetIsReportedEvenWithoutRules() throws Exception {
        String warning = "Search budget exceeded: the plan shown is the best found so far "
                + "(optimizer_max_rule_applications and optimizer_max_millis set the budget)";
        assertThat(lines("EXPLAIN " + THREE_WAY)).doesNotContain(warning);

        exec("SET optimizer_max_rule_applications = 1");
        // Join enumeration of the three tables needs more than one application: it stops, the greedy order is kept.
        List<String> text = lines("EXPLAIN " + THREE_WAY);
        assertThat(text).contains(warning);
        assertThat(text.get(text.size() - 1)).startsWith("Planning: ");
        assertThat(lines("EXPLAIN (RULES) " + THREE_WAY)).anySatisfy(l -> assertThat(l)
                .endsWith(" expressions, budget exceeded (best plan found so far)"));
        assertThat(json("EXPLAIN (FORMAT JSON) " + THREE_WAY).get("Search Budget Exceeded").asBoolean()).isTrue();
        List<String> analyzed = lines("EXPLAIN ANALYZE " + THREE_WAY);
        assertThat(analyzed).contains(warning);
        assertThat(analyzed).anySatisfy(l -> assertThat(l).matches("Execution: .* ms, 2 rows \\(mode verify\\)"));
        // a two-table join has nothing to enumerate: the budget is not touched
        assertThat(lines("EXPLAIN " + JOIN)).doesNotContain(warning);

        session.set("optimizer_max_rule_applications", "100000");
        assertThat(lines("EXPLAIN " + THREE_WAY)).doesNotContain(warning);
    }

    @Test
    void explainAnalyzeReportsPeakMemory() {
        List<String> text = lines("EXPLAIN ANALYZE SELECT y, count(*) FROM a GROUP BY y");
        List<String> memory = text.stream().filter(l -> l.startsWith("Peak memory: ")).toList();
        assertThat(memory).hasSize(1);
        assertThat(memory.get(0)).matches("Peak memory: (\\d+ B|\\d+\\.\\d (KiB|MiB|GiB))");
        assertThat(memory.get(0)).isNotEqualTo("Peak memory: 0 B");
        assertThat(text.indexOf(memory.get(0))).isEqualTo(text.indexOf(text.stream().filter(l -> l.startsWith("Execution: ")).findFirst()
                .orElseThrow()) + 1);
        assertThat(lines("EXPLAIN SELECT y FROM a")).noneMatch(l -> l.startsWith("Peak memory"));
        assertThat(lines("EXPLAIN (ANALYZE FALSE) SELECT y FROM a")).noneMatch(l -> l.startsWith("Peak memory") || l.startsWith("Pipeline"));
    }

    @Test
    void optionErrorsAreClearAndPointAtTheOption() {
        QuiverException unknown = error("EXPLAIN (ANALYZE, COSTS) SELECT 1");
        assertThat(unknown.sqlState()).isEqualTo("42601");
        assertThat(unknown.getMessage()).isEqualTo("""
                syntax error at line 1, column 19: unrecognized EXPLAIN option costs; the options are ANALYZE, FORMAT and RULES
                LINE 1: EXPLAIN (ANALYZE, COSTS) SELECT 1
                                          ^""");
        QuiverException format = error("EXPLAIN (FORMAT YAML) SELECT 1");
        assertThat(format.sqlState()).isEqualTo("22023");
        assertThat(format.position()).hasValue(16);
        QuiverException twice = error("EXPLAIN (RULES, RULES OFF) SELECT 1");
        assertThat(twice.sqlState()).isEqualTo("42601");
        assertThat(twice.getMessage()).contains("EXPLAIN option RULES is given more than once");
        QuiverException notAQuery = error("EXPLAIN (FORMAT JSON) INSERT INTO a VALUES (1, 2)");
        assertThat(notAQuery.sqlState()).isEqualTo("0A000");
    }

    // ---------------------------------------------------------------- helpers

    private List<String> lines(String sql) {
        try (Result r = session.execute(sql)) {
            assertThat(r.columnNames()).containsExactly("QUERY PLAN");
            return r.rows().stream().map(row -> row.getString(0)).toList();
        }
    }

    private JsonNode json(String sql) throws Exception {
        List<String> rows = lines(sql);
        assertThat(rows).as("FORMAT JSON is one row").hasSize(1);
        return JSON.readTree(rows.get(0));
    }

    private static List<String> fieldNames(JsonNode node) {
        List<String> names = new ArrayList<>();
        node.fieldNames().forEachRemaining(names::add);
        return names;
    }

    /** Each node as PlanPrinter's operator line: indentation, description, estimated rows and cost. */
    private static void flatten(JsonNode node, int depth, List<String> out) {
        String cost = String.format(java.util.Locale.ROOT, "%.1f", node.get("Estimated Cost").asDouble());
        out.add("  ".repeat(depth) + node.get("Description").asText() + "  (rows=" + node.get("Estimated Rows").asLong() + " cost=" + cost + ")");
        node.get("Inputs").forEach(input -> flatten(input, depth + 1, out));
    }

    private static void collect(JsonNode node, Map<String, JsonNode> byOperator) {
        byOperator.putIfAbsent(node.get("Operator").asText(), node);
        node.get("Inputs").forEach(input -> collect(input, byOperator));
    }
}
