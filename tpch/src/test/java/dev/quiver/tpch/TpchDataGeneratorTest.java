package dev.quiver.tpch;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.quiver.Database;
import dev.quiver.Quiver;
import dev.quiver.Result;
import dev.quiver.Row;
import dev.quiver.Session;
import dev.quiver.error.QuiverException;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import org.apache.arrow.vector.types.DateUnit;
import org.apache.arrow.vector.types.pojo.ArrowType;
import org.apache.arrow.vector.types.pojo.Schema;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

class TpchDataGeneratorTest {
    private static Database db;
    private static Session session;
    private static LoadReport report;

    @BeforeAll
    static void load() {
        db = Quiver.openInMemory();
        session = db.connect();
        report = TpchDataGenerator.load(session, 0.01);
    }

    @AfterAll
    static void close() {
        session.close();
        db.close();
    }

    @Test
    void rowCountsAtScaleFactorOneHundredth() {
        assertThat(report.rowCounts()).containsExactly(
                Map.entry("region", 5L),
                Map.entry("nation", 25L),
                Map.entry("supplier", 100L),
                Map.entry("customer", 1_500L),
                Map.entry("part", 2_000L),
                Map.entry("partsupp", 8_000L),
                Map.entry("orders", 15_000L),
                Map.entry("lineitem", 60_175L));
        for (Map.Entry<String, Long> e : report.rowCounts().entrySet()) {
            assertThat(single("SELECT count(*) FROM " + e.getKey()).getLong(0)).as(e.getKey()).isEqualTo(e.getValue());
        }
        assertThat(report.summary()).startsWith("loaded TPC-H SF 0.01 in ").contains("lineitem 60175");
    }

    @Test
    void lineitemValuesAreTheOfficialOnes() {
        Row row = single("""
                SELECT l_orderkey, l_partkey, l_suppkey, l_linenumber, l_quantity, l_extendedprice, l_discount, l_tax,
                       l_returnflag, l_linestatus, l_shipdate, l_commitdate, l_receiptdate, l_shipinstruct, l_shipmode, l_comment
                FROM lineitem WHERE l_orderkey = 1 AND l_linenumber = 1""");
        assertThat(row.values()).containsExactly(1L, 1552, 93, 1, new BigDecimal("17.00"), new BigDecimal("24710.35"),
                new BigDecimal("0.04"), new BigDecimal("0.02"), "N", "O", LocalDate.of(1996, 3, 13), LocalDate.of(1996, 2, 12),
                LocalDate.of(1996, 3, 22), "DELIVER IN PERSON", "TRUCK", "egular courts above the");
    }

    @Test
    void ordersCustomerNationAndRegionValues() {
        assertThat(single("SELECT o_custkey, o_orderstatus, o_totalprice, o_orderdate, o_orderpriority, o_clerk, o_shippriority, o_comment"
                + " FROM orders WHERE o_orderkey = 1").values()).containsExactly(370, "O", new BigDecimal("172799.49"),
                LocalDate.of(1996, 1, 2), "5-LOW", "Clerk#000000951", 0, "nstructions sleep furiously among ");
        assertThat(single("SELECT c_name, c_address, c_nationkey, c_phone, c_acctbal, c_mktsegment FROM customer WHERE c_custkey = 1")
                .values()).containsExactly("Customer#000000001", "IVhzIApeRb ot,c,E", 15, "25-989-741-2988", new BigDecimal("711.56"),
                "BUILDING");
        assertThat(single("SELECT n_name, n_regionkey FROM nation WHERE n_nationkey = 7").values()).containsExactly("GERMANY", 3);
        assertThat(single("SELECT r_name FROM region WHERE r_regionkey = 2").values()).containsExactly("ASIA");
        // Negative balances exist and keep their sign through DECIMAL(15,2).
        assertThat(single("SELECT min(s_acctbal), max(s_acctbal) FROM supplier").values())
                .containsExactly(new BigDecimal("-966.20"), new BigDecimal("9915.24"));
    }

