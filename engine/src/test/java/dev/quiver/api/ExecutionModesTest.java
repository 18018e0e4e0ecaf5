package dev.quiver.api;

import static org.assertj.core.api.Assertions.assertThat;

import dev.quiver.Result;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.TreeMap;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.apache.arrow.vector.BigIntVector;
import org.apache.arrow.vector.BitVector;
import org.apache.arrow.vector.DateDayVector;
import org.apache.arrow.vector.DecimalVector;
import org.apache.arrow.vector.Float8Vector;
import org.apache.arrow.vector.IntVector;
import org.apache.arrow.vector.VarCharVector;
import org.apache.arrow.vector.VectorSchemaRoot;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * The same queries in interpret, compile and verify mode return identical rows, each equal to
 * results computed here in Java from the generated data; EXPLAIN ANALYZE says how pipelines ran.
 */
class ExecutionModesTest extends ApiTestSupport {
    private static final int N = 20_000;
    private static final String[] NAMES = {"alpha", "βeta", "gämma", "日本", "🎉x", ""};
    private static final LocalDate EPOCH = LocalDate.of(2020, 1, 1);

    /** One generated row. */
    private record Item(long id, Integer grp, String name, BigDecimal amount, BigDecimal wide, Boolean flag, double price, LocalDate day) {
    }

    private final List<Item> items = new ArrayList<>();

    @BeforeEach
    void load() {
        for (long id = 1; id <= N; id++) {
            items.add(new Item(id,
                    id % 11 == 0 ? null : (int) (id % 7),
                    id % 13 == 0 ? null : NAMES[(int) (id % NAMES.length)],
                    id % 17 == 0 ? null : BigDecimal.valueOf(id * 37 % 100_000, 2),
                    BigDecimal.valueOf(id).scaleByPowerOfTen(20).add(BigDecimal.valueOf(id, 4)),
                    id % 19 == 0 ? null : id % 3 == 0,
                    id * 0.5,
                    EPOCH.plusDays(id % 400)));
        }
        exec("CREATE TABLE t (id BIGINT NOT NULL, grp INTEGER, name VARCHAR(10), amount DECIMAL(12,2), wide DECIMAL(38,4), "
                + "flag BOOLEAN, price DOUBLE, day DATE)");
        // appended in a few batches, so the table has several chunks
        for (int from = 0; from < N; from += 7_000) {
            append(items.subList(from, Math.min(N, from + 7_000)));
        }
        assertThat(value("SELECT count(*) FROM t")).isEqualTo((long) N);
    }

    private void append(List<Item> rows) {
        try (VectorSchemaRoot batch = VectorSchemaRoot.create(session.tableSchema("t"), session.bufferAllocator())) {
            for (int r = 0; r < rows.size(); r++) {
                Item it = rows.get(r);
                ((BigIntVector) batch.getVector(0)).setSafe(r, it.id());
                if (it.grp() == null) {
                    batch.getVector(1).setNull(r);
                } else {
                    ((IntVector) batch.getVector(1)).setSafe(r, it.grp());
                }
                if (it.name() == null) {
                    batch.getVector(2).setNull(r);
                } else {
                    ((VarCharVector) batch.getVector(2)).setSafe(r, it.name().getBytes(StandardCharsets.UTF_8));
                }
                if (it.amount() == null) {
                    batch.getVector(3).setNull(r);
                } else {
                    ((DecimalVector) batch.getVector(3)).setSafe(r, it.amount());
                }
                ((DecimalVector) batch.getVector(4)).setSafe(r, it.wide());
                if (it.flag() == null) {
                    batch.getVector(5).setNull(r);
                } else {
                    ((BitVector) batch.getVector(5)).setSafe(r, it.flag() ? 1 : 0);
                }
                ((Float8Vector) batch.getVector(6)).setSafe(r, it.price());
                ((DateDayVector) batch.getVector(7)).setSafe(r, (int) it.day().toEpochDay());
            }
            batch.setRowCount(rows.size());
            assertThat(session.append("t", batch)).isEqualTo(rows.size());
        }
    }

    // ---------------------------------------------------------------- the queries and their answers

    private static final String GROUPING = "SELECT grp, count(*), count(amount), sum(amount), min(name), max(name), sum(wide), "
            + "sum(price), min(day), max(day) FROM t GROUP BY grp ORDER BY grp";

