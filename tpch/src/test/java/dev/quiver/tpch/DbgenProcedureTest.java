package dev.quiver.tpch;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.quiver.Database;
import dev.quiver.Quiver;
import dev.quiver.Result;
import dev.quiver.Session;
import dev.quiver.error.QuiverException;
import org.junit.jupiter.api.Test;

class DbgenProcedureTest {
    @Test
    void callDbgenLoadsTheTables() {
        try (Database db = Quiver.openInMemory(); Session s = db.connect()) {
            try (Result r = s.execute("CALL dbgen(sf => 0.001)")) {
                assertThat(r.hasRows()).isFalse();
                assertThat(r.status()).startsWith("loaded TPC-H SF 0.001 in ").contains("region 5", "nation 25", "supplier 10,", "orders 1500,");
            }
            try (Result r = s.execute("SELECT count(*) FROM orders")) {
                assertThat(r.rows().get(0).getLong(0)).isEqualTo(1500L);
            }
            // Again without replace: a clear error, and the tables are untouched.
            assertThatThrownBy(() -> s.execute("CALL dbgen(sf => 0.001)"))
                    .isInstanceOf(QuiverException.class)
                    .hasMessageContaining("TPC-H tables region, nation, supplier")
                    .hasMessageContaining("already exist; drop them first or pass replace => true")
                    .hasMessageContaining("LINE 1: CALL dbgen(sf => 0.001)");
            try (Result r = s.execute("CALL dbgen(0.002, true)")) {
                assertThat(r.status()).contains("orders 3000");
            }
            try (Result r = s.execute("SELECT count(*) FROM orders")) {
                assertThat(r.rows().get(0).getLong(0)).isEqualTo(3000L);
            }
        }
    }

    @Test
    void rejectsBadArguments() {
        try (Database db = Quiver.openInMemory(); Session s = db.connect()) {
            assertError(s, "CALL dbgen(sf => 0)", "scale factor must be a number greater than 0");
            assertError(s, "CALL dbgen(sf => -1)", "scale factor must be a number greater than 0");
            assertError(s, "CALL dbgen(sf => 'big')", "scale factor must be a number such as 0.1, got 'big'");
            assertError(s, "CALL dbgen()", "dbgen needs a scale factor");
            assertError(s, "CALL dbgen(sf => NULL)", "dbgen needs a scale factor");
            assertError(s, "CALL dbgen(sf => 0.01, replace => 'yes')", "replace must be true or false");
            assertError(s, "CALL dbgen(size => 1)", "has no parameter \"size\"");
            // Nothing was created by the failed calls.
            assertThatThrownBy(() -> s.execute("SELECT * FROM lineitem")).isInstanceOf(QuiverException.class)
                    .extracting(e -> ((QuiverException) e).sqlState()).isEqualTo("42P01");
        }
    }

    private static void assertError(Session s, String sql, String message) {
        assertThatThrownBy(() -> s.execute(sql)).as(sql)
                .isInstanceOf(QuiverException.class)
                .hasMessageContaining(message)
                .extracting(e -> ((QuiverException) e).sqlState()).isIn("22023", "42704");
    }
}
