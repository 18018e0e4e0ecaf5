package dev.quiver.codegen;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.quiver.error.QuiverException;
import dev.quiver.exec.expr.Layout;
import dev.quiver.exec.testing.MiniDb;
import dev.quiver.exec.operator.ResultSink;
import dev.quiver.exec.operator.ValuesSource;
import dev.quiver.exec.pipeline.DriverFactory;
import dev.quiver.exec.pipeline.InterpretedDriverFactory;
import dev.quiver.exec.pipeline.OperatorSpec;
import dev.quiver.exec.pipeline.Pipeline;
import dev.quiver.exec.pipeline.PipelineBuilder;
import dev.quiver.exec.pipeline.QueryContext;
import dev.quiver.planner.catalog.ColumnMetadata;
import dev.quiver.planner.expr.Call;
import dev.quiver.planner.expr.ColumnRef;
import dev.quiver.planner.expr.Function;
import dev.quiver.planner.expr.Literal;
import dev.quiver.planner.physical.PhysicalPlan;
import dev.quiver.planner.plan.Assignment;
import dev.quiver.planner.type.DataType;
import java.math.BigDecimal;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.stream.Collectors;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class CompiledPipelineTest {
    private static MiniDb engine;
    private static final DriverFactory COMPILED = new CompiledDriverFactory(Optional.empty());

    @BeforeAll
    static void setUp() {
        List<ColumnMetadata> columns = List.of(
                new ColumnMetadata("a", DataType.INTEGER, true),
                new ColumnMetadata("b", DataType.BIGINT, true),
                new ColumnMetadata("c", DataType.decimal(15, 2), true),
                new ColumnMetadata("d", DataType.VARCHAR, true),
                new ColumnMetadata("e", DataType.DATE, true),
                new ColumnMetadata("f", DataType.DOUBLE, true),
                new ColumnMetadata("g", DataType.BOOLEAN, true),
                new ColumnMetadata("w", DataType.decimal(30, 4), true));
        List<Object[]> rows = new ArrayList<>();
        String[] words = {"apple", "Banana", "cherry", "ünïcode", "", "x%y"};
        for (int i = 0; i < 537; i++) {
            boolean nulls = i % 7 == 3;
            rows.add(new Object[] {
                    nulls ? null : (long) (i % 13 - 6),
                    nulls ? null : (long) i * 1_000_003L,
                    i % 11 == 5 ? null : BigDecimal.valueOf(i * 37L % 10_000, 2),
                    i % 9 == 4 ? null : words[i % words.length] + (i % 3),
                    i % 5 == 1 ? null : (int) LocalDate.of(1995, 1, 1).plusDays(i * 3L).toEpochDay(),
                    i % 6 == 2 ? null : i / 7.0 - 20,
                    i % 4 == 0 ? null : i % 3 == 0,
                    i % 8 == 6 ? null : new BigDecimal("12345678901234567890.1234").add(BigDecimal.valueOf(i * 11L, 4))});
        }
        engine = new MiniDb();
        // Small chunks: a few hundred rows already make several batches and morsels.
        engine.table("t", columns, rows, 100);
    }

    @AfterAll
    static void tearDown() {
        engine.close();
    }

    private static List<String> sorted(List<List<Object>> rows) {
        return rows.stream().map(Object::toString).sorted(Comparator.naturalOrder()).collect(Collectors.toList());
    }

    @ParameterizedTest
    @ValueSource(strings = {
            "SELECT a + 1, a * 2 - b, b / 7, b % 5, -a, abs(a), c * 3, c + 1.5, c * c, c / 7, w + w, w * 2, f * 2.5, f / 3, -f FROM t",
            "SELECT d || '!', upper(d), lower(d), length(d), substring(d, 2, 3), substring(d FROM 3), trim(d), left(d, 2), "
                    + "right(d, 2), reverse(d), position('a' IN d), replace(d, 'a', 'AA'), concat(d, a, c) FROM t",
            "SELECT a FROM t WHERE d LIKE '%an%' OR d LIKE 'ch_rry_' OR d ILIKE 'APPLE%' OR d LIKE 'x\\%y%'",
            "SELECT e + 30, e - 7, e + INTERVAL '1' MONTH, e - INTERVAL '1' YEAR, extract(year FROM e), extract(month FROM e), "
                    + "extract(dow FROM e), e - DATE '1995-01-01' FROM t",
            "SELECT CASE WHEN a > 0 THEN 'pos' WHEN a < 0 THEN 'neg' ELSE 'zero' END, CASE a WHEN 1 THEN c END, "
                    + "coalesce(a, b, 0), nullif(a, 0), a IS NULL, a IS NOT DISTINCT FROM 1, a IS DISTINCT FROM NULL FROM t",
            "SELECT g AND a > 0, g OR a > 0, NOT g, a IN (1, 2, NULL), a NOT IN (1, 2), d IN ('apple0', 'cherry2'), "
                    + "a BETWEEN -2 AND 2, a IN (b, c) FROM t",
            "SELECT CAST(a AS BIGINT), CAST(c AS INTEGER), CAST(c AS DOUBLE), CAST(f AS DECIMAL(10,1)), CAST(a AS VARCHAR), "
                    + "CAST(e AS TIMESTAMP), CAST(w AS DECIMAL(38,1)), CAST(g AS INTEGER), CAST(c AS VARCHAR), round(c, 1), floor(f), ceil(c) "
                    + "FROM t",
            "SELECT a, count(*), count(c), sum(c), avg(c), min(d), max(e), sum(f), avg(b), min(g), max(w), count(DISTINCT d) "
                    + "FROM t GROUP BY a",
            "SELECT count(*), sum(c * (1 - c)), sum(w), avg(f) FROM t WHERE e < DATE '1996-01-01' AND c > 1",
            "SELECT d, e, sum(a) FROM t WHERE a IS NOT NULL GROUP BY d, e HAVING count(*) > 0",
            // String keys in place, most of them short (the group cache), some over 8 bytes, NULL, with other kinds beside
            "SELECT d, count(*), sum(c) FROM t GROUP BY d",
            "SELECT d, g, a, count(*), min(e), max(w) FROM t GROUP BY d, g, a",
            "SELECT d, f, w, count(*) FROM t GROUP BY d, f, w",
            // Aggregate inputs sharing subexpressions (reused from the earlier input's fields), one inside a CASE
            "SELECT a, sum(c * (1 - c)), sum(c * (1 - c) * (1 + c)), sum(CASE WHEN g THEN c * (1 - c) END), avg(w * 2), "
                    + "max(w * 2 + 1), count(DISTINCT a % 3), min(a % 3 + b) FROM t GROUP BY a, a % 3",
            "SELECT a, c FROM t ORDER BY c DESC NULLS LAST, a LIMIT 17",
            "SELECT DISTINCT g, a % 3 FROM t"})
    void compiledMatchesInterpreter(String sql) {
        List<List<Object>> interpreted = engine.query(sql, InterpretedDriverFactory.INSTANCE);
        List<List<Object>> compiled = engine.query(sql, COMPILED);
        assertThat(interpreted).isNotEmpty();
        assertThat(sorted(compiled)).isEqualTo(sorted(interpreted));
    }

    @Test
    void everyPipelineOfAnAggregationQueryIsCompiled() {
        try (QueryContext context = engine.context()) {
            PhysicalPlan plan = engine.plan("SELECT d, sum(c * 2) FROM t WHERE a > 0 GROUP BY d");
            PipelineBuilder.BuiltQuery built = PipelineBuilder.build(plan, List.of("d", "s"));
            for (Pipeline p : built.pipelines()) {
                DriverFactory.PreparedPipeline prepared = COMPILED.prepare(p, context);
                assertThat(prepared.mode()).as(p.description()).isEqualTo("compiled");
            }
            built.result().discard();
        }
    }

    @Test
    void aPlanRunAgainReusesTheSourcesGeneratedForItsPipelines() {
        PhysicalPlan plan = engine.plan("SELECT d, sum(c * 2) FROM t WHERE a > 0 AND f > 1 GROUP BY d ORDER BY d LIMIT 3");
        GeneratedPipelines generated = new GeneratedPipelines();
        DriverFactory factory = new CompiledDriverFactory(Optional.empty(), 0, generated);
        List<List<Object>> first = engine.run(plan, engine.context(), factory);
        // What reuse relies on: generating a plan's pipelines again gives the sources remembered.
        PipelineBuilder.BuiltQuery built = PipelineBuilder.build(plan, List.of("d", "s"));
        assertThat(built.pipelines()).hasSizeGreaterThan(1);
        for (Pipeline p : built.pipelines()) {
            String again = PipelineGenerator.generate(p, CompiledDriverFactory.CLASS_NAME, CompiledDriverFactory.SPLIT_THRESHOLDS[0])
                    .generated().orElseThrow().source();
            assertThat(generated.get(p)).as(p.description()).hasValueSatisfying(g -> assertThat(g.source()).isEqualTo(again));
        }
        built.result().discard();
        assertThat(engine.run(plan, engine.context(), factory)).isEqualTo(first).isEqualTo(engine.run(plan, engine.context(),
                InterpretedDriverFactory.INSTANCE));
    }

    @Test
    void runtimeErrorsPointAtTheExpressionInBothModes() {
        String sql = "SELECT a, b / (a - a) FROM t";
        assertFailsInBothModesAt(sql, "division by zero", sql.indexOf("b /"));
    }

    private static void assertFailsInBothModesAt(String sql, String message, int position) {
        for (DriverFactory factory : List.of(InterpretedDriverFactory.INSTANCE, COMPILED)) {
            assertThatThrownBy(() -> engine.query(sql, factory))
                    .isInstanceOfSatisfying(QuiverException.class, e -> {
                        assertThat(e.rawMessage()).isEqualTo(message);
                        assertThat(e.position()).hasValue(position);
                    });
        }
    }

    @Test
    void anAggregateInputInsideALaterOneIsComputedOnce() {
        // c * (1 - c) is the first input and part of the second: the second reads the first's fields.
        String both = generate("SELECT sum(c * (1 - c)), sum(c * (1 - c) * (1 + c)) FROM t");
        String outerOnly = generate("SELECT sum(c * (1 - c) * (1 + c)) FROM t");
        assertThat(occurrences(both, "Math.multiplyHigh(")).isPositive().isEqualTo(occurrences(outerOnly, "Math.multiplyHigh("));
    }

    @Test
    void aFailingSharedSubexpressionPointsAtItsFirstOccurrenceInBothModes() {
        String sql = "SELECT sum(b * b * 100), sum(b * b * 100 + 1) FROM t";
        assertFailsInBothModesAt(sql, "bigint out of range", sql.indexOf("b * b * 100"));
    }

    private static int occurrences(String text, String part) {
        int count = 0;
        for (int at = text.indexOf(part); at >= 0; at = text.indexOf(part, at + 1)) {
            count++;
        }
        return count;
    }

    @Test
    void queriesDifferingOnlyInConstantsShareOneClass() {
        String first = generate("SELECT a + 1 FROM t WHERE c > 10.5 AND d = 'apple0'");
        String second = generate("SELECT a + 1000 FROM t WHERE c > 99999.25 AND d = 'cherry2-but-longer'");
        assertThat(first).isEqualTo(second);
        assertThat(first).doesNotContain("apple0").doesNotContain("10.5").doesNotContain("1050");
        String other = generate("SELECT a * 1 FROM t WHERE c > 10.5 AND d = 'apple0'");
        assertThat(other).isNotEqualTo(first);
    }

    private static String generate(String sql) {
        PhysicalPlan plan = engine.plan(sql);
        PipelineBuilder.BuiltQuery built = PipelineBuilder.build(plan, plan.outputColumns().stream().map(ColumnRef::name).toList());
        PipelineGenerator.GenerationResult result = PipelineGenerator.generate(built.pipelines().get(0),
                CompiledDriverFactory.CLASS_NAME, ExpressionGenerator.SPLIT_THRESHOLD);
        built.result().discard();
        return result.generated().orElseThrow().source();
    }

    @Test
    void hugeExpressionsAreSplitBelowTheJitLimit() throws Exception {
        String sum = "a" + " + a".repeat(400);
        String cases = "CASE " + java.util.stream.IntStream.range(0, 150).mapToObj(i -> "WHEN a = " + i + " THEN c * " + i)
                .collect(Collectors.joining(" ")) + " ELSE c END";
        String sql = "SELECT " + sum + ", " + cases + " FROM t WHERE " + sum + " > -1000000";
        PhysicalPlan plan = engine.plan(sql);
        PipelineBuilder.BuiltQuery built = PipelineBuilder.build(plan, List.of("s", "c"));
        PipelineGenerator.Generated generated = PipelineGenerator.generate(built.pipelines().get(0),
                CompiledDriverFactory.CLASS_NAME, ExpressionGenerator.SPLIT_THRESHOLD).generated().orElseThrow();
        built.result().discard();
        ClassCompiler.Compiled compiled = ClassCompiler.compile(CompiledDriverFactory.CLASS_NAME, generated.source());
        assertThat(compiled.methodSizes()).isNotEmpty();
        assertThat(compiled.methodSizes().values()).allSatisfy(size -> assertThat(size).isLessThanOrEqualTo(ClassCompiler.MAX_METHOD_BYTES));
        assertThat(sorted(engine.query(sql, COMPILED))).isEqualTo(sorted(engine.query(sql, InterpretedDriverFactory.INSTANCE)));
    }

    @Test
    void unsupportedOperatorShapesRunInterpretedAndSaySo() {
        ColumnRef x = new ColumnRef(0, "x", DataType.INTEGER);
        ColumnRef y = new ColumnRef(1, "y", DataType.INTEGER);
        Layout in = new Layout(List.of(x));
        OperatorSpec.ProjectSpec project = new OperatorSpec.ProjectSpec(
                List.of(new Assignment(y, new Call(Function.ADD, List.of(x, Literal.of(1L, DataType.INTEGER)), DataType.INTEGER))), in);
        OperatorSpec.FilterSpec filter = new OperatorSpec.FilterSpec(
                new Call(Function.GREATER_THAN, List.of(y, Literal.of(2L, DataType.INTEGER)), DataType.BOOLEAN), project.output());
        ResultSink sink = new ResultSink(List.of(y), List.of("y"), project.output());
        Pipeline pipeline = new Pipeline(0, "test", new ValuesSource(List.of(x), List.of(List.of(Literal.of(5L, DataType.INTEGER)))),
                in, List.of(project, filter), sink);
        try (QueryContext context = engine.context()) {
            DriverFactory.PreparedPipeline prepared = COMPILED.prepare(pipeline, context);
            assertThat(prepared.mode()).isEqualTo("interpreted (not compiled: a filter after a projection)");
            assertThat(prepared.compileNanos()).isZero();
        }
    }

    @Test
    void generatedSourceIsWrittenWhereTheSettingSays(@TempDir Path dir) throws Exception {
        engine.query("SELECT b * 3 FROM t WHERE a = 2", new CompiledDriverFactory(Optional.of(dir)));
        List<Path> files;
        try (var list = Files.list(dir)) {
            files = list.toList();
        }
        assertThat(files).isNotEmpty();
        assertThat(Files.readString(files.get(0))).contains("public final class GeneratedPipeline extends CompiledDriver");
    }
}