    private List<List<Object>> grouping() {
        Map<Integer, List<Item>> groups = new TreeMap<>(Comparator.nullsLast(Comparator.naturalOrder()));
        for (Item it : items) {
            groups.computeIfAbsent(it.grp(), k -> new ArrayList<>()).add(it);
        }
        List<List<Object>> rows = new ArrayList<>();
        groups.forEach((grp, list) -> rows.add(row(grp, (long) list.size(),
                list.stream().filter(i -> i.amount() != null).count(),
                sum(list, Item::amount).setScale(2),
                list.stream().map(Item::name).filter(Objects::nonNull).min(ExecutionModesTest::utf8Compare).orElse(null),
                list.stream().map(Item::name).filter(Objects::nonNull).max(ExecutionModesTest::utf8Compare).orElse(null),
                sum(list, Item::wide).setScale(4),
                list.stream().mapToDouble(Item::price).sum(),
                list.stream().map(Item::day).min(Comparator.naturalOrder()).orElseThrow(),
                list.stream().map(Item::day).max(Comparator.naturalOrder()).orElseThrow())));
        return rows;
    }

    private static final String TOP = "SELECT id, name, amount FROM t WHERE amount IS NOT NULL ORDER BY amount DESC, id LIMIT 25";

    private List<List<Object>> top() {
        return items.stream().filter(i -> i.amount() != null)
                .sorted(Comparator.comparing(Item::amount).reversed().thenComparing(Item::id))
                .limit(25).map(i -> row(i.id(), i.name(), i.amount())).toList();
    }

    private static final String STRINGS = "SELECT upper(name), length(name), count(*) FROM t WHERE name LIKE '%a%' "
            + "GROUP BY upper(name), length(name) ORDER BY upper(name)";

    private List<List<Object>> strings() {
        Map<String, Long> counts = new TreeMap<>(ExecutionModesTest::utf8Compare);
        for (Item it : items) {
            if (it.name() != null && it.name().contains("a")) {
                counts.merge(it.name().toUpperCase(Locale.ROOT), 1L, Long::sum);
            }
        }
        List<List<Object>> rows = new ArrayList<>();
        counts.forEach((upper, n) -> rows.add(row(upper, upper.codePointCount(0, upper.length()), n)));
        return rows;
    }

    private static final String SORT_STRINGS = "SELECT name, count(*), min(id) FROM t GROUP BY name ORDER BY name DESC NULLS LAST";

    private List<List<Object>> sortStrings() {
        Map<String, List<Item>> groups = items.stream().filter(i -> i.name() != null)
                .collect(Collectors.groupingBy(Item::name));
        List<String> names = new ArrayList<>(groups.keySet());
        names.sort((a, b) -> utf8Compare(b, a));
        List<List<Object>> rows = new ArrayList<>();
        for (String name : names) {
            rows.add(row(name, (long) groups.get(name).size(), groups.get(name).stream().mapToLong(Item::id).min().orElseThrow()));
        }
        List<Item> nulls = items.stream().filter(i -> i.name() == null).toList();
        rows.add(row(null, (long) nulls.size(), nulls.get(0).id()));
        return rows;
    }

    private static final String NULLS = "SELECT count(*), count(grp), count(name), count(flag), "
            + "sum(CASE WHEN flag THEN 1 ELSE 0 END), sum(CASE WHEN flag IS NULL THEN 1 ELSE 0 END), sum(coalesce(amount, 0)), "
            + "count(DISTINCT grp), count(DISTINCT name) FROM t WHERE NOT flag OR flag IS NULL OR grp <> 3";

    private List<List<Object>> nulls() {
        List<Item> kept = items.stream().filter(i -> (i.flag() != null && !i.flag()) || i.flag() == null
                || (i.grp() != null && i.grp() != 3)).toList();
        return List.of(row((long) kept.size(),
                kept.stream().filter(i -> i.grp() != null).count(),
                kept.stream().filter(i -> i.name() != null).count(),
                kept.stream().filter(i -> i.flag() != null).count(),
                kept.stream().filter(i -> Boolean.TRUE.equals(i.flag())).count(),
                kept.stream().filter(i -> i.flag() == null).count(),
                sum(kept, Item::amount).setScale(2),
                kept.stream().map(Item::grp).filter(Objects::nonNull).distinct().count(),
                kept.stream().map(Item::name).filter(Objects::nonNull).distinct().count()));
    }

    private static final String DECIMALS = "SELECT id, amount * 3, amount + wide, -amount, amount * amount, wide - 1 "
            + "FROM t WHERE id % 1000 = 1 OR amount IS NULL AND id < 60 ORDER BY id";

