package dev.quiver.parser;

import dev.quiver.parser.ast.AllColumns;
import dev.quiver.parser.ast.Comparison;
import dev.quiver.parser.ast.ComparisonOperator;
import dev.quiver.parser.ast.FunctionCall;
import dev.quiver.parser.ast.Join;
import dev.quiver.parser.ast.JoinType;
import dev.quiver.parser.ast.NullOrdering;
import dev.quiver.parser.ast.ParenthesizedQuery;
import dev.quiver.parser.ast.Query;
import dev.quiver.parser.ast.QuerySpecification;
import dev.quiver.parser.ast.QueryStatement;
import dev.quiver.parser.ast.SelectExpression;
import dev.quiver.parser.ast.SetOperation;
import dev.quiver.parser.ast.SetOperator;
import dev.quiver.parser.ast.SortItem;
import dev.quiver.parser.ast.Span;
import dev.quiver.parser.ast.SubqueryRelation;
import dev.quiver.parser.ast.TableReference;
import dev.quiver.parser.ast.Values;
import org.junit.jupiter.api.Test;

import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

class QueryParserTest {
    private static Query query(String sql) {
        return ((QueryStatement) SqlParser.parseStatement(sql)).query();
    }

    private static void assertShape(String sql, String shape) {
        assertThat(AstShape.of(query(sql))).as(sql).isEqualTo(shape);
    }

    @Test
    void selectList() {
        assertShape("SELECT 1", "(select 1)");
        assertShape("SELECT *", "(select *)");
        assertShape("SELECT t.*, s.t.*, *, a FROM t", "(select t.* s.t.* * a (from t))");
        assertShape("SELECT a AS x, b y, c \"Z\", d AS \"w w\" FROM t",
                "(select (as a x) (as b y) (as c \"Z\") (as d \"w w\") (from t))");
        assertShape("SELECT a date, b year, c as value FROM t", "(select (as a date) (as b year) (as c value) (from t))");
        assertShape("SELECT DISTINCT a FROM t", "(select-distinct a (from t))");
        assertShape("SELECT ALL a FROM t", "(select a (from t))");
        QuerySpecification select = (QuerySpecification) query("SELECT x.* FROM x").body();
        assertThat(select.selectItems().get(0)).isInstanceOfSatisfying(AllColumns.class,
                all -> assertThat(all.qualifier().orElseThrow().joined()).isEqualTo("x"));
    }

    @Test
    void clauses() {
        assertShape("SELECT a, count(*) FROM t WHERE b > 1 GROUP BY a, c HAVING count(*) > 2",
                "(select a (count *) (from t) (where (> b 1)) (group-by a c) (having (> (count *) 2)))");
        QuerySpecification select = (QuerySpecification) query("SELECT a FROM t WHERE a = 1 GROUP BY a").body();
        assertThat(select.where()).get().isInstanceOf(Comparison.class);
        assertThat(select.groupBy()).hasSize(1);
        assertThat(select.having()).isEmpty();
    }

    @Test
    void orderLimitOffset() {
        assertShape("SELECT a FROM t ORDER BY a, b DESC, c ASC NULLS FIRST, d NULLS LAST LIMIT 10 OFFSET 5",
                "(query (select a (from t)) (order-by a (desc b) (asc c nulls-first) (asc d nulls-last)) (limit 10) (offset 5))");
        assertShape("SELECT a FROM t OFFSET 5 ROWS LIMIT 10", "(query (select a (from t)) (limit 10) (offset 5))");
        assertShape("SELECT a FROM t OFFSET 1 ROW", "(query (select a (from t)) (offset 1))");
        assertShape("SELECT a FROM t OFFSET ?", "(query (select a (from t)) (offset ?0))");
        assertShape("SELECT a FROM t LIMIT ALL", "(select a (from t))");
        assertShape("SELECT a FROM t LIMIT ALL OFFSET 2 ROWS", "(query (select a (from t)) (offset 2))");
        assertShape("SELECT a FROM t LIMIT ? OFFSET ?", "(query (select a (from t)) (limit ?0) (offset ?1))");
        SortItem item = query("SELECT a FROM t ORDER BY a DESC").orderBy().get(0);
        assertThat(item.descending()).isTrue();
        assertThat(item.nullOrdering()).isEqualTo(NullOrdering.DEFAULT);
    }

