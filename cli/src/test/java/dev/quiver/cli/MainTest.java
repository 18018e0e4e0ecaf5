package dev.quiver.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class MainTest {
    private static final String SETUP = """
            CREATE TABLE t (a INTEGER, b VARCHAR, c DECIMAL(5,2));
            INSERT INTO t VALUES (1, 'x', 1.50), (22, NULL, -3.25), (333, 'say "hi", ok', NULL);
            """;
    private static final String QUERY = "SELECT a, b, c FROM t ORDER BY a;";

    /** The outcome of one run: exit status and what it printed. */
    private record Run(int status, String out, String err) {
    }

    private static Run run(String stdin, String... args) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        InputStream in = new ByteArrayInputStream(stdin.getBytes(StandardCharsets.UTF_8));
        int status = Main.run(args, in, new PrintStream(out, true, StandardCharsets.UTF_8), new PrintStream(err, true, StandardCharsets.UTF_8));
        return new Run(status, out.toString(StandardCharsets.UTF_8), err.toString(StandardCharsets.UTF_8));
    }

    @Test
    void tableFormatAlignsColumnsRightAlignsNumbersAndShowsNull() {
        Run r = run("", "-c", SETUP + QUERY);
        assertThat(r.status()).as(r.err()).isZero();
        assertThat(r.err()).isEmpty();
        assertThat(r.out()).isEqualTo("""
                CREATE TABLE
                INSERT 0 3
                   a | b            |     c
                -----+--------------+-------
                   1 | x            |  1.50
                  22 | NULL         | -3.25
                 333 | say "hi", ok |  NULL
                (3 rows)
                """);
    }

    @Test
    void csvFormat() {
        Run r = run("", "--format", "csv", "-c", SETUP + QUERY + "SELECT '' AS empty;");
        assertThat(r.status()).isZero();
        assertThat(r.out()).isEqualTo("a,b,c\r\n1,x,1.50\r\n22,,-3.25\r\n333,\"say \"\"hi\"\", ok\",\r\nempty\r\n\"\"\r\n");
    }

    @Test
    void jsonFormat() {
        Run r = run("", "--format=json", "-c", SETUP + QUERY + "SELECT a FROM t WHERE a > 1000;");
        assertThat(r.status()).isZero();
        assertThat(r.out()).isEqualTo("""
                [
                  {"a": 1, "b": "x", "c": 1.50},
                  {"a": 22, "b": null, "c": -3.25},
                  {"a": 333, "b": "say \\"hi\\", ok", "c": null}
                ]
                []
                """);
    }

    @Test
    void severalStatementsInOneCommand() {
        Run r = run("", "-c", "SELECT 1 AS one; SELECT 'two' AS two, 2.5 AS n", "-c", "SELECT 3 AS three");
        assertThat(r.status()).isZero();
        assertThat(r.out()).contains(" one\n-----\n   1\n(1 row)", " two |   n\n-----+-----\n two | 2.5\n(1 row)",
                " three\n-------\n     3\n(1 row)");
    }

    @Test
    void syntaxErrorExitsWithOneAndShowsTheCaret() {
        Run r = run("", "-c", "SELECT 1 AS ok;\nSELECT a FROM t WHERE;\nSELECT 2 AS never");
        assertThat(r.status()).isEqualTo(1);
        assertThat(r.out()).contains("ok").doesNotContain("never");
        assertThat(r.err()).startsWith("ERROR: ").contains("LINE 2: SELECT a FROM t WHERE;\n" + " ".repeat(29) + "^").doesNotContain("\tat ");
    }

    @Test
    void semanticErrorIsReportedWithItsPositionInTheScript(@TempDir Path dir) throws IOException {
        Path script = dir.resolve("script.sql");
        Files.writeString(script, SETUP + "\n-- a comment\nSELECT a, nope\nFROM t;\nSELECT 1;\n");
        Run r = run("", "-f", script.toString());
        assertThat(r.status()).isEqualTo(1);
        assertThat(r.out()).contains("INSERT 0 3").doesNotContain("?column?");
        assertThat(r.err()).contains("nope").contains("LINE 5: SELECT a, nope").contains("\n                  ^");
    }

    @Test
    void anErrorExcerptShowsTheScriptLineEvenWithSeveralStatementsOnIt() {
        Run r = run("", "-c", "SELECT 1 AS ok; SELECT nope");
        assertThat(r.status()).isEqualTo(1);
        // The caret sits under "nope", 23 characters into the line, after the first statement's text.
        assertThat(r.err()).contains("LINE 1: SELECT 1 AS ok; SELECT nope\n" + " ".repeat("LINE 1: ".length() + 23) + "^");
    }

    @Test
    void readsStatementsFromStandardInput() {
        Run r = run(SETUP + QUERY, "--format", "csv");
        assertThat(r.status()).isZero();
        assertThat(r.out()).startsWith("a,b,c\r\n1,x,1.50\r\n");
        Run failing = run("SELECT 1;\nSELECT * FROM missing;\n");
        assertThat(failing.status()).isEqualTo(1);
        assertThat(failing.err()).contains("ERROR: ", "missing", "LINE 2:");
    }

    @Test
    void usageErrorsAndHelp() {
        Run help = run("", "--help");
        assertThat(help.status()).isZero();
        assertThat(help.out()).contains("usage: quiver", "quiver tpch");
        Run bad = run("", "--format", "xml");
        assertThat(bad.status()).isEqualTo(2);
        assertThat(bad.err()).contains("--format must be table, csv or json");
        Run unknown = run("", "--bogus");
        assertThat(unknown.status()).isEqualTo(2);
        assertThat(unknown.err()).contains("unknown option '--bogus'");
        Run missing = run("", "-f", "/no/such/file.sql");
        assertThat(missing.status()).isEqualTo(1);
        assertThat(missing.err()).contains("cannot read /no/such/file.sql: no such file");
    }

    @Test
    void tpchSubcommandDelegatesToTheRunner() {
        Run help = run("", "tpch", "--help");
        assertThat(help.status()).isZero();
        assertThat(help.out()).contains("usage: quiver tpch");
        Run bad = run("", "tpch", "--sf", "none");
        assertThat(bad.status()).isEqualTo(2);
        Run q6 = run("", "tpch", "--sf", "0.01", "--queries", "6", "--runs", "1", "--mode", "interpret");
        assertThat(q6.status()).as(q6.out() + q6.err()).isZero();
        assertThat(q6.out()).containsPattern("Q06 +\\| +1 \\|.*\\| verified");
    }

    @Test
    void callDbgenWorksFromTheCommandLine() {
        Run r = run("", "-c", "CALL dbgen(sf => 0.001); SELECT count(*) AS n FROM nation");
        assertThat(r.status()).as(r.err()).isZero();
        assertThat(r.out()).contains("loaded TPC-H SF 0.001 in ", " n\n----\n 25\n");
    }
}