    private List<List<Object>> decimals() {
        List<List<Object>> rows = new ArrayList<>();
        for (Item i : items) {
            if (i.id() % 1000 == 1 || i.amount() == null && i.id() < 60) {
                BigDecimal a = i.amount();
                rows.add(row(i.id(), a == null ? null : a.multiply(BigDecimal.valueOf(3)),
                        a == null ? null : a.add(i.wide()),
                        a == null ? null : a.negate(),
                        a == null ? null : a.multiply(a),
                        i.wide().subtract(BigDecimal.ONE)));
            }
        }
        return rows;
    }

    private static BigDecimal sum(List<Item> list, Function<Item, BigDecimal> f) {
        return list.stream().map(f).filter(Objects::nonNull).reduce(BigDecimal.ZERO, BigDecimal::add);
    }

    /** VARCHAR order: by UTF-8 bytes (code points), not by Java's UTF-16 units. */
    private static int utf8Compare(String a, String b) {
        return Arrays.compareUnsigned(a.getBytes(StandardCharsets.UTF_8), b.getBytes(StandardCharsets.UTF_8));
    }

    // ---------------------------------------------------------------- tests

    @ParameterizedTest
    @ValueSource(strings = {"interpret", "compile", "verify"})
    void everyModeReturnsTheExpectedRows(String mode) {
        session.set("execution_mode", mode);
        assertThat(rows(GROUPING)).as(GROUPING).isEqualTo(grouping());
        assertThat(rows(TOP)).as(TOP).isEqualTo(top());
        assertThat(rows(STRINGS)).as(STRINGS).isEqualTo(strings());
        assertThat(rows(SORT_STRINGS)).as(SORT_STRINGS).isEqualTo(sortStrings());
        assertThat(rows(NULLS)).as(NULLS).isEqualTo(nulls());
        assertThat(rows(DECIMALS)).as(DECIMALS).isEqualTo(decimals());
    }

    @Test
    void modesAgreeWithEachOtherOnOneThreadAndTwo() {
        List<String> queries = List.of(GROUPING, TOP, STRINGS, SORT_STRINGS, NULLS, DECIMALS,
                "SELECT day, count(*), sum(price) FROM t WHERE day < DATE '2020-01-10' GROUP BY day ORDER BY day",
                "SELECT id, name || '!' FROM t WHERE name IS NULL OR name = '' ORDER BY id DESC LIMIT 7");
        List<List<List<Object>>> reference = new ArrayList<>();
        session.set("execution_mode", "interpret");
        session.set("threads", "1");
        for (String q : queries) {
            reference.add(rows(q));
        }
        for (String mode : List.of("interpret", "compile", "verify")) {
            for (String threads : List.of("1", "2")) {
                session.set("execution_mode", mode);
                session.set("threads", threads);
                for (int q = 0; q < queries.size(); q++) {
                    assertThat(rows(queries.get(q))).as("%s with %s threads: %s", mode, threads, queries.get(q)).isEqualTo(reference.get(q));
                }
            }
        }
    }

    // ---------------------------------------------------------------- EXPLAIN ANALYZE

    @Test
    void explainAnalyzeInCompileModeShowsCompiledPipelinesAndCompileTimes() {
        session.set("execution_mode", "compile");
        session.set("compile_min_rows", "0");
        List<String> lines = explainAnalyze("SELECT grp, sum(amount) FROM t WHERE id > 10 GROUP BY grp ORDER BY grp");
        List<String> pipelines = lines.stream().filter(l -> l.startsWith("Pipeline ")).toList();
        assertThat(pipelines).hasSizeGreaterThanOrEqualTo(2);
        for (String p : pipelines) {
            assertThat(p).matches("Pipeline \\d+: .*: compiled \\(compile \\d+\\.\\d{3} ms, (Janino \\d+\\.\\d{3} ms|class reused)\\), rows in \\d+, out \\d+, \\d+\\.\\d{3} ms");
        }
        // the scan pipeline read every row
        assertThat(pipelines.get(0)).contains("TableScan t").contains("rows in " + N);
        assertThat(lines).anySatisfy(l -> assertThat(l).matches("Execution: \\d+\\.\\d{3} ms, 8 rows \\(mode compile\\)"));
        assertThat(lines.get(lines.size() - 1)).startsWith("Planning: ");
    }

