package dev.quiver.codegen;

import static org.assertj.core.api.Assertions.assertThat;

import dev.quiver.exec.pipeline.DriverFactory;
import dev.quiver.exec.pipeline.InterpretedDriverFactory;
import dev.quiver.exec.pipeline.Pipeline;
import dev.quiver.exec.pipeline.PipelineBuilder;
import dev.quiver.exec.pipeline.QueryContext;
import dev.quiver.exec.testing.MiniDb;
import dev.quiver.planner.catalog.ColumnMetadata;
import dev.quiver.planner.expr.ColumnRef;
import dev.quiver.planner.physical.PhysicalPlan;
import dev.quiver.planner.type.DataType;
import dev.quiver.planner.type.Interval;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.IntFunction;
import java.util.stream.Collectors;
import java.util.stream.IntStream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Pipelines whose generated code grows with the number of columns, conjuncts, keys or aggregates
 * compile into methods that each stay under the JIT limit, and mean what the interpreter means;
 * a class too large to compile, and a method that cannot be split, fall back to the interpreter
 * and say so, and a failed compilation is remembered.
 */
class WideCompiledPipelineTest {
    private static final DriverFactory COMPILED = new CompiledDriverFactory(Optional.empty());
    /** Columns of the wide tables: more than {@link ClassBuilder#STATEMENTS_PER_METHOD}, so every per-column sequence is split. */
    private static final int COLUMNS = 40;
    /** The last column is an INTERVAL (its key hash is not generated inline). */
    private static final int INTERVAL_COLUMN = COLUMNS - 1;
    private static final DataType[] TYPES = {DataType.INTEGER, DataType.VARCHAR, DataType.decimal(15, 2), DataType.DOUBLE,
            DataType.BOOLEAN, DataType.DATE, DataType.decimal(30, 4), DataType.BIGINT};

    private static MiniDb engine;

    @BeforeAll
    static void setUp() {
        List<ColumnMetadata> columns = new ArrayList<>();
        for (int c = 0; c < COLUMNS; c++) {
            columns.add(new ColumnMetadata("c" + c, type(c), true));
        }
        engine = new MiniDb();
        // Small chunks: several batches and morsels per table.
        engine.table("w", columns, rows(420, 0), 100);
        engine.table("v", columns, rows(260, 7), 100);
    }

    @AfterAll
    static void tearDown() {
        engine.close();
    }

    private static DataType type(int c) {
        return c == INTERVAL_COLUMN ? DataType.INTERVAL : TYPES[c % TYPES.length];
    }