    @Test
    void with() {
        assertShape("WITH a (x, y) AS (SELECT 1, 2), b AS (VALUES (3)) SELECT * FROM a, b",
                "(query (with (a(x y) (select 1 2)) (b (values (3)))) (select * (from (cross a b))))");
        assertShape("WITH date AS (SELECT 1) SELECT * FROM date", "(query (with (date (select 1))) (select * (from date)))");
        Query query = query("WITH a AS (SELECT 1) SELECT * FROM a");
        assertThat(query.with().orElseThrow().span()).isEqualTo(new Span(0, 20));
        assertThat(query.span()).isEqualTo(new Span(0, 36));
    }

    @Test
    void setOperations() {
        assertShape("SELECT 1 UNION SELECT 2 UNION ALL SELECT 3", "(union-all (union (select 1) (select 2)) (select 3))");
        // INTERSECT binds tighter than UNION and EXCEPT.
        assertShape("SELECT 1 UNION SELECT 2 INTERSECT SELECT 3 EXCEPT ALL SELECT 4",
                "(except-all (union (select 1) (intersect (select 2) (select 3))) (select 4))");
        assertShape("SELECT 1 INTERSECT ALL SELECT 2 INTERSECT DISTINCT SELECT 3",
                "(intersect (intersect-all (select 1) (select 2)) (select 3))");
        assertShape("SELECT 1 EXCEPT DISTINCT SELECT 2", "(except (select 1) (select 2))");
        assertShape("SELECT 1 UNION SELECT 2 ORDER BY 1 LIMIT 1", "(query (union (select 1) (select 2)) (order-by 1) (limit 1))");
        assertShape("(SELECT 1 ORDER BY 1 LIMIT 1) UNION (SELECT 2)",
                "(union (paren (query (select 1) (order-by 1) (limit 1))) (paren (select 2)))");
        SetOperation union = (SetOperation) query("SELECT 1 UNION ALL SELECT 2").body();
        assertThat(union.operator()).isEqualTo(SetOperator.UNION);
        assertThat(union.all()).isTrue();
        assertThat(union.span()).isEqualTo(new Span(0, 27));
    }

    @Test
    void longUnionChainsDoNotNeedADeepStack() {
        String sql = String.join(" UNION ALL ", java.util.Collections.nCopies(5_000, "SELECT 1"));
        assertThat(query(sql).body()).isInstanceOf(SetOperation.class);
    }

    @Test
    void valuesAndParenthesizedQueries() {
        assertShape("VALUES (1, 'a'), (2, 'b')", "(values (1 'a') (2 'b'))");
        assertShape("VALUES (1) ORDER BY 1", "(query (values (1)) (order-by 1))");
        assertShape("(SELECT 1)", "(paren (select 1))");
        assertShape("((SELECT 1)) LIMIT 1", "(query (paren (paren (select 1))) (limit 1))");
        assertShape("(WITH a AS (SELECT 1) SELECT * FROM a)", "(paren (query (with (a (select 1))) (select * (from a))))");
        Values values = (Values) query("VALUES (1, 2), (3, 4)").body();
        assertThat(values.rows()).hasSize(2).allSatisfy(row -> assertThat(row).hasSize(2));
        assertThat(query("(SELECT 1)").body()).isInstanceOf(ParenthesizedQuery.class);
    }

    @Test
    void fromLists() {
        // Comma-separated relations are left-deep CROSS joins without criteria.
        assertShape("SELECT * FROM a, b, c", "(select * (from (cross (cross a b) c)))");
        // ... and commas bind looser than JOIN.
        assertShape("SELECT * FROM a, b JOIN c ON p", "(select * (from (cross a (inner b c (on p)))))");
        Join join = (Join) ((QuerySpecification) query("SELECT * FROM aa ,  bb").body()).from().orElseThrow();
        assertThat(join.type()).isEqualTo(JoinType.CROSS);
        assertThat(join.criteria()).isEmpty();
        assertThat(join.span()).isEqualTo(new Span(14, 22));
    }

