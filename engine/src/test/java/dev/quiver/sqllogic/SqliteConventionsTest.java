package dev.quiver.sqllogic;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.quiver.ExecutionMode;
import dev.quiver.sqllogic.SqlLogicRecord.Query;
import java.math.BigDecimal;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** Tests of the SQLite corpus conventions: value rendering, one value per line, conditions, the corpus, the lists and the report. */
class SqliteConventionsTest {
    @Test
    void integersTruncateAndConvertAsSqliteDoes() {
        assertThat(SqliteValues.render(null, 'I')).isEqualTo("NULL");
        assertThat(SqliteValues.render(-5L, 'I')).isEqualTo("-5");
        assertThat(SqliteValues.render(7, 'I')).isEqualTo("7");
        assertThat(SqliteValues.render(new BigDecimal("2.9"), 'I')).isEqualTo("2");
        assertThat(SqliteValues.render(new BigDecimal("-2.9"), 'I')).isEqualTo("-2");
        assertThat(SqliteValues.render(-2.9, 'I')).isEqualTo("-2");
        assertThat(SqliteValues.render(1e30, 'I')).isEqualTo(Long.toString(Long.MAX_VALUE));
        assertThat(SqliteValues.render(true, 'I')).isEqualTo("1");
        assertThat(SqliteValues.render(" 12abc", 'I')).isEqualTo("12");
        assertThat(SqliteValues.render("3.7e1x", 'I')).isEqualTo("37");
        assertThat(SqliteValues.render("abc", 'I')).isEqualTo("0");
    }

    @Test
    void realsPrintThreeDecimalsOfTheExactBinaryValue() {
        assertThat(SqliteValues.render(1L, 'R')).isEqualTo("1.000");
        assertThat(SqliteValues.render(2.0 / 3, 'R')).isEqualTo("0.667");
        assertThat(SqliteValues.render(new BigDecimal("-12.3456"), 'R')).isEqualTo("-12.346");
        // 0.0625 is exact in binary: a tie, rounded away from zero as SQLite's printf does
        assertThat(SqliteValues.render(0.0625, 'R')).isEqualTo("0.063");
        // 1.0005 is 1.000499999... in binary: below the tie
        assertThat(SqliteValues.render(1.0005, 'R')).isEqualTo("1.000");
        assertThat(SqliteValues.render(-0.0004, 'R')).isEqualTo("-0.000");
        assertThat(SqliteValues.render("2.5 apples", 'R')).isEqualTo("2.500");
        assertThat(SqliteValues.render(null, 'R')).isEqualTo("NULL");
    }

    @Test
    void textShowsEmptyAndUnprintableCharactersAsSqliteDoes() {
        assertThat(SqliteValues.render("", 'T')).isEqualTo("(empty)");
        assertThat(SqliteValues.render("a b", 'T')).isEqualTo("a b");
        assertThat(SqliteValues.render("a\tb\u00e9", 'T')).isEqualTo("a@b@");
        assertThat(SqliteValues.render(12L, 'T')).isEqualTo("12");
        assertThat(SqliteValues.render(false, 'T')).isEqualTo("0");
        assertThat(SqliteValues.render(1.5, 'T')).isEqualTo("1.5");
        assertThat(SqliteValues.render(100.0, 'T')).isEqualTo("100.0");
        assertThat(SqliteValues.render(1e20, 'T')).isEqualTo("1.0e+20");
        assertThat(SqliteValues.render(1.0 / 3, 'T')).isEqualTo("0.333333333333333");
        assertThat(SqliteValues.render(0.00001, 'T')).isEqualTo("1.0e-05");
        assertThat(SqliteValues.render(new BigDecimal("4.00"), 'T')).isEqualTo("4");
        assertThat(SqliteValues.render(new BigDecimal("4.50"), 'T')).isEqualTo("4.5");
        assertThatThrownBy(() -> SqliteValues.render(1, 'X')).hasMessageContaining("none of I, T, R");
    }

