package dev.quiver.fuzz;

import static org.assertj.core.api.Assertions.assertThat;

import dev.quiver.fuzz.FuzzType.Kind;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;

/** The generators are reproducible from their seeds and produce every feature the issue lists. */
class GeneratorTest {
    /** Queries inspected: enough for every feature to appear many times over. */
    static final int QUERIES = 2_000;
    /** Schemas inspected. */
    static final int SCHEMAS = 200;

    private static List<String> queries(long seed, Dialect dialect) {
        return queries(seed, dialect, true);
    }

    private static List<String> queries(long seed, Dialect dialect, boolean referenceSafe) {
        List<String> out = new ArrayList<>();
        for (int round = 0; round < QUERIES / 50; round++) {
            long schemaSeed = FuzzRandom.caseSeed(seed, round);
            FuzzSchema schema = QueryFuzzer.schema(schemaSeed);
            for (int i = 0; i < 50; i++) {
                out.add(new QueryGenerator(new FuzzRandom(FuzzRandom.caseSeed(schemaSeed, i)), schema, referenceSafe).query().sql(dialect));
            }
        }
        return out;
    }

    @Test
    void aSeedFixesTheTablesAndTheQueries() {
        assertThat(QueryFuzzer.schema(5).setupSql()).isEqualTo(QueryFuzzer.schema(5).setupSql());
        assertThat(QueryFuzzer.schema(5).setupSql()).isNotEqualTo(QueryFuzzer.schema(6).setupSql());
        assertThat(queries(1, Dialect.POSTGRES).subList(0, 100)).isEqualTo(queries(1, Dialect.POSTGRES).subList(0, 100));
    }

    @Test
    void queriesUseEveryKindOfJoinSubquerySetOperationAndClause() {
        String all = String.join("\n", queries(3, Dialect.POSTGRES));
        for (String feature : List.of("INNER JOIN", "LEFT JOIN", "RIGHT JOIN", "FULL JOIN", "CROSS JOIN", "NATURAL ", " USING (", "(EXISTS (",
                "(NOT EXISTS (", " IN (SELECT", " NOT IN (SELECT", " ANY (", " ALL (", " SOME (", "GROUP BY", "HAVING", "SELECT DISTINCT",
                "count(DISTINCT", ") UNION (", ") UNION ALL (", ") INTERSECT (", ") EXCEPT (", "WITH w0 AS", "ORDER BY", "NULLS FIRST",
                "NULLS LAST", " LIMIT ", " OFFSET ", "(CASE WHEN", "(CASE r", "CAST(", " BETWEEN ", " LIKE ", " ILIKE ", " IS DISTINCT FROM ",
                " IS NOT NULL)", " IS UNKNOWN)", "avg(", "sum(", "min(", "max(", "coalesce(", "nullif(", "SUBSTRING(", "EXTRACT(", "DATE '",
                "DOUBLE PRECISION", "DECIMAL(", "BIGINT", " / nullif(", " % nullif(", " || ")) {
            assertThat(all).as(feature).contains(feature);
        }
    }

    @Test
    void someSubqueriesAreCorrelated() {
        // a subquery's alias is new, so a reference to r0 (the outermost FROM's first alias) after a nested FROM is a correlation
        long correlated = queries(4, Dialect.POSTGRES).stream()
                .filter(q -> q.matches("(?s).*\\(SELECT [^()]*FROM t\\d AS r[1-9]\\d*.*WHERE.*\\br0\\..*")).count();
        assertThat(correlated).isGreaterThan(QUERIES / 20);
    }

    @Test
    void queriesOverTheLargeTableHaveNoSubqueriesInTheirExpressions() {
        int overLarge = 0;
        for (long seed = 0; overLarge < QUERIES / 10; seed++) {
            FuzzSchema schema = QueryFuzzer.schema(seed);
            if (schema.tables().stream().noneMatch(FuzzSchema.Table::isLarge)) {
                continue;
            }
            for (int i = 0; i < 50; i++) {
                QueryGenerator generator = new QueryGenerator(new FuzzRandom(FuzzRandom.caseSeed(seed, i)), schema, true);
                QueryNode.Select select = generator.select(List.of(), List.of());
                boolean large = select.from().get(0).sql(Dialect.POSTGRES).startsWith("tl AS ");
                List<Expr> expressions = new ArrayList<>(select.items().stream().map(QueryNode.SelectItem::expr).toList());
                select.where().ifPresent(expressions::add);
                select.having().ifPresent(expressions::add);
                String text = String.join("\n", expressions.stream().map(e -> e.sql(Dialect.POSTGRES)).toList());
                if (large) {
                    overLarge++;
                    assertThat(text).doesNotContain("SELECT");
                }
            }
        }
    }

