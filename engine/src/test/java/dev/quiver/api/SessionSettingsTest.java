package dev.quiver.api;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assertions.assertThrows;

import dev.quiver.ExecutionMode;
import dev.quiver.Result;
import dev.quiver.Session;
import dev.quiver.SessionSettings;
import dev.quiver.error.QuiverException;
import dev.quiver.planner.optimizer.OptimizerSettings;
import dev.quiver.planner.rule.RuleRegistry;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Every session setting through SET and Session.set, bad values, and executeScript. */
class SessionSettingsTest extends ApiTestSupport {
    private static final List<String> SETTINGS = List.of("compile_min_rows", "disabled_rules", "dump_generated_source", "execution_mode",
            "memory_limit", "optimizer_exploration", "optimizer_max_millis", "optimizer_max_rule_applications", "threads");

    @Test
    void defaults() {
        try (Session fresh = db.connect()) {
            SessionSettings s = fresh.settings();
            assertThat(s.executionMode()).isEqualTo(ExecutionMode.COMPILE);
            assertThat(s.threads()).isEqualTo(THREADS);
            assertThat(s.memoryLimit()).isEqualTo(SessionSettings.DEFAULT_MEMORY_LIMIT);
            assertThat(s.disabledRules()).isEmpty();
            assertThat(s.exploration()).isTrue();
            assertThat(s.maxRuleApplications()).isEqualTo(OptimizerSettings.DEFAULT_MAX_RULE_APPLICATIONS);
            assertThat((long) s.maxMillis()).isEqualTo(OptimizerSettings.DEFAULT_MAX_MILLIS);
            assertThat(s.optimizerSettings()).isEqualTo(OptimizerSettings.defaults());
            assertThat(s.generatedSourceDirectory()).isEmpty();
            assertThat(s.compileMinRows()).isEqualTo(SessionSettings.DEFAULT_COMPILE_MIN_ROWS);
            assertThat(s.show().keySet()).containsExactlyElementsOf(SETTINGS);
        }
    }

    @Test
    void settingsBelongToTheirSession() {
        try (Session other = db.connect()) {
            session.set("threads", "1");
            assertThat(other.settings().threads()).isEqualTo(THREADS);
            assertThat(session.settings().threads()).isEqualTo(1);
        }
    }

    @Test
    void executionMode() {
        for (String mode : List.of("interpret", "compile", "verify", "INTERPRET", " Compile ")) {
            session.set("execution_mode", mode);
            assertThat(session.settings().executionMode().name()).isEqualTo(mode.trim().toUpperCase());
            assertThat(value("SELECT 6 * 7")).isEqualTo(42);
        }
        assertThat(exec("SET execution_mode = 'interpret'")).isEqualTo("SET");
        assertThat(session.settings().executionMode()).isEqualTo(ExecutionMode.INTERPRET);
        exec("SET execution_mode = verify");
        assertThat(session.settings().executionMode()).isEqualTo(ExecutionMode.VERIFY);
        assertThat(session.settings().show()).containsEntry("execution_mode", "verify");

        QuiverException e = error("SET execution_mode = 'fast'");
        assertThat(e.sqlState()).isEqualTo("22023");
        assertThat(e.getMessage()).contains("\"execution_mode\"").contains("\"fast\"").contains("interpret, compile or verify");
        assertThat(session.settings().executionMode()).isEqualTo(ExecutionMode.VERIFY);
    }

    @Test
    void compileMinRowsDecidesWhichPipelinesAreCompiled() {
        exec("CREATE TABLE small (a INTEGER)");
        exec("INSERT INTO small VALUES (1), (2), (3)");
        session.set("execution_mode", "compile");
        assertThat(pipelineModes("EXPLAIN ANALYZE SELECT a + 1 FROM small WHERE a > 1"))
                .containsExactly("interpreted (not compiled: about 3 input rows, fewer than compile_min_rows = 100000)");

        exec("SET compile_min_rows = 3");
        assertThat(session.settings().show()).containsEntry("compile_min_rows", "3");
        assertThat(pipelineModes("EXPLAIN ANALYZE SELECT a + 1 FROM small WHERE a > 1")).containsExactly("compiled");
        session.set("compile_min_rows", "0");
        assertThat(session.settings().compileMinRows()).isZero();
        assertThat(pipelineModes("EXPLAIN ANALYZE SELECT a + 1 FROM small WHERE a > 1")).containsExactly("compiled");

        for (String bad : List.of("-1", "many", "1.5")) {
            QuiverException e = error("SET compile_min_rows = '" + bad + "'");
            assertThat(e.sqlState()).isEqualTo("22023");
            assertThat(e.getMessage()).contains("\"compile_min_rows\"").contains("a number of rows, 0 or more");
        }
        assertThat(session.settings().compileMinRows()).isZero();
    }

