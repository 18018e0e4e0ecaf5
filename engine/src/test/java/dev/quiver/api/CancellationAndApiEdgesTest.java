package dev.quiver.api;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assertions.assertThrows;

import dev.quiver.Result;
import dev.quiver.Row;
import dev.quiver.error.QuiverException;
import org.apache.arrow.vector.ipc.ArrowReader;
import org.junit.jupiter.api.Test;

/** Cancellation before a query starts, idle cancels, Row misuse, readers outliving results, memory hints. */
class CancellationAndApiEdgesTest extends ApiTestSupport {
    @Test
    void aCancelIssuedBeforeTheQueryStartsStillStopsIt() {
        exec("CREATE TABLE t (a INTEGER)");
        exec("INSERT INTO t VALUES (1), (2), (3)");
        QuiverException e = error("CALL cancel_then_query('t')");
        assertThat(e.sqlState()).isEqualTo("57014");
        // The cancel belonged to that statement only: the next one runs.
        assertThat(value("SELECT count(*) FROM t")).isEqualTo(3L);
    }

    @Test
    void aCancelWhileIdleIsForgotten() {
        exec("CREATE TABLE t (a INTEGER)");
        session.cancel();
        exec("INSERT INTO t VALUES (7)");
        assertThat(value("SELECT sum(a) FROM t")).isEqualTo(7L);
    }

    @Test
    void rowGettersReportMisuseAsQuiverExceptions() {
        try (Result r = session.execute("SELECT CAST(NULL AS INTEGER), 'text', 1.5")) {
            Row row = r.rows().get(0);
            QuiverException nullValue = assertThrows(QuiverException.class, () -> row.getLong(0));
            assertThat(nullValue.sqlState()).isEqualTo("22004");
            assertThat(nullValue.rawMessage()).isEqualTo("column 0 is NULL; check isNull(0) or use get(0)");
            QuiverException wrongType = assertThrows(QuiverException.class, () -> row.getLong(1));
            assertThat(wrongType.sqlState()).isEqualTo("42804");
            assertThat(wrongType.rawMessage()).isEqualTo("column 1 holds String text, not an integer");
            QuiverException index = assertThrows(QuiverException.class, () -> row.get(3));
            assertThat(index.sqlState()).isEqualTo("22023");
            assertThat(row.getDecimal(2)).isEqualByComparingTo("1.5");
        }
    }

    @Test
    void closingAResultAlsoClosesItsReaders() throws Exception {
        exec("CREATE TABLE t (a INTEGER)");
        exec("INSERT INTO t VALUES (1), (2)");
        Result result = session.execute("SELECT a FROM t ORDER BY a");
        ArrowReader reader = result.reader();
        assertThat(reader.loadNextBatch()).isTrue();
        assertThat(reader.getVectorSchemaRoot().getRowCount()).isEqualTo(2);
        // Closing in the "wrong" order must neither leak nor fail later.
        result.close();
        reader.close();
        assertThat(db.allocatedBytes()).isEqualTo(storageBytes());
    }

    @Test
    void theOutOfMemoryHintSuggestsTwiceTheCurrentLimit() {
        exec("CREATE TABLE t (a INTEGER, s VARCHAR)");
        exec("INSERT INTO t VALUES (1, 'x')");
        for (int i = 0; i < 12; i++) {
            exec("INSERT INTO t SELECT a + 1, s || s FROM t");
        }
        session.set("memory_limit", "1MB");
        QuiverException e = error("SELECT a, s || s FROM t ORDER BY s");
        assertThat(e.sqlState()).isEqualTo("53200");
        assertThat(e.rawMessage()).contains("SET memory_limit = '2MB'");
    }
}