    @Test
    void joins() {
        assertShape("SELECT * FROM a JOIN b ON a.x = b.x", "(select * (from (inner a b (on (= a.x b.x)))))");
        assertShape("SELECT * FROM a INNER JOIN b USING (x, y)", "(select * (from (inner a b (using x y))))");
        assertShape("SELECT * FROM a LEFT JOIN b ON p", "(select * (from (left a b (on p))))");
        assertShape("SELECT * FROM a LEFT OUTER JOIN b ON p", "(select * (from (left a b (on p))))");
        assertShape("SELECT * FROM a RIGHT JOIN b ON p", "(select * (from (right a b (on p))))");
        assertShape("SELECT * FROM a RIGHT OUTER JOIN b ON p", "(select * (from (right a b (on p))))");
        assertShape("SELECT * FROM a FULL JOIN b ON p", "(select * (from (full a b (on p))))");
        assertShape("SELECT * FROM a FULL OUTER JOIN b USING (k)", "(select * (from (full a b (using k))))");
        assertShape("SELECT * FROM a CROSS JOIN b", "(select * (from (cross a b)))");
        assertShape("SELECT * FROM a NATURAL JOIN b", "(select * (from (natural-inner a b)))");
        assertShape("SELECT * FROM a NATURAL INNER JOIN b", "(select * (from (natural-inner a b)))");
        assertShape("SELECT * FROM a NATURAL LEFT JOIN b", "(select * (from (natural-left a b)))");
        assertShape("SELECT * FROM a NATURAL FULL OUTER JOIN b", "(select * (from (natural-full a b)))");
        assertShape("SELECT * FROM a JOIN b ON p JOIN c ON q", "(select * (from (inner (inner a b (on p)) c (on q))))");
        assertShape("SELECT * FROM a JOIN b JOIN c ON q ON p", "(select * (from (inner a (inner b c (on q)) (on p))))");
        assertShape("SELECT * FROM a CROSS JOIN b JOIN c ON p", "(select * (from (inner (cross a b) c (on p))))");
        assertShape("SELECT * FROM (a JOIN b ON p) LEFT JOIN (c CROSS JOIN d) ON q",
                "(select * (from (left (inner a b (on p)) (cross c d) (on q))))");
        assertShape("SELECT * FROM ((a))", "(select * (from a))");
        Join join = (Join) ((QuerySpecification) query("SELECT * FROM a LEFT JOIN b ON true").body()).from().orElseThrow();
        assertThat(join.type()).isEqualTo(JoinType.LEFT);
        assertThat(join.span()).isEqualTo(new Span(14, 35));
    }

    @Test
    void tablesAndAliases() {
        assertShape("SELECT * FROM s.t", "(select * (from s.t))");
        assertShape("SELECT * FROM t AS x", "(select * (from (as t x)))");
        assertShape("SELECT * FROM t x", "(select * (from (as t x)))");
        assertShape("SELECT * FROM t AS x (a, b)", "(select * (from (as t x(a b))))");
        assertShape("SELECT * FROM \"My Table\" \"M\"", "(select * (from (as \"My Table\" \"M\")))");
        assertShape("SELECT * FROM date year", "(select * (from (as date year)))");
        TableReference table = (TableReference) ((QuerySpecification) query("SELECT * FROM t AS x (a)").body())
                .from().orElseThrow();
        assertThat(table.alias().orElseThrow().span()).isEqualTo(new Span(16, 24));
        assertThat(table.span()).isEqualTo(new Span(14, 24));
    }

    @Test
    void derivedTables() {
        assertShape("SELECT * FROM (SELECT 1) s", "(select * (from (as (derived (select 1)) s)))");
        assertShape("SELECT * FROM (SELECT 1) AS s (x)", "(select * (from (as (derived (select 1)) s(x))))");
        assertShape("SELECT * FROM (SELECT 1)", "(select * (from (derived (select 1))))");
        assertShape("SELECT * FROM (VALUES (1, 'a'), (2, 'b')) AS t(a, b)",
                "(select * (from (as (derived (values (1 'a') (2 'b'))) t(a b))))");
        assertShape("SELECT * FROM ((SELECT 1) x JOIN y ON p)", "(select * (from (inner (as (derived (select 1)) x) y (on p))))");
        assertShape("SELECT * FROM ((SELECT 1))", "(select * (from (derived (paren (select 1)))))");
        SubqueryRelation derived = (SubqueryRelation) ((QuerySpecification) query("SELECT * FROM (SELECT 1) s").body())
                .from().orElseThrow();
        assertThat(derived.alias().orElseThrow().name().value()).isEqualTo("s");
    }

