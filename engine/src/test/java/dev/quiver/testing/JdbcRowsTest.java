package dev.quiver.testing;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.math.BigInteger;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.LocalDate;
import java.util.Arrays;
import org.junit.jupiter.api.Test;

/** DuckDB's JDBC values become the plain Java values Quiver's results hold. */
class JdbcRowsTest {
    @Test
    void readsDuckDbValuesAsPlainJavaValues() throws SQLException {
        try (Connection c = DriverManager.getConnection("jdbc:duckdb:");
                Statement s = c.createStatement();
                ResultSet rs = s.executeQuery("SELECT DATE '1995-03-15' AS d, 170141183460469231731687303715884105727::HUGEINT AS h, "
                        + "CAST(1.50 AS DECIMAL(15,2)) AS m, 42::BIGINT AS b, 2.5::DOUBLE AS x, 'a' AS t, NULL AS n "
                        + "UNION ALL SELECT NULL, NULL, NULL, NULL, NULL, NULL, NULL")) {
            QueryRows rows = JdbcRows.read(rs);
            assertThat(rows.columnNames()).containsExactly("d", "h", "m", "b", "x", "t", "n");
            assertThat(rows.rows()).hasSize(2);
            assertThat(rows.rows().get(0)).containsExactly(LocalDate.of(1995, 3, 15), new BigInteger("170141183460469231731687303715884105727"),
                    new BigDecimal("1.50"), 42L, 2.5, "a", null);
            assertThat(rows.rows().get(1)).isEqualTo(Arrays.asList(null, null, null, null, null, null, null));
        }
    }
}