    @Test
    void corpusResultsAreOneValuePerLineAndConditionsCountAsSkipped() {
        SqlLogicScript script = SqlLogicParser.parse("c.test", String.join("\n",
                "hash-threshold 8",
                "",
                "onlyif mysql # aggregate syntax:",
                "query II rowsort label-1",
                "SELECT 1, 2",
                "----",
                "1",
                "2",
                "",
                "skipif mysql # not compatible",
                "query II rowsort label-1",
                "SELECT 1, 2",
                "----",
                "1",
                "2",
                "",
                "skipif postgresql # PostgreSQL requires AS when renaming output columns",
                "query I nosort",
                "SELECT 1 x",
                "----",
                "1",
                "",
                "query TT nosort",
                "SELECT 'a b', 'c'",
                "----",
                "a b",
                "c",
                "",
                "query II nosort",
                "SELECT 1, 2",
                "----",
                "1 2",
                "",
                "skipif sqlite",
                "halt",
                "",
                "query I nosort",
                "SELECT 'after halt'",
                "----",
                "x"), SqlLogicDialect.SQLITE);
        assertThat(script.skippedByCondition()).isEqualTo(2);
        assertThat(script.records()).hasSize(4);
        Query kept = (Query) script.records().get(1);
        assertThat(kept.line()).isEqualTo(11);
        assertThat(kept.label()).contains("label-1");
        assertThat(((Query) script.records().get(2)).values()).contains(List.of("a b", "c"));
        // one line is one value, even with a space: a wrong result when run, not a row
        assertThat(((Query) script.records().get(3)).values()).contains(List.of("1 2"));
        // the same text in Quiver's own dialect is a row
        assertThat(((Query) SqlLogicParser.parse("q.test", "query II nosort\nSELECT 1, 2\n----\n1 2\n").get(0)).values())
                .contains(List.of("1", "2"));
    }

    @Test
    void aCorpusQueryWithoutTheSeparatorExpectsNoRows() {
        String text = "query I rowsort label-1\nSELECT 1 WHERE false\n\nquery I rowsort label-1\nSELECT 2 WHERE false";
        List<SqlLogicRecord> records = SqlLogicParser.parse("q.test", text, SqlLogicDialect.SQLITE).records();
        assertThat(records).hasSize(2).allSatisfy(r -> assertThat(((Query) r).values()).contains(List.of()));
        // Quiver's own files must always have it.
        assertThatThrownBy(() -> SqlLogicParser.parse("q.test", text)).hasMessageContaining("expected \"----\"");
    }

    @Test
    void runnerRendersByTypeLetterAndComparesTextExactly() {
        SqlLogicScript script = SqlLogicParser.parse("c.test", String.join("\n",
                "statement ok",
                "CREATE TABLE t1(a INTEGER, b VARCHAR(10), c DOUBLE)",
                "",
                "statement ok",
                "INSERT INTO t1 VALUES(3, '', 2.0), (1, NULL, 0.5), (2, 'x', NULL)",
                "",
                "query ITR rowsort",
                "SELECT a, b, c FROM t1",
                "----",
                "1",
                "NULL",
                "0.500",
                "2",
                "x",
                "NULL",
                "3",
                "(empty)",
                "2.000",
                "",
                "query I valuesort",
                "SELECT a * 5 FROM t1",
                "----",
                "10",
                "15",
                "5",
                "",
                "hash-threshold 2",
                "",
                "query I nosort",
                "SELECT a FROM t1 ORDER BY a",
                "----",
                "3 values hashing to c0710d6b4f15dfa88f600b0e6b624077",
                "",
                "query R nosort",
                "SELECT avg(a) FROM t1",
                "----",
                "2.0",
                "",
                "query I nosort",
                "SELECT 2, 3",
                "----",
                "2",
                "3"), SqlLogicDialect.SQLITE);
        List<SqlLogicRecord> records = script.records();
        try (SqlLogicRunner runner = new SqlLogicRunner("c.test", SqlLogicOptions.corpus())) {
            for (int i = 0; i < 6; i++) {
                runner.run(records.get(i));
            }
            // 2.000 is right; 2.0 is not the corpus's text for it (no numeric tolerance here)
            assertThatThrownBy(() -> runner.run(records.get(6)))
                    .isInstanceOf(SqlLogicFailure.class)
                    .hasMessageContaining("c.test:34: wrong result")
                    .hasMessageContaining("expected 2.0, actual 2.000")
                    .satisfies(e -> assertThat(((SqlLogicFailure) e).summary()).isEqualTo("wrong result"));
            assertThatThrownBy(() -> runner.run(records.get(7)))
                    .satisfies(e -> assertThat(((SqlLogicFailure) e).summary()).isEqualTo("wrong number of columns"));
            assertThat(runner.finish()).isZero();
        }
    }

    @Test
    void engineFailuresAreSummarizedByStateAndFirstLine() {
        List<SqlLogicRecord> records = SqlLogicParser.parse("e.test", "statement ok\nSELECT nothing\n", SqlLogicDialect.SQLITE).records();
        try (SqlLogicRunner runner = new SqlLogicRunner("e.test", SqlLogicOptions.corpus().withMode(ExecutionMode.INTERPRET))) {
            assertThatThrownBy(() -> runner.run(records.get(0)))
                    .satisfies(e -> assertThat(((SqlLogicFailure) e).summary())
                            .isEqualTo("statement failed: [42703] column \"nothing\" does not exist"));
            runner.finish();
        }
        assertThat(ConformanceReport.group("statement failed: [42601] syntax error at line 1, column 30: unexpected ')'"))
                .isEqualTo("statement failed: [42601] syntax error at line N, column N: unexpected ')'");
        assertThat(ConformanceReport.group("wrong result")).isEqualTo("wrong result");
    }