    @Test
    void tablesHaveTheSpecifiedTypes() {
        Schema lineitem = session.tableSchema("lineitem");
        assertThat(lineitem.getFields()).hasSize(16);
        assertThat(lineitem.findField("l_orderkey").getType()).isEqualTo(new ArrowType.Int(64, true));
        assertThat(lineitem.findField("l_partkey").getType()).isEqualTo(new ArrowType.Int(32, true));
        assertThat(lineitem.findField("l_extendedprice").getType()).isEqualTo(new ArrowType.Decimal(15, 2, 128));
        assertThat(lineitem.findField("l_shipdate").getType()).isEqualTo(new ArrowType.Date(DateUnit.DAY));
        assertThat(lineitem.findField("l_comment").getType()).isEqualTo(ArrowType.Utf8.INSTANCE);
        assertThat(TpchTables.PART.createTableSql()).contains("p_name VARCHAR(55) NOT NULL", "p_retailprice DECIMAL(15,2) NOT NULL");
        assertThat(TpchTables.ALL).extracting(TpchTableDefinition::name)
                .containsExactlyInAnyOrder("region", "nation", "supplier", "customer", "part", "partsupp", "orders", "lineitem");
    }

    @Test
    void aggregatesOverTheWholeLineitemTable() {
        Row row = single("SELECT sum(l_quantity), sum(l_extendedprice), min(l_shipdate), max(l_shipdate) FROM lineitem");
        assertThat(row.values()).containsExactly(new BigDecimal("1536127.00"), new BigDecimal("2152189760.47"),
                LocalDate.of(1992, 1, 4), LocalDate.of(1998, 11, 29));
    }

    @Test
    void loadingAgainFailsClearlyAndChangesNothing() {
        assertThatThrownBy(() -> TpchDataGenerator.load(session, 0.01))
                .isInstanceOf(QuiverException.class)
                .hasMessageContaining("already exist")
                .hasMessageContaining("replace => true")
                .extracting(e -> ((QuiverException) e).sqlState()).isEqualTo("42P07");
        assertThat(single("SELECT count(*) FROM lineitem").getLong(0)).isEqualTo(60_175L);
    }

    @Test
    void rejectsBadScaleFactors() {
        for (double sf : new double[] {0, -1, Double.NaN, Double.POSITIVE_INFINITY, 1e9}) {
            assertThatThrownBy(() -> TpchDataGenerator.load(session, sf)).as("sf %s", sf)
                    .isInstanceOf(QuiverException.class)
                    .hasMessageContaining("scale factor must be a number greater than 0");
        }
    }

    @Test
    void replaceReloadsAndNoMemoryIsLeftAfterClose() {
        try (Database other = Quiver.openInMemory(); Session s = other.connect()) {
            s.execute("CREATE TABLE region (x INTEGER)").close();
            LoadReport r = TpchDataGenerator.load(s, 0.001, 2, true);
            assertThat(r.rowCounts().get("region")).isEqualTo(5L);
            assertThat(r.rowCounts().get("nation")).isEqualTo(25L);
            try (Result result = s.execute("SELECT count(*) FROM region")) {
                assertThat(result.rows().get(0).getLong(0)).isEqualTo(5L);
            }
            assertThat(other.allocatedBytes()).isPositive();
            s.execute("DROP TABLE lineitem").close();
        }
        // Database.close() fails if any Arrow memory is still allocated; reaching here means none was.
    }

    @Test
    void rowOrderDoesNotDependOnThreads() {
        try (Database one = Quiver.openInMemory(); Session s1 = one.connect(); Database four = Quiver.openInMemory(); Session s4 = four.connect()) {
            TpchDataGenerator.load(s1, 0.002, 1, false);
            TpchDataGenerator.load(s4, 0.002, 4, false);
            assertThat(firstKeys(s4)).isEqualTo(firstKeys(s1));
        }
    }

    /** The order keys of lineitem in storage order (a plain scan keeps it: no ORDER BY needed on one thread). */
    private static List<Object> firstKeys(Session s) {
        s.set("threads", "1");
        try (Result r = s.execute("SELECT l_orderkey FROM lineitem")) {
            return r.rows().stream().map(row -> row.get(0)).toList();
        }
    }

    private static Row single(String sql) {
        try (Result r = session.execute(sql)) {
            List<Row> rows = r.rows();
            assertThat(rows).hasSize(1);
            return rows.get(0);
        }
    }
}
