package dev.quiver.api;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Scans tell compiled code which stored columns hold a NULL from flags the chunks keep: a chunk
 * rebuilt by an append, an update or a delete must carry its own flags, or a NULL would be read as
 * a value.
 */
class ChunkNullFlagsTest extends ApiTestSupport {
    @ParameterizedTest
    @ValueSource(strings = {"interpret", "compile"})
    void aNullAddedToAChunkWithoutOneIsSeen(String mode) {
        executionMode(mode);
        exec("CREATE TABLE t (k BIGINT, v INTEGER)");
        exec("INSERT INTO t VALUES (1, 7)");
        while ((long) value("SELECT count(*) FROM t") < 10_000) {
            exec("INSERT INTO t SELECT k + (SELECT count(*) FROM t), 7 FROM t WHERE k + (SELECT count(*) FROM t) <= 10000");
        }
        assertThat(value("SELECT sum(coalesce(v, 100)) FROM t WHERE k > 8000")).isEqualTo(14_000L);
        // The last chunk (rows 8193..10000) is not full: the NULL goes into a rebuilt chunk.
        exec("INSERT INTO t VALUES (10001, NULL)");
        assertThat(value("SELECT sum(coalesce(v, 100)) FROM t WHERE k > 8000")).isEqualTo(14_100L);
        assertThat(value("SELECT count(*) FROM t WHERE v IS NULL")).isEqualTo(1L);
        exec("UPDATE t SET v = NULL WHERE k = 5");
        assertThat(value("SELECT sum(coalesce(v, 100)) FROM t WHERE k < 10")).isEqualTo(8 * 7L + 100);
        exec("DELETE FROM t WHERE v IS NULL");
        assertThat(value("SELECT count(*) FROM t WHERE v IS NULL")).isEqualTo(0L);
        assertThat(value("SELECT sum(v) FROM t")).isEqualTo(9_999 * 7L);
    }
}
