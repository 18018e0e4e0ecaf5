package dev.quiver.parser;

import org.junit.jupiter.api.Test;

import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

class StatementSplitterTest {
    @Test
    void splitsOnSemicolons() {
        assertThat(StatementSplitter.split("SELECT 1; SELECT 2;\nSELECT 3"))
                .containsExactly("SELECT 1", "SELECT 2", "SELECT 3");
        assertThat(StatementSplitter.split("  SELECT\n  1  ;  ")).containsExactly("SELECT\n  1");
    }

    @Test
    void dropsEmptyStatements() {
        assertThat(StatementSplitter.split("")).isEmpty();
        assertThat(StatementSplitter.split(" ;; \n ; ")).isEmpty();
        assertThat(StatementSplitter.split("-- only a comment\n; /* and another */ ;")).isEmpty();
        assertThat(StatementSplitter.split(";SELECT 1;;")).containsExactly("SELECT 1");
    }

    @Test
    void semicolonsInsideStringsIdentifiersAndCommentsDoNotSplit() {
        assertThat(StatementSplitter.split("SELECT ';', 'it''s;' FROM \"a;b\"; SELECT \"x\"\";\"")).containsExactly(
                "SELECT ';', 'it''s;' FROM \"a;b\"", "SELECT \"x\"\";\"");
        assertThat(StatementSplitter.split("SELECT 1 -- no split; here\n, 2; SELECT /* ; */ 3")).containsExactly(
                "SELECT 1 -- no split; here\n, 2", "SELECT /* ; */ 3");
        // A line comment also ends at a carriage return, as in the lexer.
        assertThat(StatementSplitter.split("SELECT 1 --c\r; SELECT 2")).containsExactly("SELECT 1 --c", "SELECT 2");
    }

    @Test
    void commentsAroundAStatementStayWithIt() {
        assertThat(StatementSplitter.split("-- header\nSELECT 1; -- trailer")).containsExactly("-- header\nSELECT 1");
    }

    @Test
    void unterminatedTokensRunToTheEnd() {
        assertThat(StatementSplitter.split("SELECT 'abc; SELECT 2")).containsExactly("SELECT 'abc; SELECT 2");
        assertThat(StatementSplitter.split("SELECT 1; SELECT \"x; y")).containsExactly("SELECT 1", "SELECT \"x; y");
        assertThat(StatementSplitter.split("SELECT 1; /* open; SELECT 2")).containsExactly("SELECT 1", "/* open; SELECT 2");
    }

    @Test
    void splitPiecesParse() {
        String script = "CREATE TABLE t (a int); INSERT INTO t VALUES (';'); SELECT a -- ;\n FROM t;";
        List<String> statements = StatementSplitter.split(script);
        assertThat(statements).hasSize(3);
        assertThat(statements).allSatisfy(statement -> assertThat(SqlParser.parseStatement(statement)).isNotNull());
        assertThat(SqlParser.parseScript(script)).hasSize(3);
    }

    @Test
    void completeness() {
        assertThat(StatementSplitter.isComplete("SELECT 1;")).isTrue();
        assertThat(StatementSplitter.isComplete("SELECT 1;  \n\t")).isTrue();
        assertThat(StatementSplitter.isComplete("SELECT 1; -- done")).isTrue();
        assertThat(StatementSplitter.isComplete("SELECT 1; /* done */ ")).isTrue();
        assertThat(StatementSplitter.isComplete(";")).isTrue();
        assertThat(StatementSplitter.isComplete("SELECT 1; SELECT 2;")).isTrue();

        assertThat(StatementSplitter.isComplete("")).isFalse();
        assertThat(StatementSplitter.isComplete("   ")).isFalse();
        assertThat(StatementSplitter.isComplete("SELECT 1")).isFalse();
        assertThat(StatementSplitter.isComplete("SELECT 1;\nSELECT 2")).isFalse();
        assertThat(StatementSplitter.isComplete("SELECT ';'")).isFalse();
        assertThat(StatementSplitter.isComplete("SELECT 'abc;")).isFalse();
        assertThat(StatementSplitter.isComplete("SELECT \"abc;")).isFalse();
        assertThat(StatementSplitter.isComplete("SELECT 1 -- ;")).isFalse();
        assertThat(StatementSplitter.isComplete("SELECT 1 /* ; */")).isFalse();
        assertThat(StatementSplitter.isComplete("SELECT 1; /* unterminated")).isFalse();
        assertThat(StatementSplitter.isComplete("SELECT 'it''s';")).isTrue();
    }
}
