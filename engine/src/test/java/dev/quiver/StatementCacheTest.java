package dev.quiver;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.quiver.error.QuiverException;
import dev.quiver.parser.SqlParser;
import dev.quiver.parser.ast.Statement;
import org.junit.jupiter.api.Test;

/** The session's parsed statements: one tree per text, errors and long texts never kept, oldest dropped first. */
class StatementCacheTest {
    @Test
    void theSameTextGivesTheSameTreeAsTheParser() {
        StatementCache cache = new StatementCache();
        Statement first = cache.parse("SELECT a + 1 FROM t WHERE b LIKE 'x%'");
        assertThat(first).isEqualTo(SqlParser.parseStatement("SELECT a + 1 FROM t WHERE b LIKE 'x%'"));
        assertThat(cache.parse("SELECT a + 1 FROM t WHERE b LIKE 'x%'")).isSameAs(first);
        // Another text (even one differing only in spacing) is parsed on its own.
        assertThat(cache.parse("SELECT a + 1 FROM t WHERE b LIKE 'x%' ")).isNotSameAs(first).isEqualTo(first);
        assertThat(cache.size()).isEqualTo(2);
    }

    @Test
    void aTextThatDoesNotParseFailsEveryTimeAndIsNotKept() {
        StatementCache cache = new StatementCache();
        for (int i = 0; i < 2; i++) {
            assertThatThrownBy(() -> cache.parse("SELEKT 1")).isInstanceOf(QuiverException.class);
        }
        assertThat(cache.size()).isZero();
    }

    @Test
    void longTextsAreParsedButNotKept() {
        StatementCache cache = new StatementCache();
        String longText = "SELECT 1" + " ".repeat(StatementCache.MAX_TEXT_CHARS);
        Statement s = cache.parse(longText);
        assertThat(cache.parse(longText)).isEqualTo(s).isNotSameAs(s);
        assertThat(cache.size()).isZero();
    }

    @Test
    void theLeastRecentlyUsedTextIsDroppedFirst() {
        StatementCache cache = new StatementCache();
        Statement kept = cache.parse("SELECT 0");
        Statement one = cache.parse("SELECT 1");
        for (int i = 2; i < StatementCache.MAX_STATEMENTS; i++) {
            cache.parse("SELECT " + i);
            // Using the first text keeps it the most recent.
            assertThat(cache.parse("SELECT 0")).isSameAs(kept);
        }
        assertThat(cache.size()).isEqualTo(StatementCache.MAX_STATEMENTS);
        // One more text drops the least recently used one, "SELECT 1".
        cache.parse("SELECT 1000");
        assertThat(cache.size()).isEqualTo(StatementCache.MAX_STATEMENTS);
        assertThat(cache.parse("SELECT 0")).isSameAs(kept);
        assertThat(cache.parse("SELECT 1")).isEqualTo(one).isNotSameAs(one);
    }
}
