package dev.quiver.sqllogic;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.quiver.sqllogic.SqlLogicRecord.Query;
import dev.quiver.sqllogic.SqlLogicRecord.SortMode;
import dev.quiver.sqllogic.SqlLogicRecord.Statement;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** Tests of the sqllogictest harness itself: parsing, rendering, sorting, hashing, and that it fails when it should. */
class SqlLogicHarnessTest {
    @Test
    void parsesStatementsQueriesAndConditions() {
        List<SqlLogicRecord> records = SqlLogicParser.parse("t.test", String.join("\n",
                "# a comment",
                "statement ok",
                "CREATE TABLE t (a INTEGER,",
                "  b VARCHAR)",
                "",
                "statement error [22012] division by zero",
                "SELECT 1 / 0",
                "",
                "skipif quiver",
                "query I",
                "SELECT 'skipped'",
                "----",
                "x",
                "",
                "onlyif sqlite",
                "statement ok",
                "SELECT 'skipped too'",
                "",
                "onlyif postgresql",
                "query IT rowsort lbl",
                "SELECT a, b",
                "FROM t",
                "----",
                "1\tx y",
                "2\tNULL",
                "",
                "query II",
                "SELECT 1, 2",
                "----",
                "1",
                "2",
                "3",
                "4",
                "",
                "query II valuesort",
                "SELECT 1, 2",
                "----",
                "1  2",
                "",
                "hash-threshold 8",
                "",
                "query I nosort",
                "SELECT 1",
                "----",
                "1 values hashing to B026324C6904B2A9CB4B88D6D61C81D1",
                "",
                "statement error",
                "SELECT nothing",
                "----",
                "column \"nothing\" does not exist",
                "",
                "halt",
                "",
                "statement ok",
                "SELECT 'after halt'"));
        assertThat(records).hasSize(8);
        Statement create = (Statement) records.get(0);
        assertThat(create.line()).isEqualTo(2);
        assertThat(create.sql()).isEqualTo("CREATE TABLE t (a INTEGER,\n  b VARCHAR)");
        assertThat(create.expectError()).isFalse();
        Statement error = (Statement) records.get(1);
        assertThat(error.expectError()).isTrue();
        assertThat(error.errorFragment()).contains("[22012] division by zero");
        Query rows = (Query) records.get(2);
        assertThat(rows.line()).isEqualTo(20);
        assertThat(rows.types()).isEqualTo("IT");
        assertThat(rows.sort()).isEqualTo(SortMode.ROWSORT);
        assertThat(rows.label()).contains("lbl");
        assertThat(rows.sql()).isEqualTo("SELECT a, b\nFROM t");
        assertThat(rows.values()).contains(List.of("1", "x y", "2", "NULL"));
        Query perLine = (Query) records.get(3);
        assertThat(perLine.values()).contains(List.of("1", "2", "3", "4"));
        Query spaces = (Query) records.get(4);
        assertThat(spaces.sort()).isEqualTo(SortMode.VALUESORT);
        assertThat(spaces.values()).contains(List.of("1", "2"));
        assertThat(records.get(5)).isInstanceOf(SqlLogicRecord.HashThreshold.class);
        Query hashed = (Query) records.get(6);
        assertThat(hashed.values()).isEmpty();
        assertThat(hashed.hashedCount()).isEqualTo(1);
        assertThat(hashed.hash()).contains("b026324c6904b2a9cb4b88d6d61c81d1");
        assertThat(((Statement) records.get(7)).errorFragment()).contains("column \"nothing\" does not exist");
    }

    @Test
    void duckDbStyleErrorMessageAfterDashes() {
        List<SqlLogicRecord> records = SqlLogicParser.parse("t.test", "statement error\nSELECT x\n----\ncolumn \"x\" does not exist\n");
        assertThat(((Statement) records.get(0)).errorFragment()).contains("column \"x\" does not exist");
    }