    /** The mode of each pipeline in an EXPLAIN ANALYZE output ("compiled" or "interpreted (why)"). */
    private List<String> pipelineModes(String explainAnalyze) {
        return rows(explainAnalyze).stream().map(r -> String.valueOf(r.get(0))).filter(line -> line.startsWith("Pipeline "))
                .map(line -> line.replaceFirst("^Pipeline \\d+: .*?: ", "").replaceFirst(" \\(compile [^)]*\\)", "")
                        .replaceFirst(", rows in .*$", ""))
                .toList();
    }

    @Test
    void threadsWithinBounds() {
        session.set("threads", "1");
        assertThat(session.settings().threads()).isEqualTo(1);
        exec("SET threads = " + THREADS);
        assertThat(session.settings().threads()).isEqualTo(THREADS);
        exec("SET threads = 1 + 1");
        assertThat(session.settings().threads()).isEqualTo(2);
        for (String bad : List.of("0", "-1", String.valueOf(THREADS + 1))) {
            QuiverException e = assertThrows(QuiverException.class, () -> session.set("threads", bad));
            assertThat(e.sqlState()).isEqualTo("22023");
            assertThat(e.getMessage()).contains("\"threads\"").contains("1 to " + THREADS);
        }
        QuiverException e = error("SET threads = 'many'");
        assertThat(e.sqlState()).isEqualTo("22023");
        assertThat(e.getMessage()).contains("an integer");
        assertThat(session.settings().threads()).isEqualTo(2);
        // queries run the same on one thread
        exec("CREATE TABLE t (k INTEGER)");
        exec("INSERT INTO t VALUES (1), (2), (3)");
        session.set("threads", "1");
        assertThat(value("SELECT sum(k) FROM t")).isEqualTo(6L);
    }

    @Test
    void memoryLimitUnits() {
        String[][] cases = {
            {"1048576", "1048576"}, {"512KB", "524288"}, {"512kb", "524288"}, {"64MB", "67108864"}, {"2 MB", "2097152"},
            {"4GB", "4294967296"}, {"100B", "100"}, {" 3gb ", "3221225472"},
        };
        for (String[] c : cases) {
            session.set("memory_limit", c[0]);
            assertThat(session.settings().memoryLimit()).as(c[0]).isEqualTo(Long.parseLong(c[1]));
            assertThat(session.settings().show()).containsEntry("memory_limit", c[1]);
        }
        exec("SET memory_limit = '256MB'");
        assertThat(session.settings().memoryLimit()).isEqualTo(256L << 20);
        exec("SET memory_limit = 1000000");
        assertThat(session.settings().memoryLimit()).isEqualTo(1_000_000L);
        for (String bad : List.of("0", "-5MB", "lots", "12TB", "1.5GB", "", "99999999999GB")) {
            QuiverException e = assertThrows(QuiverException.class, () -> session.set("memory_limit", bad), bad);
            assertThat(e.sqlState()).isEqualTo("22023");
            assertThat(e.getMessage()).contains("\"memory_limit\"").contains("a positive size such as 512MB or 4GB");
        }
        assertThat(session.settings().memoryLimit()).isEqualTo(1_000_000L);
    }

    @Test
    void disabledRules() {
        List<String> known = RuleRegistry.defaults().ruleNames();
        assertThat(known).contains("MergeFilters", "PruneColumns");
        exec("CREATE TABLE t (a INTEGER, b INTEGER, c VARCHAR)");
        exec("INSERT INTO t VALUES (1, 10, 'x'), (2, 20, 'y'), (3, 30, 'z')");
        String sql = "SELECT a + 1 FROM t WHERE a > 1 AND b < 30";

        exec("SET disabled_rules = 'MergeFilters, PruneColumns'");
        assertThat(session.settings().disabledRules()).containsExactly("MergeFilters", "PruneColumns");
        assertThat(session.settings().show()).containsEntry("disabled_rules", "MergeFilters,PruneColumns");
        assertThat(rows(sql)).containsExactly(row(3));
        // with PruneColumns off the scan reads every column
        assertThat(explain(sql)).contains("TableScan t [a#0, b#1, c#2]");

        session.set("disabled_rules", "");
        assertThat(session.settings().disabledRules()).isEmpty();
        assertThat(rows(sql)).containsExactly(row(3));
        assertThat(explain(sql)).contains("TableScan t [a#0, b#1]").doesNotContain("c#2");

        QuiverException e = error("SET disabled_rules = 'MergeFilters,NoSuchRule'");
        assertThat(e.sqlState()).isEqualTo("22023");
        assertThat(e.getMessage()).contains("\"NoSuchRule\" is not one of");
        for (String rule : known) {
            assertThat(e.getMessage()).contains(rule);
        }
        // a failed SET leaves the setting as it was
        assertThat(session.settings().disabledRules()).isEmpty();
    }