    @Test
    void theCorpusIsFoundByGlobs() {
        SqliteCorpus corpus = SqliteCorpus.onClassPath();
        assertThat(corpus.find(List.of("test/select?.test")))
                .containsExactly("test/select1.test", "test/select2.test", "test/select3.test", "test/select4.test", "test/select5.test");
        assertThat(corpus.find(List.of("evidence/*.test"))).hasSize(12).allMatch(f -> f.startsWith("test/evidence/slt_lang_")
                || f.startsWith("test/evidence/in"));
        assertThat(corpus.find(List.of("test/random/**"))).hasSize(391);
        assertThat(corpus.find(List.of("test/index/between/1/*.test"))).containsExactly("test/index/between/1/slt_good_0.test");
        assertThat(corpus.read("test/select1.test")).startsWith("statement ok\nCREATE TABLE t1(");
    }

    @Test
    void expectedFailureListsNameRecordLinesWithReasons() {
        assertThat(ExpectedFailures.resourceFor("test/evidence/in1.test")).isEqualTo("sqllogic-corpus/evidence/in1.failures");
        assertThat(ExpectedFailures.resourceFor("test/select4.test")).isEqualTo("sqllogic-corpus/select4.failures");
        ExpectedFailures list = ExpectedFailures.parse("x.failures", "# comment\n\n15 CREATE INDEX is not supported yet\n 20  two  words\n");
        assertThat(list.reasons()).isEqualTo(Map.of(15, "CREATE INDEX is not supported yet", 20, "two  words"));
        assertThat(list.reason(15)).contains("CREATE INDEX is not supported yet");
        assertThat(list.reason(16)).isEmpty();
        assertThatThrownBy(() -> ExpectedFailures.parse("x.failures", "15\n")).hasMessageContaining("x.failures:1");
        assertThatThrownBy(() -> ExpectedFailures.parse("x.failures", "1 a\n1 b\n")).hasMessageContaining("listed twice");
        assertThat(ExpectedFailures.load("test/no-such-file.test").reasons()).isEmpty();
    }

    @Test
    void reportSumsPerDirectory() {
        ConformanceReport report = new ConformanceReport(List.of(
                new ConformanceFileResult("test/random/expr/a.test", 10, 9, 4, Map.of("wrong result", 1), 10_000_000),
                new ConformanceFileResult("test/random/expr/b.test", 10, 10, 0, Map.of(), 10_000_000),
                new ConformanceFileResult("test/select1.test", 5, 5, 1, Map.of(), 5_000_000)));
        String text = report.render();
        assertThat(text).containsPattern("test/random/expr\\s+2\\s+20\\s+19\\s+1\\s+4\\s+95\\.000%\\s+1\\.000");
        assertThat(text).containsPattern("test\\s+1\\s+5\\s+5\\s+0\\s+1\\s+100\\.000%");
        assertThat(text).containsPattern("total\\s+3\\s+25\\s+24\\s+1\\s+5\\s+96\\.000%");
        assertThat(text).contains("failures in test/random/expr by first line:\n       1  wrong result");
    }

    @Test
    void conformanceArguments() {
        SqlLogicConformance.Arguments a = SqlLogicConformance.Arguments.parse(
                new String[] {"--mode", "interpret", "--threads", "3", "--workers", "1", "--timeout", "5", "test/select1.test"});
        assertThat(a.options().mode()).isEqualTo(ExecutionMode.INTERPRET);
        assertThat(a.options().dialect()).isEqualTo(SqlLogicDialect.SQLITE);
        assertThat(a.options().workerThreads()).isEqualTo(1);
        assertThat(a.options().recordTimeout()).isEqualTo(Duration.ofSeconds(5));
        assertThat(a.threads()).isEqualTo(3);
        assertThat(a.globs()).containsExactly("test/select1.test");
        assertThat(SqlLogicConformance.Arguments.parse(new String[0]).globs()).containsExactly("test/**");
        assertThat(SqlLogicConformance.Arguments.parse(new String[0]).options().mode()).isEqualTo(ExecutionMode.VERIFY);
        assertThatThrownBy(() -> SqlLogicConformance.Arguments.parse(new String[] {"--threads", "0"})).hasMessageContaining("at least 1");
        assertThatThrownBy(() -> SqlLogicConformance.Arguments.parse(new String[] {"--bogus", "1"})).hasMessageContaining("unknown option");
    }
}