    @Test
    void aSecondRunOfAQueryReusesItsCompiledClassesWithoutJanino() {
        session.set("execution_mode", "compile");
        session.set("compile_min_rows", "0");
        String sql = "SELECT grp, count(*), max(amount) FROM t WHERE id BETWEEN 3 AND 40 GROUP BY grp ORDER BY grp";
        explainAnalyze(sql);
        // Other literals, same shape: the literals are fields of the class, so the class is the same.
        List<String> pipelines = explainAnalyze(sql.replace("3 AND 40", "5 AND 60")).stream().filter(l -> l.startsWith("Pipeline ")).toList();
        assertThat(pipelines).hasSizeGreaterThanOrEqualTo(2).allSatisfy(p -> assertThat(p).contains(": compiled (compile ")
                .contains(", class reused)").doesNotContain("Janino"));
    }

    @Test
    void explainAnalyzeInInterpretModeShowsInterpretedPipelines() {
        session.set("execution_mode", "interpret");
        List<String> lines = explainAnalyze("SELECT grp, sum(amount) FROM t WHERE id > 10 GROUP BY grp ORDER BY grp");
        List<String> pipelines = lines.stream().filter(l -> l.startsWith("Pipeline ")).toList();
        assertThat(pipelines).hasSizeGreaterThanOrEqualTo(2);
        for (String p : pipelines) {
            assertThat(p).matches("Pipeline \\d+: .*: interpreted, rows in \\d+, out \\d+, \\d+\\.\\d{3} ms");
        }
        assertThat(lines).anySatisfy(l -> assertThat(l).matches("Execution: \\d+\\.\\d{3} ms, 8 rows \\(mode interpret\\)"));
    }

    @Test
    void explainAnalyzeShowsTheRowsEachOperatorProduced() {
        session.set("execution_mode", "interpret");
        String sql = "SELECT grp, sum(amount) FROM t WHERE id > 10 GROUP BY grp ORDER BY grp";
        Map<String, String> actual = actualRowsByOperator(explainAnalyze(sql));
        assertThat(actual.get("TableScan")).isEqualTo("actual rows=" + N);
        assertThat(actual.get("Filter")).isEqualTo("actual rows=" + (N - 10));
        // grp 0..6 and NULL
        assertThat(actual.get("HashAggregate")).isEqualTo("actual rows=8");
        assertThat(actual.get("Sort")).isEqualTo("actual rows=8");
        assertThat(explainAnalyze(sql)).anySatisfy(l -> assertThat(l)
                .matches("Estimates: q-error geometric mean \\d+\\.\\d{3}, worst \\d+\\.\\d, worst join input \\d+\\.\\d, over \\d+ operators"));
        // compiled code fuses the filter into the scan's loop and counts the rows past it there
        session.set("execution_mode", "compile");
        session.set("compile_min_rows", "0");
        Map<String, String> compiled = actualRowsByOperator(explainAnalyze(sql));
        assertThat(compiled.get("TableScan")).isEqualTo("actual rows=" + N);
        assertThat(compiled.get("Filter")).isEqualTo("actual rows=" + (N - 10));
        assertThat(compiled.get("HashAggregate")).isEqualTo("actual rows=8");
    }

    /** Each operator's name (the first word of its line) with the "actual rows" line under it (the last one, for repeated names). */
    private static Map<String, String> actualRowsByOperator(List<String> lines) {
        Map<String, String> actual = new java.util.HashMap<>();
        String operator = null;
        for (String line : lines) {
            String t = line.trim();
            if (t.startsWith("actual rows")) {
                actual.put(operator, t);
            } else if (!t.startsWith("columns:") && !t.isEmpty()) {
                operator = t.split("[ \\[]", 2)[0];
            }
        }
        return actual;
    }

    @Test
    void explainWithoutAnalyzeRunsNothing() {
        session.set("execution_mode", "compile");
        List<String> lines = rowsOf("EXPLAIN SELECT grp FROM t");
        assertThat(lines).noneMatch(l -> l.startsWith("Pipeline ") || l.startsWith("Execution:"));
        assertThat(lines).anyMatch(l -> l.contains("TableScan t"));
    }

    private List<String> explainAnalyze(String sql) {
        return rowsOf("EXPLAIN ANALYZE " + sql);
    }

    private List<String> rowsOf(String sql) {
        try (Result r = session.execute(sql)) {
            return r.rows().stream().map(row -> row.getString(0)).toList();
        }
    }
}