    @Test
    void disablingAnImplementationRuleFailsQueriesClearly() {
        session.set("disabled_rules", "ImplementFilter");
        exec("CREATE TABLE t (a INTEGER)");
        exec("INSERT INTO t VALUES (1), (2)");
        // without a way to implement a filter the query cannot be planned, and the error says why
        QuiverException e = error("SELECT a FROM t WHERE a > 1");
        assertThat(e.sqlState()).isEqualTo("22023");
        assertThat(e.rawMessage()).isEqualTo("no physical plan for the query: it needs an implementation rule that "
                + "disabled_rules switches off (ImplementFilter)");
        session.set("disabled_rules", "");
        assertThat(rows("SELECT a FROM t WHERE a > 1")).containsExactly(row(2));
    }

    @Test
    void optimizerExploration() {
        exec("CREATE TABLE t (a INTEGER)");
        exec("INSERT INTO t VALUES (3), (1), (2)");
        for (String off : List.of("off", "false", "no", "0", "OFF")) {
            session.set("optimizer_exploration", off);
            assertThat(session.settings().exploration()).isFalse();
            assertThat(rows("SELECT a FROM t WHERE a > 1 ORDER BY a")).containsExactly(row(2), row(3));
        }
        for (String on : List.of("on", "true", "yes", "1")) {
            session.set("optimizer_exploration", on);
            assertThat(session.settings().exploration()).isTrue();
        }
        exec("SET optimizer_exploration = off");
        assertThat(session.settings().show()).containsEntry("optimizer_exploration", "false");
        QuiverException e = error("SET optimizer_exploration = 'maybe'");
        assertThat(e.sqlState()).isEqualTo("22023");
        assertThat(e.getMessage()).contains("on or off");
        assertThat(session.settings().exploration()).isFalse();
    }

    @Test
    void optimizerSearchBudget() {
        exec("SET optimizer_max_rule_applications = 1");
        session.set("optimizer_max_millis", " 250 ");
        assertThat(session.settings().show()).containsEntry("optimizer_max_rule_applications", "1")
                .containsEntry("optimizer_max_millis", "250");
        assertThat(session.settings().optimizerSettings().maxRuleApplications()).isEqualTo(1);
        assertThat(session.settings().optimizerSettings().maxMillis()).isEqualTo(250);
        for (String name : List.of("optimizer_max_rule_applications", "optimizer_max_millis")) {
            for (String bad : List.of("0", "-5", "1.5", "lots", "3000000000")) {
                QuiverException e = assertThrows(QuiverException.class, () -> session.set(name, bad));
                assertThat(e.sqlState()).isEqualTo("22023");
                assertThat(e.getMessage()).contains("\"" + name + "\"").contains("\"" + bad + "\"").contains("expected a positive number of");
            }
        }
        QuiverException e = error("SET optimizer_max_millis = 0");
        assertThat(e.getMessage()).isEqualTo("invalid value for parameter \"optimizer_max_millis\": \"0\"; "
                + "expected a positive number of milliseconds (1 to 2147483647)");
        assertThat(session.settings().maxRuleApplications()).isEqualTo(1);
        assertThat(session.settings().maxMillis()).isEqualTo(250);
        // a small budget still plans, and the answer is the same
        exec("CREATE TABLE a (x INTEGER)");
        exec("CREATE TABLE b (x INTEGER)");
        exec("CREATE TABLE c (x INTEGER)");
        exec("INSERT INTO a VALUES (1), (2)");
        exec("INSERT INTO b VALUES (2), (3)");
        exec("INSERT INTO c VALUES (2), (4)");
        assertThat(rows("SELECT a.x FROM a, b, c WHERE a.x = b.x AND b.x = c.x")).containsExactly(row(2));
    }