    @Test
    void rejectsMalformedFiles() {
        assertThatThrownBy(() -> SqlLogicParser.parse("bad.test", "query X\nSELECT 1\n----\n1\n"))
                .hasMessageContaining("bad.test:1");
        assertThatThrownBy(() -> SqlLogicParser.parse("bad.test", "query I\nSELECT 1\n"))
                .hasMessageContaining("expected \"----\"");
        assertThatThrownBy(() -> SqlLogicParser.parse("bad.test", "query II\nSELECT 1, 2\n----\n1\n2\n3\n"))
                .hasMessageContaining("do not fill rows of 2 columns");
        assertThatThrownBy(() -> SqlLogicParser.parse("bad.test", "query I\nSELECT 1\n----\n1\t2\n"))
                .hasMessageContaining("bad.test:4");
        assertThatThrownBy(() -> SqlLogicParser.parse("bad.test", "frobnicate\n")).hasMessageContaining("unknown record");
    }

    @Test
    void rendersValuesAsSqlLogicTestText() {
        assertThat(ValueRenderer.render(null)).isEqualTo("NULL");
        assertThat(ValueRenderer.render("")).isEqualTo("(empty)");
        assertThat(ValueRenderer.render(true)).isEqualTo("true");
        assertThat(ValueRenderer.render(new BigDecimal("1.50"))).isEqualTo("1.50");
        assertThat(ValueRenderer.render(new BigDecimal("1E+3"))).isEqualTo("1000");
        assertThat(ValueRenderer.render(0.1 + 0.2)).isEqualTo("0.30000000000000004");
        assertThat(ValueRenderer.render(1e20)).isEqualTo("1e+20");
        assertThat(ValueRenderer.render(0.1f)).isEqualTo("0.1");
        assertThat(ValueRenderer.render(LocalDate.of(2020, 2, 29))).isEqualTo("2020-02-29");
        assertThat(ValueRenderer.render(LocalDateTime.of(2020, 1, 2, 3, 4, 5, 500_000_000))).isEqualTo("2020-01-02 03:04:05.5");
        assertThat(ValueRenderer.render(LocalDateTime.of(2020, 1, 2, 0, 0))).isEqualTo("2020-01-02 00:00:00");
    }

    @Test
    void sortsAndHashesLikeSqlLogicTest() {
        List<List<String>> rows = List.of(List.of("b", "1"), List.of("a", "2"), List.of("a", "10"));
        assertThat(SqlLogicResults.sorted(rows, SortMode.NOSORT)).containsExactly("b", "1", "a", "2", "a", "10");
        assertThat(SqlLogicResults.sorted(rows, SortMode.ROWSORT)).containsExactly("a", "10", "a", "2", "b", "1");
        assertThat(SqlLogicResults.sorted(rows, SortMode.VALUESORT)).containsExactly("1", "10", "2", "a", "a", "b");
        // md5("1\n") as `printf '1\n' | md5sum` prints it
        assertThat(SqlLogicResults.md5(List.of("1"))).isEqualTo("b026324c6904b2a9cb4b88d6d61c81d1");
        assertThat(SqlLogicResults.md5(List.of("1", "2", "3"))).isEqualTo("c0710d6b4f15dfa88f600b0e6b624077");
    }

    @Test
    void realValuesCompareWithRelativeTolerance() {
        assertThat(SqlLogicDialect.QUIVER.sameValue("0.3333333333333333", "0.33333333333333337", 'R')).isTrue();
        assertThat(SqlLogicDialect.QUIVER.sameValue("1.5", "1.500000", 'R')).isTrue();
        assertThat(SqlLogicDialect.QUIVER.sameValue("1.5", "1.5000001", 'R')).isFalse();
        assertThat(SqlLogicDialect.QUIVER.sameValue("1.5", "1.500000", 'T')).isFalse();
        assertThat(SqlLogicDialect.QUIVER.sameValue("NULL", "0", 'R')).isFalse();
        assertThat(SqlLogicDialect.QUIVER.sameValue("NaN", "NaN", 'R')).isTrue();
    }