    @Test
    void tpchQ1() {
        String sql = """
                select
                    l_returnflag,
                    l_linestatus,
                    sum(l_quantity) as sum_qty,
                    sum(l_extendedprice) as sum_base_price,
                    sum(l_extendedprice * (1 - l_discount)) as sum_disc_price,
                    sum(l_extendedprice * (1 - l_discount) * (1 + l_tax)) as sum_charge,
                    avg(l_quantity) as avg_qty,
                    avg(l_extendedprice) as avg_price,
                    avg(l_discount) as avg_disc,
                    count(*) as count_order
                from
                    lineitem
                where
                    l_shipdate <= date '1998-12-01' - interval '90' day (3)
                group by
                    l_returnflag,
                    l_linestatus
                order by
                    l_returnflag,
                    l_linestatus;
                """;
        Query query = query(sql);
        QuerySpecification select = (QuerySpecification) query.body();
        assertThat(select.selectItems()).hasSize(10);
        assertThat(select.selectItems().stream().map(item -> ((SelectExpression) item).alias()
                .map(alias -> alias.value()).orElse("-")).toList())
                .containsExactly("-", "-", "sum_qty", "sum_base_price", "sum_disc_price", "sum_charge", "avg_qty",
                        "avg_price", "avg_disc", "count_order");
        assertThat(AstShape.of(((SelectExpression) select.selectItems().get(5)).expression()))
                .isEqualTo("(sum (* (* l_extendedprice (- 1 l_discount)) (+ 1 l_tax)))");
        assertThat(((SelectExpression) select.selectItems().get(9)).expression())
                .isInstanceOfSatisfying(FunctionCall.class, count -> assertThat(count.star()).isTrue());
        assertThat(AstShape.of(select.where().orElseThrow()))
                .isEqualTo("(<= l_shipdate (- (date '1998-12-01') (interval '90' day)))");
        assertThat(select.groupBy()).extracting(AstShape::of).containsExactly("l_returnflag", "l_linestatus");
        assertThat(query.orderBy()).extracting(item -> AstShape.of(item.key())).containsExactly("l_returnflag", "l_linestatus");
        assertThat(query.limit()).isEmpty();
    }

    @Test
    void tpchQ6() {
        String sql = """
                select
                    sum(l_extendedprice * l_discount) as revenue
                from
                    lineitem
                where
                    l_shipdate >= date '1994-01-01'
                    and l_shipdate < date '1994-01-01' + interval '1' year
                    and l_discount between .06 - 0.01 and .06 + 0.01
                    and l_quantity < 24;
                """;
        assertShape(sql, "(select (as (sum (* l_extendedprice l_discount)) revenue) (from lineitem) (where "
                + "(and (and (and (>= l_shipdate (date '1994-01-01')) "
                + "(< l_shipdate (+ (date '1994-01-01') (interval '1' year)))) "
                + "(between l_discount (- .06 0.01) (+ .06 0.01))) (< l_quantity 24))))");
        Comparison last = (Comparison) ((dev.quiver.parser.ast.LogicalBinary) ((QuerySpecification) query(sql).body())
                .where().orElseThrow()).right();
        assertThat(last.operator()).isEqualTo(ComparisonOperator.LESS_THAN);
    }

    @Test
    void queryBodiesHaveSpans() {
        Query query = query("SELECT a FROM t ORDER BY a LIMIT 3");
        assertThat(query.span()).isEqualTo(new Span(0, 34));
        assertThat(query.body().span()).isEqualTo(new Span(0, 15));
        assertThat(query.orderBy()).extracting(SortItem::span).containsExactly(new Span(25, 26));
        assertThat(List.of(query.limit().orElseThrow().span())).containsExactly(new Span(33, 34));
    }
}
