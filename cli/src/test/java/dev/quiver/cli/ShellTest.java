package dev.quiver.cli;

import static org.assertj.core.api.Assertions.assertThat;

import dev.quiver.Database;
import dev.quiver.Quiver;
import dev.quiver.Session;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class ShellTest {
    private Database db;
    private Session session;
    private ByteArrayOutputStream out;
    private ByteArrayOutputStream err;
    private SqlRunner runner;
    private Shell shell;

    @BeforeEach
    void open() {
        db = Quiver.openInMemory();
        session = db.connect();
        out = new ByteArrayOutputStream();
        err = new ByteArrayOutputStream();
        PrintStream o = new PrintStream(out, true, StandardCharsets.UTF_8);
        PrintStream e = new PrintStream(err, true, StandardCharsets.UTF_8);
        runner = new SqlRunner(session, OutputFormat.TABLE, o, e);
        shell = new Shell(runner, o, e);
    }

    @AfterEach
    void close() {
        session.close();
        db.close();
    }

    @Test
    void runsStatementsAndPrintsAlignedTablesWithNull() {
        assertThat(shell.handle("CREATE TABLE t (name VARCHAR, qty BIGINT);\nINSERT INTO t VALUES ('apple', 5), (NULL, 12345), ('kiwi', NULL);", null)).isTrue();
        assertThat(shell.handle("SELECT name, qty FROM t ORDER BY qty;", null)).isTrue();
        assertThat(text(out)).endsWith("""
                 name  |   qty
                -------+-------
                 apple |     5
                 NULL  | 12345
                 kiwi  |  NULL
                (3 rows)
                """);
        assertThat(text(err)).isEmpty();
    }

    @Test
    void errorsArePrintedAndTheShellGoesOn() {
        assertThat(shell.handle("SELECT nope FROM nowhere; SELECT 1;", null)).isTrue();
        assertThat(text(err)).startsWith("ERROR: ").contains("nowhere", "LINE 1:", "^");
        // The statement after the failed one is not run.
        assertThat(text(out)).doesNotContain("?column?");
        assertThat(shell.handle("SELECT 2 AS two;", null)).isTrue();
        assertThat(text(out)).contains(" two\n-----\n   2\n");
    }

    @Test
    void dotCommandsChangeModeAndTimer() {
        assertThat(shell.handle(".mode csv", null)).isTrue();
        shell.handle("SELECT 1 AS a;", null);
        assertThat(text(out)).isEqualTo("a\r\n1\r\n");
        out.reset();
        shell.handle(".mode json", null);
        shell.handle(".timer on", null);
        shell.handle("SELECT 1 AS a;", null);
        assertThat(text(out)).startsWith("[\n  {\"a\": 1}\n]\n").containsPattern("Time: [0-9]+\\.[0-9]{3} ms");
        out.reset();
        shell.handle(".help", null);
        assertThat(text(out)).contains(".mode table|csv|json", "(now: json)", "(now: on)");
        shell.handle(".mode yaml", null);
        shell.handle(".timer maybe", null);
        shell.handle(".tables", null);
        assertThat(text(err)).contains("usage: .mode table|csv|json", "usage: .timer on|off", "unknown command .tables");
        assertThat(shell.handle(".quit", null)).isFalse();
        assertThat(shell.handle(".exit", null)).isFalse();
    }

    @Test
    void multiLineInputIsAcceptedOnlyWhenAStatementIsComplete() {
        assertThat(Shell.StatementLineParser.acceptable("SELECT 1")).isFalse();
        assertThat(Shell.StatementLineParser.acceptable("SELECT 1\nFROM t")).isFalse();
        assertThat(Shell.StatementLineParser.acceptable("SELECT 1\nFROM t;")).isTrue();
        assertThat(Shell.StatementLineParser.acceptable("SELECT ';")).isFalse();
        assertThat(Shell.StatementLineParser.acceptable("SELECT 1; -- done")).isTrue();
        assertThat(Shell.StatementLineParser.acceptable("   ")).isTrue();
        assertThat(Shell.StatementLineParser.acceptable(".mode csv")).isTrue();
    }

    private static String text(ByteArrayOutputStream s) {
        return s.toString(StandardCharsets.UTF_8);
    }
}
