package dev.quiver;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class SmokeTest {
    @Test
    void endToEnd() {
        try (Database db = Quiver.openInMemory(); Session s = db.connect()) {
            try (Result r = s.execute("SELECT 1 + 2 AS x, 'a' || 'b', DATE '1998-12-01' - INTERVAL '90' DAY")) {
                System.out.println(r.columnNames() + " " + r.rows());
            }
            s.execute("CREATE TABLE t (a INTEGER, b VARCHAR(10), c DECIMAL(15,2), d DATE)").close();
            s.execute("INSERT INTO t VALUES (1, 'x', 1.50, DATE '2020-01-01'), (2, 'y', 2.25, '2020-02-01'), (3, 'x', NULL, NULL)").close();
            try (Result r = s.execute("SELECT b, count(*), sum(c), avg(c), min(d), max(a) FROM t GROUP BY b ORDER BY b")) {
                System.out.println(r.columnNames() + " " + r.columnTypes() + " " + r.rows());
                assertThat(r.rows()).hasSize(2);
            }
            try (Result r = s.execute("SELECT a, c * 2, c / 3 FROM t WHERE a > 1 ORDER BY a DESC LIMIT 5")) {
                System.out.println(r.rows());
            }
            try (Result r = s.execute("EXPLAIN SELECT b, count(*) FROM t WHERE a > 1 GROUP BY b")) {
                r.rows().forEach(row -> System.out.println(row.get(0)));
            }
        }
    }
}