    /**
     * Rows whose every column derives from a key repeating every 30 rows (so groups and join matches
     * span all columns); one row in ten has a NULL in one column.
     */
    private static List<Object[]> rows(int n, int shift) {
        long day = LocalDate.of(1995, 1, 1).toEpochDay();
        List<Object[]> rows = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            int key = (i + shift) % 30;
            Object[] row = new Object[COLUMNS];
            for (int c = 0; c < COLUMNS; c++) {
                row[c] = c == INTERVAL_COLUMN ? new Interval(key % 3, key, 0) : switch (c % TYPES.length) {
                    case 0 -> (long) (key - 10);
                    case 1 -> "s" + key + (key % 4 == 0 ? "ü" : "");
                    case 2 -> BigDecimal.valueOf(key * 125L - 900, 2);
                    case 3 -> key / 4.0 - 3;
                    case 4 -> key % 3 == 0;
                    case 5 -> (int) (day + key * 17);
                    case 6 -> new BigDecimal("12345678901234567890.1234").add(BigDecimal.valueOf(key, 4));
                    default -> key * 1_000_003L;
                };
            }
            if (i % 10 == 3) {
                row[(i / 10) % COLUMNS] = null;
            }
            rows.add(row);
        }
        return rows;
    }

    private static String columnList(String qualifier, int from, int to) {
        return IntStream.range(from, to).mapToObj(c -> qualifier + "c" + c).collect(Collectors.joining(", "));
    }

    private static List<String> sorted(List<List<Object>> rows) {
        return rows.stream().map(Object::toString).sorted(Comparator.naturalOrder()).collect(Collectors.toList());
    }

    /**
     * Prepares every pipeline of {@code sql} with the compiling factory, requires each to run
     * compiled with every generated method under the JIT limit, and returns each class's method
     * sizes (as the class cache holds them).
     */
    private static List<Map<String, Integer>> compiledMethodSizes(String sql) {
        List<Map<String, Integer>> classes = new ArrayList<>();
        PhysicalPlan plan = engine.plan(sql);
        try (QueryContext context = engine.context()) {
            PipelineBuilder.BuiltQuery built = PipelineBuilder.build(plan, plan.outputColumns().stream().map(ColumnRef::name).toList());
            for (Pipeline p : built.pipelines()) {
                assertThat(COMPILED.prepare(p, context).mode()).as(p.description()).isEqualTo("compiled");
                String source = source(p, ExpressionGenerator.SPLIT_THRESHOLD);
                ClassCompiler.Outcome outcome = CompiledClassCache.lookup(source).orElseThrow();
                Map<String, Integer> sizes = ((ClassCompiler.Compiled) outcome).methodSizes();
                assertThat(sizes).as(p.description()).allSatisfy(
                        (method, size) -> assertThat(size).as(method).isLessThanOrEqualTo(ClassCompiler.MAX_METHOD_BYTES));
                classes.add(sizes);
            }
            built.result().discard();
        }
        return classes;
    }

    private static String source(Pipeline p, int threshold) {
        return PipelineGenerator.generate(p, CompiledDriverFactory.CLASS_NAME, threshold).generated().orElseThrow().source();
    }

    /** Generated methods named {@code prefix<n>} (Janino compiles a private method as {@code name$}, static). */
    private static long methodsNamed(Map<String, Integer> sizes, String prefix) {
        return sizes.keySet().stream().filter(m -> m.matches(prefix + "\\d+\\$?\\(.*")).count();
    }

    private static void assertSameRows(String sql) {
        List<List<Object>> interpreted = engine.query(sql, InterpretedDriverFactory.INSTANCE);
        assertThat(interpreted).isNotEmpty();
        assertThat(sorted(engine.query(sql, COMPILED))).isEqualTo(sorted(interpreted));
    }

    // ------------------------------------------------------------------ split, compiled, same rows

    @Test
    void aSelectListOf1500ConstantsCompilesIntoSplitMethods() {
        String sql = "SELECT " + String.join(", ", Collections.nCopies(1500, "1"));
        List<Map<String, Integer>> classes = compiledMethodSizes(sql);
        assertThat(classes).hasSize(1);
        Map<String, Integer> sizes = classes.get(0);
        // Columns share project methods, whose calls and the handing over of 1,500 vectors are split again.
        assertThat(methodsNamed(sizes, "project")).isBetween(2L, 1500L / 8);
        assertThat(methodsNamed(sizes, "projectRow")).isPositive();
        assertThat(methodsNamed(sizes, "outputColumns")).isPositive();
        List<List<Object>> rows = engine.query(sql, COMPILED);
        assertThat(rows).hasSize(1);
        assertThat(rows.get(0)).hasSize(1500).containsOnly(1L);
        assertThat(rows).isEqualTo(engine.query(sql, InterpretedDriverFactory.INSTANCE));
    }

    @Test
    void aWideProjectionOfEveryKindMeansWhatTheInterpreterMeans() {
        IntFunction<String> column = i -> {
            int c = i % INTERVAL_COLUMN;
            return switch (i % 9) {
                case 0 -> "c" + c;
                case 1 -> String.valueOf(i);
                case 2 -> "CAST(NULL AS INTEGER)";
                case 3 -> "'k" + i + "'";
                default -> switch (c % TYPES.length) {
                    case 0, 7 -> "c" + c + " * " + i + " - c" + c;
                    case 1 -> "c" + c + " || '" + i + "'";
                    case 2, 6 -> "c" + c + " + " + i + ".5";
                    case 3 -> "c" + c + " / " + (i + 1);
                    case 4 -> "CASE WHEN c" + c + " THEN " + i + " END";
                    default -> "c" + c + " + " + (i % 100);
                };
            };
        };
        String sql = "SELECT " + IntStream.range(0, 600).mapToObj(column).collect(Collectors.joining(", ")) + ", c"
                + INTERVAL_COLUMN + " FROM w";
        assertThat(compiledMethodSizes(sql)).hasSize(1);
        assertSameRows(sql);
    }

    @Test
    void manyConjunctsAreTestedInOrderAcrossSplitMethods() {
        // Each column twice: more conjuncts than selection passes hold one at a time, and more than
        // one method's worth left for the last pass.
        String where = IntStream.range(0, 2 * COLUMNS).filter(c -> c % COLUMNS != INTERVAL_COLUMN).mapToObj(k -> {
            int c = k % COLUMNS;
            return switch (c % TYPES.length) {
                case 1 -> "c" + c + " <> 's" + (7 + k / COLUMNS) + "'";
                case 4 -> "(c" + c + " OR NOT c" + c + ")";
                case 5 -> "c" + c + " > DATE '199" + (5 - k / COLUMNS) + "-01-01'";
                default -> "c" + c + " <> " + (5 + k / COLUMNS);
            };
        }).collect(Collectors.joining(" AND "));
        String sql = "SELECT " + columnList("", 0, COLUMNS) + " FROM w WHERE " + where;
        assertThat(2 * (COLUMNS - 1) - (SelectionPasses.MAX_PASSES - 1)).isGreaterThan(ClassBuilder.STATEMENTS_PER_METHOD);
        assertThat(methodsNamed(compiledMethodSizes(sql).get(0), "passes")).isPositive();
        assertSameRows(sql);
    }

    @ParameterizedTest
    @ValueSource(ints = {INTERVAL_COLUMN, COLUMNS})
    void aggregationsOverManyKeysAndAggregatesAreSplit(int keys) {
        // Without the INTERVAL key the group is found by the generated probe; with it, through the table's own lookup.
        String aggregates = IntStream.range(0, COLUMNS).mapToObj(c -> c == INTERVAL_COLUMN ? "count(c" + c + ")" : switch (c % 4) {
            case 0 -> "count(c" + c + ")";
            case 1 -> c % TYPES.length == 1 || c % TYPES.length == 4 || c % TYPES.length == 5 ? "max(c" + c + ")"
                    : "sum(c" + c + ")";
            case 2 -> "min(c" + c + ")";
            default -> "max(c" + c + ")";
        }).collect(Collectors.joining(", ")) + ", count(*)";
        String sql = "SELECT " + columnList("", 0, keys) + ", " + aggregates + " FROM w WHERE c0 <> 3 GROUP BY " + columnList("", 0, keys);
        Map<String, Integer> aggregation = compiledMethodSizes(sql).get(0);
        assertThat(methodsNamed(aggregation, "updateRow")).isPositive();
        assertThat(methodsNamed(aggregation, "computeRow")).isPositive();
        assertThat(methodsNamed(aggregation, "storeKeys")).isPositive();
        if (keys < COLUMNS) {
            assertThat(methodsNamed(aggregation, "hashKeys")).isPositive();
            assertThat(methodsNamed(aggregation, "sameKeys")).isPositive();
        }
        assertSameRows(sql);
    }

    @ParameterizedTest
    @ValueSource(strings = {"JOIN", "LEFT JOIN", "FULL JOIN", "RIGHT JOIN"})
    void joinsOnManyKeysOutputtingManyColumnsAreSplit(String join) {
        String on = IntStream.range(0, INTERVAL_COLUMN).mapToObj(c -> "x.c" + c + " = y.c" + c).collect(Collectors.joining(" AND "));
        String sql = "SELECT " + columnList("x.", 0, COLUMNS) + ", " + columnList("y.", 0, COLUMNS) + " FROM w x " + join + " v y ON " + on;
        List<Map<String, Integer>> classes = compiledMethodSizes(sql);
        Map<String, Integer> probe = classes.stream().filter(c -> methodsNamed(c, "matches") > 0).findFirst().orElseThrow();
        assertThat(methodsNamed(probe, "matchKeys")).isPositive();
        assertThat(methodsNamed(probe, "hashProbeKeys")).isPositive();
        assertThat(methodsNamed(probe, "probeKeyRow")).isPositive();
        assertThat(methodsNamed(probe, "anyNullKey")).isPositive();
        assertThat(methodsNamed(probe, "outputColumns")).isPositive();
        if (join.equals("FULL JOIN") || join.equals("RIGHT JOIN")) {
            assertThat(methodsNamed(probe, "carryRow")).isPositive();
            assertThat(methodsNamed(probe, "nullCarried")).isPositive();
        }
        assertSameRows(sql);
    }

    // ------------------------------------------------------------------ not compiled

    @Test
    void aClassTooLargeToCompileIsNotHandedToJanino() {
        int columns = CompiledDriverFactory.MAX_CLASS_MEMBERS / 2 + 100;
        String sql = "SELECT " + IntStream.range(0, columns).mapToObj(i -> "c0 + " + i).collect(Collectors.joining(", ")) + " FROM w";
        PhysicalPlan plan = engine.plan(sql);
        try (QueryContext context = engine.context()) {
            PipelineBuilder.BuiltQuery built = PipelineBuilder.build(plan, plan.outputColumns().stream().map(ColumnRef::name).toList());
            Pipeline p = built.pipelines().get(0);
            DriverFactory.PreparedPipeline prepared = COMPILED.prepare(p, context);
            assertThat(prepared.mode()).startsWith("interpreted (not compiled: the generated class would declare ")
                    .endsWith(" fields and methods, over the limit of " + CompiledDriverFactory.MAX_CLASS_MEMBERS + " for compiling)");
            assertThat(CompiledClassCache.lookup(source(p, ExpressionGenerator.SPLIT_THRESHOLD))).isEmpty();
            built.result().discard();
        }
    }

    @Test
    void aMethodThatCannotBeSplitFallsBackAndItsFailureIsRemembered() {
        // One call with thousands of arguments: they are evaluated in one method at every split threshold.
        String sql = "SELECT concat(" + String.join(", ", Collections.nCopies(600, "c1")) + ") FROM w";
        PhysicalPlan plan = engine.plan(sql);
        try (QueryContext context = engine.context()) {
            PipelineBuilder.BuiltQuery built = PipelineBuilder.build(plan, plan.outputColumns().stream().map(ColumnRef::name).toList());
            Pipeline p = built.pipelines().get(0);
            String mode = COMPILED.prepare(p, context).mode();
            assertThat(mode).startsWith("interpreted (compile failed: generated method ").contains("over the JIT limit of 8000");
            for (int threshold : CompiledDriverFactory.SPLIT_THRESHOLDS) {
                String source = source(p, threshold);
                assertThat(CompiledClassCache.lookup(source)).get().isInstanceOfSatisfying(ClassCompiler.Failed.class,
                        failed -> assertThat(failed.methodTooLarge()).isTrue());
                // The next preparation finds the failure without compiling.
                ClassCompiler.Outcome again = CompiledClassCache.get(source, () -> {
                    throw new AssertionError("compiled again");
                });
                assertThat(again).isInstanceOf(ClassCompiler.Failed.class);
            }
            assertThat(COMPILED.prepare(p, context).mode()).isEqualTo(mode);
            built.result().discard();
        }
        assertThat(sorted(engine.query(sql, COMPILED))).isEqualTo(sorted(engine.query(sql, InterpretedDriverFactory.INSTANCE)));
    }

    @Test
    void aSourceJaninoRejectsIsAFailedOutcomeCachedLikeAClass() {
        String source = "package dev.quiver.codegen.generated;\npublic final class " + CompiledDriverFactory.CLASS_NAME
                + " { int f() { return \"not an int\"; } }\n";
        ClassCompiler.Outcome first = CompiledClassCache.get(source, () -> ClassCompiler.attempt(CompiledDriverFactory.CLASS_NAME, source));
        assertThat(first).isInstanceOfSatisfying(ClassCompiler.Failed.class, failed -> {
            assertThat(failed.methodTooLarge()).isFalse();
            assertThat(failed.reason()).startsWith("Janino rejected the generated source");
        });
        assertThat(CompiledClassCache.get(source, () -> {
            throw new AssertionError("compiled again");
        })).isSameAs(first);
    }

    // ------------------------------------------------------------------ the splitting itself

    @Test
    void longSequencesBecomeNestedMethodsOfBoundedLength() {
        ClassBuilder cb = new ClassBuilder();
        int n = ClassBuilder.STATEMENTS_PER_METHOD * ClassBuilder.STATEMENTS_PER_METHOD + 5;
        List<String> statements = IntStream.range(0, n).mapToObj(i -> "f(" + i + ");").toList();
        List<String> calls = cb.statements("part", "int i", "i", statements);
        // Two levels: n / 32 first-level methods, grouped again into two.
        assertThat(calls).containsExactly("part" + (n / ClassBuilder.STATEMENTS_PER_METHOD + 1) + "(i);",
                "part" + (n / ClassBuilder.STATEMENTS_PER_METHOD + 2) + "(i);");
        String source = cb.source(CompiledDriverFactory.CLASS_NAME, "");
        // Every statement is written once, in order.
        int at = -1;
        for (String s : statements) {
            int next = source.indexOf("        " + s + "\n", at + 1);
            assertThat(next).as(s).isGreaterThan(at);
            at = next;
        }
        List<String> few = statements.subList(0, ClassBuilder.STATEMENTS_PER_METHOD);
        assertThat(cb.statements("part", "int i", "i", few)).isEqualTo(few);
        assertThat(cb.chain("any", "||", "", "", List.of("a", "b"))).containsExactly("a", "b");
    }
}
