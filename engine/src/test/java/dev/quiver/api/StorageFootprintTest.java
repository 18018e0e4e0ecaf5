package dev.quiver.api;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/** What stored tables take in memory, against the bytes their values need. */
class StorageFootprintTest extends ApiTestSupport {
    /** Ten full chunks of 4,096 rows. */
    private static final int ROWS = 40_960;

    @Test
    void fixedWidthColumnsTakeAboutWhatTheirValuesNeed() {
        exec("CREATE TABLE t (k BIGINT, v INTEGER)");
        exec("INSERT INTO t VALUES (0, 0)");
        while ((long) value("SELECT count(*) FROM t") < ROWS) {
            exec("INSERT INTO t SELECT k + (SELECT count(*) FROM t), 1 FROM t WHERE k + (SELECT count(*) FROM t) < " + ROWS);
        }
        assertThat(value("SELECT count(DISTINCT k) FROM t")).isEqualTo((long) ROWS);
        // Eight bytes per BIGINT and four per INTEGER, one validity bit each.
        long needed = ROWS * (8L + 4L) + 2L * ROWS / 8;
        // Buffers rounded to powers of two would take nearly twice that (33,280 bytes of a BIGINT chunk in 65,536).
        assertThat(storageBytes()).isBetween(needed, needed + needed / 20);
    }
}