    @Test
    void dumpGeneratedSourceWritesJavaFiles(@TempDir Path dir) throws IOException {
        Path target = dir.resolve("generated");
        exec("CREATE TABLE t (a INTEGER, s VARCHAR)");
        exec("INSERT INTO t VALUES (1, 'x'), (2, 'y')");

        session.set("execution_mode", "interpret");
        exec("SET dump_generated_source = '" + target + "'");
        assertThat(session.settings().generatedSourceDirectory()).contains(target);
        assertThat(rows("SELECT a * 7, upper(s) FROM t WHERE a > 1")).containsExactly(row(14, "Y"));
        assertThat(Files.exists(target)).as("interpreted queries generate nothing").isFalse();

        session.set("execution_mode", "compile");
        session.set("compile_min_rows", "0");
        assertThat(rows("SELECT a * 7, upper(s) FROM t WHERE a > 1")).containsExactly(row(14, "Y"));
        List<Path> files = javaFiles(target);
        assertThat(files).isNotEmpty();
        for (Path f : files) {
            String source = Files.readString(f);
            assertThat(source).contains("class");
        }

        session.set("dump_generated_source", "");
        assertThat(session.settings().generatedSourceDirectory()).isEmpty();
        int before = javaFiles(target).size();
        assertThat(rows("SELECT a - 100, lower(s) FROM t WHERE a < 2")).containsExactly(row(-99, "x"));
        assertThat(javaFiles(target)).hasSize(before);
    }

    @Test
    void unknownSettingListsTheKnownOnes() {
        for (QuiverException e : List.of(error("SET no_such_setting = 1"),
                assertThrows(QuiverException.class, () -> session.set("no_such_setting", "1")))) {
            assertThat(e.sqlState()).isEqualTo("42704");
            assertThat(e.getMessage()).contains("unrecognized configuration parameter \"no_such_setting\"");
            for (String name : SETTINGS) {
                assertThat(e.getMessage()).contains(name);
            }
        }
        // names are case-insensitive
        session.set("EXECUTION_MODE", "interpret");
        assertThat(session.settings().executionMode()).isEqualTo(ExecutionMode.INTERPRET);
    }

    // ---------------------------------------------------------------- executeScript

    @Test
    void executeScriptRunsEveryStatement() {
        List<Result> results = session.executeScript("CREATE TABLE a (x INTEGER);\n"
                + "INSERT INTO a VALUES (1), (2);\n"
                + "-- a comment\n"
                + ";\n"
                + "SELECT x * 10 FROM a ORDER BY x;\n"
                + "SET threads = 1");
        try {
            assertThat(results).extracting(Result::status).containsExactly("CREATE TABLE", "INSERT 0 2", "SELECT 2", "SET");
            assertThat(results.get(2).rows()).extracting(r -> r.get(0)).containsExactly(10, 20);
        } finally {
            results.forEach(Result::close);
        }
        assertThat(session.settings().threads()).isEqualTo(1);
        assertThat(session.executeScript("  ;  -- nothing\n")).isEmpty();
    }

    @Test
    void executeScriptStopsAtTheFirstFailure() {
        exec("CREATE TABLE a (x INTEGER)");
        long storage = storageBytes();
        String script = "INSERT INTO a VALUES (1);\n"
                + "SELECT x FROM a;\n"
                + "SELECT * FROM missing;\n"
                + "INSERT INTO a VALUES (2)";
        QuiverException e = assertThrows(QuiverException.class, () -> session.executeScript(script));
        assertThat(e.sqlState()).isEqualTo("42P01");
        assertThat(e.getMessage()).contains("relation \"missing\" does not exist").contains("LINE 3: SELECT * FROM missing;");
        assertThat(e.line()).hasValue(3);
        // statements before the failure took effect, the ones after did not
        assertThat(rows("SELECT x FROM a")).containsExactly(row(1));
        // the results of the earlier statements were closed: only table storage holds memory
        assertThat(storageBytes()).isGreaterThan(storage);
        assertThat(db.allocatedBytes()).isEqualTo(storageBytes());
    }

    @Test
    void executeScriptWithASyntaxErrorRunsNothing() {
        exec("CREATE TABLE a (x INTEGER)");
        QuiverException e = assertThrows(QuiverException.class,
                () -> session.executeScript("INSERT INTO a VALUES (1);\nSELEC 2;\nINSERT INTO a VALUES (3)"));
        assertThat(e.sqlState()).isEqualTo("42601");
        assertThat(e.line()).hasValue(2);
        assertThat(value("SELECT count(*) FROM a")).isEqualTo(0L);
    }

    private String explain(String sql) {
        StringBuilder plan = new StringBuilder();
        rows("EXPLAIN " + sql).forEach(r -> plan.append(r.get(0)).append('\n'));
        return plan.toString();
    }

    private static List<Path> javaFiles(Path dir) throws IOException {
        if (!Files.exists(dir)) {
            return List.of();
        }
        try (Stream<Path> files = Files.list(dir)) {
            return files.filter(f -> f.toString().endsWith(".java")).toList();
        }
    }
}
