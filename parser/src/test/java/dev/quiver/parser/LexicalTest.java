package dev.quiver.parser;

import dev.quiver.parser.ast.ColumnReference;
import dev.quiver.parser.ast.CreateTable;
import dev.quiver.parser.ast.Identifier;
import dev.quiver.parser.ast.QuerySpecification;
import dev.quiver.parser.ast.QueryStatement;
import dev.quiver.parser.ast.SelectExpression;
import dev.quiver.parser.ast.Span;
import dev.quiver.parser.ast.StringLiteral;
import dev.quiver.parser.ast.TableReference;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Set;
import java.util.TreeSet;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class LexicalTest {
    private static QuerySpecification select(String sql) {
        return (QuerySpecification) ((QueryStatement) SqlParser.parseStatement(sql)).query().body();
    }

    private static SelectExpression item(String sql, int index) {
        return (SelectExpression) select(sql).selectItems().get(index);
    }

    @Test
    void unquotedIdentifiersAreFoldedToLowerCase() {
        ColumnReference column = (ColumnReference) SqlParser.parseExpression("MyTable.MyColumn");
        assertThat(column.parts()).containsExactly(
                new Identifier("mytable", false, new Span(0, 7)),
                new Identifier("mycolumn", false, new Span(8, 16)));
        assertThat(((ColumnReference) SqlParser.parseExpression("a_1$b")).column().value()).isEqualTo("a_1$b");
        assertThat(((ColumnReference) SqlParser.parseExpression("_x")).column().value()).isEqualTo("_x");
        assertThat(((ColumnReference) SqlParser.parseExpression("Ünïcödé")).column().value()).isEqualTo("ünïcödé");
    }

    @Test
    void keywordsAreCaseInsensitive() {
        assertThat(AstShape.of(SqlParser.parseStatement("sElEcT a FrOm t WhErE b")))
                .isEqualTo("(select a (from t) (where b))");
    }

    @Test
    void quotedIdentifiersKeepTheirCase() {
        Identifier quoted = ((ColumnReference) SqlParser.parseExpression("\"My \"\"Col\"\"\"")).column();
        assertThat(quoted).isEqualTo(new Identifier("My \"Col\"", true, new Span(0, 12)));
        assertThat(quoted.display()).isEqualTo("\"My \"\"Col\"\"\"");
        Identifier keyword = ((ColumnReference) SqlParser.parseExpression("\"select\"")).column();
        assertThat(keyword).isEqualTo(new Identifier("select", true, new Span(0, 8)));
        TableReference table = (TableReference) select("SELECT 1 FROM \"Order\"").from().orElseThrow();
        assertThat(table.name().last().value()).isEqualTo("Order");
    }

    @Test
    void emptyQuotedIdentifierIsRejected() {
        assertThatThrownBy(() -> SqlParser.parseExpression("a + \"\""))
                .isInstanceOf(SqlSyntaxException.class)
                .hasMessage("""
                        syntax error at line 1, column 5: zero-length quoted identifier; a name needs at least one character
                        LINE 1: a + ""
                                    ^""");
    }

    @Test
    void stringLiterals() {
        assertThat(((StringLiteral) SqlParser.parseExpression("'it''s'")).value()).isEqualTo("it's");
        assertThat(((StringLiteral) SqlParser.parseExpression("''''")).value()).isEqualTo("'");
        assertThat(((StringLiteral) SqlParser.parseExpression("'a\nb -- not a comment /* nor this */'")).value())
                .isEqualTo("a\nb -- not a comment /* nor this */");
        assertThat(((StringLiteral) SqlParser.parseExpression("'\"'")).value()).isEqualTo("\"");
    }

    @Test
    void comments() {
        assertThat(AstShape.of(SqlParser.parseStatement("""
                -- leading comment
                SELECT a, -- trailing comment
                       /* block
                          comment */ b
                FROM /**/ t /* ; */ -- end""")))
                .isEqualTo("(select a b (from t))");
        assertThat(AstShape.of(SqlParser.parseExpression("1/*x*/+/**/2--"))).isEqualTo("(+ 1 2)");
        assertThat(AstShape.of(SqlParser.parseExpression("1 /* a /* not nested */ + 2"))).isEqualTo("(+ 1 2)");
        assertThat(AstShape.of(SqlParser.parseExpression("a--b\n-c"))).isEqualTo("(- a c)");
    }

    @Test
    void numbersKeepTheirText() {
        for (String number : List.of("0", "123", "1.5", ".5", "5.", "1e10", "1E10", "2.5E-3", "2.5e+3", "1.e5", ".5E1")) {
            assertThat(AstShape.of(SqlParser.parseExpression(number))).isEqualTo(number);
        }
    }

    @Test
    void spans() {
        SelectExpression column = item("SELECT  abc FROM t", 0);
        assertThat(column.expression().span()).isEqualTo(new Span(8, 11));
        assertThat(column.span()).isEqualTo(new Span(8, 11));
        SelectExpression aliased = item("SELECT a + b AS total, 'x' FROM t", 0);
        assertThat(aliased.expression().span()).isEqualTo(new Span(7, 12));
        assertThat(aliased.alias().orElseThrow().span()).isEqualTo(new Span(16, 21));
        assertThat(aliased.span()).isEqualTo(new Span(7, 21));
        // Parentheses belong to the enclosing node, not to the expression inside them.
        assertThat(SqlParser.parseExpression("(a + b)").span()).isEqualTo(new Span(1, 6));
        assertThat(SqlParser.parseExpression("(a + b) * c").span()).isEqualTo(new Span(0, 11));
        // Multi-line text: spans are char offsets into the whole string.
        SelectExpression second = item("SELECT a,\n       bb\nFROM t", 1);
        assertThat(second.span()).isEqualTo(new Span(17, 19));
    }

    @Test
    void spansAreCharOffsetsEvenAfterSupplementaryCharacters() {
        String sql = "SELECT '\uD83D\uDE00\uD83D\uDE00', xyz FROM t";
        SelectExpression emoji = item(sql, 0);
        assertThat(((StringLiteral) emoji.expression()).value()).isEqualTo("\uD83D\uDE00\uD83D\uDE00");
        assertThat(emoji.span()).isEqualTo(new Span(7, 13));
        SelectExpression column = item(sql, 1);
        assertThat(column.span()).isEqualTo(new Span(15, 18));
        assertThat(sql.substring(15, 18)).isEqualTo("xyz");
        assertThatThrownBy(() -> SqlParser.parseStatement("SELECT '\uD83D\uDE00' # x"))
                .isInstanceOfSatisfying(SqlSyntaxException.class, e -> {
                    assertThat(e.position()).hasValue(12);
                    assertThat(e.columnNumber()).isEqualTo(13);
                });
    }

    @Test
    void reservedKeywords() {
        assertThat(SqlParser.reservedKeywords()).containsExactlyElementsOf(new TreeSet<>(Set.of(
                "ALL", "AND", "AS", "BETWEEN", "BY", "CASE", "CAST", "CREATE", "CROSS", "DISTINCT", "DROP", "ELSE",
                "END", "EXCEPT", "EXISTS", "FALSE", "FROM", "FULL", "GROUP", "HAVING", "ILIKE", "IN", "INNER", "INSERT",
                "INTERSECT", "INTO", "IS", "JOIN", "LEFT", "LIKE", "LIMIT", "NATURAL", "NOT", "NULL", "OFFSET", "ON",
                "OR", "ORDER", "OUTER", "RIGHT", "SELECT", "THEN", "TRUE", "UNION", "USING", "VALUES", "WHEN", "WHERE",
                "WITH")));
        for (String keyword : SqlParser.reservedKeywords()) {
            assertThatThrownBy(() -> SqlParser.parseStatement("SELECT x FROM " + keyword.toLowerCase()))
                    .as(keyword)
                    .isInstanceOf(SqlSyntaxException.class);
            TableReference quoted = (TableReference) select("SELECT x FROM \"" + keyword.toLowerCase() + "\"")
                    .from().orElseThrow();
            assertThat(quoted.name().last().value()).isEqualTo(keyword.toLowerCase());
        }
    }

    @Test
    void everyNonReservedKeywordIsAName() {
        Set<String> nonReserved = TokenNames.nonReservedKeywords();
        assertThat(nonReserved).contains("DATE", "YEAR", "MONTH", "DAY", "HOUR", "MINUTE", "SECOND", "KEY", "FIRST",
                "LAST", "NULLS", "VIEW", "TABLE", "TIME", "TIMESTAMP", "INTERVAL", "SET", "TO");
        assertThat(nonReserved).doesNotContainAnyElementsOf(SqlParser.reservedKeywords());
        for (String keyword : nonReserved) {
            String word = keyword.toLowerCase();
            String sql = "SELECT %1$s, %1$s.%1$s AS %1$s, 1 %1$s FROM %1$s %1$s WHERE %1$s = 1".formatted(word);
            assertThat(AstShape.of(SqlParser.parseStatement(sql))).as(sql).isEqualTo(
                    "(select %1$s (as %1$s.%1$s %1$s) (as 1 %1$s) (from (as %1$s %1$s)) (where (= %1$s 1)))".formatted(word));
            String ddl = "CREATE TABLE %1$s (%1$s %1$s)".formatted(word);
            assertThat(SqlParser.parseStatement(ddl)).as(ddl).isInstanceOfSatisfying(CreateTable.class,
                    table -> assertThat(table.columns().get(0).type().name()).isEqualTo(word));
        }
    }
}