    @Test
    void theMergedColumnsOfUsingAndNaturalJoinsAreReferredToUnqualified() {
        // every other column reference is qualified (r3.i0), and aliases are never followed by an operator
        java.util.regex.Pattern bare = java.util.regex.Pattern.compile(
                "(?<![.\\w'])[bifdst]\\d+ (=|<>|<|<=|>|>=|IS|\\+|-|\\*|\\|\\||AND|OR|BETWEEN|IN|NOT|LIKE|ILIKE) ");
        long unqualified = queries(5, Dialect.POSTGRES).stream().filter(q -> bare.matcher(q).find()).count();
        assertThat(unqualified).isGreaterThan(QUERIES / 100);
    }

    @Test
    void someGroupByKeysAreExpressionsThatTheSelectListRepeats() {
        long expressions = queries(6, Dialect.POSTGRES).stream().filter(q -> q.matches("(?s).*GROUP BY [^()]*\\(.*")).count();
        assertThat(expressions).isGreaterThan(QUERIES / 100);
    }

    @Test
    void setOperationsInSubqueriesOnlyWhereNoReferenceIsCompared() {
        java.util.regex.Pattern inSubquery = java.util.regex.Pattern.compile("(?<!UNION )\\b(IN|ANY|ALL|SOME|EXISTS) \\(\\(SELECT");
        assertThat(queries(7, Dialect.POSTGRES, true)).noneMatch(q -> inSubquery.matcher(q).find());
        assertThat(queries(7, Dialect.POSTGRES, false).stream().filter(q -> inSubquery.matcher(q).find()).count()).isGreaterThan(QUERIES / 100);
    }

    @Test
    void onlyIntegerDivisionIsSpelledDifferentlyForDuckDb() {
        List<String> postgres = queries(2, Dialect.POSTGRES);
        List<String> duckdb = queries(2, Dialect.DUCKDB);
        int differing = 0;
        for (int i = 0; i < postgres.size(); i++) {
            if (!postgres.get(i).equals(duckdb.get(i))) {
                differing++;
                assertThat(duckdb.get(i)).contains(" // ");
                assertThat(duckdb.get(i).replace(" // ", " / ")).isEqualTo(postgres.get(i));
            }
        }
        assertThat(differing).isPositive();
    }

    @Test
    void tablesHaveEveryTypeNullsDuplicatesAndEmptyOrSingleRowTables() {
        Set<Kind> kinds = EnumSet.noneOf(Kind.class);
        int empty = 0;
        int single = 0;
        int withNulls = 0;
        int withDuplicates = 0;
        for (long seed = 0; seed < SCHEMAS; seed++) {
            for (FuzzSchema.Table t : QueryFuzzer.schema(seed).tables()) {
                t.columns().forEach(c -> kinds.add(c.type().kind()));
                empty += t.rows().isEmpty() ? 1 : 0;
                single += t.rows().size() == 1 ? 1 : 0;
                withNulls += t.rows().stream().anyMatch(r -> r.contains(null)) ? 1 : 0;
                withDuplicates += t.rows().stream().distinct().count() < t.rows().size() ? 1 : 0;
            }
        }
        assertThat(kinds).containsExactlyInAnyOrder(Kind.values());
        assertThat(List.of(empty, single, withNulls, withDuplicates)).allSatisfy(n -> assertThat(n).isGreaterThan(SCHEMAS / 20));
    }

    @Test
    void integerExpressionsCannotOverflow() {
        FuzzSchema schema = QueryFuzzer.schema(9);
        List<Expr.Column> columns = schema.tables().stream().flatMap(t -> t.columns().stream()
                .map(c -> new Expr.Column(t.name(), c.name(), c.type()))).toList();
        ExprContext ctx = ExprContext.rows(columns, List.of(), false);
        for (int i = 0; i < QUERIES; i++) {
            FuzzRandom random = new FuzzRandom(i);
            ExpressionGenerator expressions = new QueryGenerator(random, schema, true).expressions();
            Expr e = expressions.generate(random.pick(Kind.INTEGER, Kind.BIGINT), ctx, QueryGenerator.EXPRESSION_DEPTH);
            assertThat(Magnitude.fits(e, e.type())).as(e.sql(Dialect.POSTGRES)).isTrue();
        }
        Expr big = new Expr.Binary(Expr.Op.TIMES, new Expr.Literal(70_000, FuzzType.INTEGER), new Expr.Literal(70_000, FuzzType.INTEGER),
                FuzzType.INTEGER);
        assertThat(Magnitude.fits(big, FuzzType.INTEGER)).isFalse();
        assertThat(Magnitude.fits(big, FuzzType.BIGINT)).isTrue();
    }
}