    @Test
    void runnerPassesCorrectRecordsAndFailsWrongOnes() {
        List<SqlLogicRecord> records = SqlLogicParser.parse("self.test", String.join("\n",
                "statement ok",
                "CREATE TABLE t (a INTEGER, b VARCHAR)",
                "",
                "statement ok",
                "INSERT INTO t VALUES (2, 'y'), (1, ''), (3, NULL)",
                "",
                "query IT rowsort",
                "SELECT a, b FROM t",
                "----",
                "1\t(empty)",
                "2\ty",
                "3\tNULL",
                "",
                "query I nosort",
                "SELECT a FROM t ORDER BY a",
                "----",
                "3 values hashing to c0710d6b4f15dfa88f600b0e6b624077",
                "",
                "statement error [22012] division by zero",
                "SELECT a / 0 FROM t",
                "",
                "query I nosort",
                "SELECT a FROM t ORDER BY a DESC",
                "----",
                "1",
                "2",
                "3",
                "",
                "statement error",
                "SELECT 1",
                "",
                "statement error [42703] division by zero",
                "SELECT a / 0 FROM t",
                "",
                "statement error nonexistent text",
                "SELECT a / 0 FROM t",
                "",
                "query I",
                "SELECT a, b FROM t",
                "----",
                "1",
                "",
                "statement ok",
                "SELECT nothing FROM t",
                "",
                "query I nosort",
                "SELECT a FROM t ORDER BY a",
                "----",
                "3 values hashing to 00000000000000000000000000000000",
                "",
                "query I nosort label1",
                "SELECT 1",
                "----",
                "1",
                "",
                "query I nosort label1",
                "SELECT 2",
                "----",
                "2"));
        try (SqlLogicRunner runner = new SqlLogicRunner("self.test")) {
            for (int i = 0; i < 5; i++) {
                runner.run(records.get(i));
            }
            assertThatThrownBy(() -> runner.run(records.get(5)))
                    .hasMessageContaining("self.test:22: wrong result")
                    .hasMessageContaining("SQL: SELECT a FROM t ORDER BY a DESC")
                    .hasMessageContaining("expected (3 rows):\n  1\n  2\n  3")
                    .hasMessageContaining("actual (3 rows):\n  3\n  2\n  1")
                    .hasMessageContaining("first difference: row 1, column 1: expected 1, actual 3");
            assertThatThrownBy(() -> runner.run(records.get(6))).hasMessageContaining("self.test:29: statement succeeded but an error was expected");
            assertThatThrownBy(() -> runner.run(records.get(7))).hasMessageContaining("wrong SQLSTATE: expected 42703, actual 22012");
            assertThatThrownBy(() -> runner.run(records.get(8))).hasMessageContaining("does not contain the expected text");
            assertThatThrownBy(() -> runner.run(records.get(9))).hasMessageContaining("returned 2 columns");
            assertThatThrownBy(() -> runner.run(records.get(10)))
                    .hasMessageContaining("self.test:43: statement failed")
                    .hasMessageContaining("column \"nothing\" does not exist");
            assertThatThrownBy(() -> runner.run(records.get(11))).hasMessageContaining("3 values hashing to c0710d6b4f15dfa88f600b0e6b624077");
            runner.run(records.get(12));
            assertThatThrownBy(() -> runner.run(records.get(13))).hasMessageContaining("differs from the earlier query labelled \"label1\"");
            assertThat(runner.finish()).isZero();
        }
    }

    @Test
    void emptyResultsAndOptionalFragments() {
        List<SqlLogicRecord> records = SqlLogicParser.parse("e.test", "query I\nSELECT 1 WHERE false\n----\n\nstatement error\nSELECT 1 / 0\n");
        assertThat(((Query) records.get(0)).values()).contains(List.of());
        assertThat(((Statement) records.get(1)).errorFragment()).isEqualTo(Optional.empty());
        try (SqlLogicRunner runner = new SqlLogicRunner("e.test")) {
            records.forEach(runner::run);
            runner.finish();
        }
    }
}
