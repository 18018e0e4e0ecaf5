package dev.quiver.api;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assertions.assertThrows;

import dev.quiver.Result;
import dev.quiver.Row;
import dev.quiver.error.QuiverException;
import dev.quiver.planner.type.Interval;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import org.apache.arrow.memory.BufferAllocator;
import org.apache.arrow.vector.BigIntVector;
import org.apache.arrow.vector.BitVector;
import org.apache.arrow.vector.DateDayVector;
import org.apache.arrow.vector.DecimalVector;
import org.apache.arrow.vector.FieldVector;
import org.apache.arrow.vector.Float4Vector;
import org.apache.arrow.vector.Float8Vector;
import org.apache.arrow.vector.IntVector;
import org.apache.arrow.vector.IntervalMonthDayNanoVector;
import org.apache.arrow.vector.TimeStampMicroVector;
import org.apache.arrow.vector.VarCharVector;
import org.apache.arrow.vector.VectorSchemaRoot;
import org.apache.arrow.vector.ipc.ArrowReader;
import org.apache.arrow.vector.types.DateUnit;
import org.apache.arrow.vector.types.FloatingPointPrecision;
import org.apache.arrow.vector.types.IntervalUnit;
import org.apache.arrow.vector.types.TimeUnit;
import org.apache.arrow.vector.types.pojo.ArrowType;
import org.apache.arrow.vector.types.pojo.Field;
import org.apache.arrow.vector.types.pojo.Schema;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** Results as rows, as Arrow batches and through an ArrowReader; Session.append; status strings. */
class ResultApiTest extends ApiTestSupport {

    // ---------------------------------------------------------------- rows

    @Test
    void rowValuesHaveTheJavaTypeOfTheirSqlType() {
        try (Result r = session.execute("SELECT CAST(7 AS INTEGER) AS i, CAST(8 AS BIGINT) AS bi, CAST(3.5 AS DECIMAL(10,3)) AS dec, "
                + "CAST(2 AS DECIMAL(38,6)) AS wide, DATE '2021-03-04' AS dt, TIMESTAMP '2021-03-04 05:06:07.000089' AS ts, "
                + "'añb' AS v, true AS b, CAST(1.25 AS REAL) AS r, CAST(2.5 AS DOUBLE) AS d, INTERVAL '3' DAY AS iv, "
                + "CAST(1 AS TINYINT) AS ti, CAST(2 AS SMALLINT) AS si, CAST(NULL AS INTEGER) AS n")) {
            assertThat(r.hasRows()).isTrue();
            assertThat(r.status()).isEqualTo("SELECT 1");
            assertThat(r.columnNames()).containsExactly("i", "bi", "dec", "wide", "dt", "ts", "v", "b", "r", "d", "iv", "ti", "si", "n");
            assertThat(r.columnTypes().toString())
                    .isEqualTo("[INTEGER, BIGINT, DECIMAL(10,3), DECIMAL(38,6), DATE, TIMESTAMP, VARCHAR, BOOLEAN, REAL, DOUBLE, "
                            + "INTERVAL, TINYINT, SMALLINT, INTEGER]");
            List<Row> rows = r.rows();
            assertThat(rows).hasSize(1);
            Row row = rows.get(0);
            assertThat(row.size()).isEqualTo(14);
            assertThat(row.get(0)).isInstanceOf(Integer.class).isEqualTo(7);
            assertThat(row.get(1)).isInstanceOf(Long.class).isEqualTo(8L);
            assertThat(row.get(2)).isEqualTo(new BigDecimal("3.500"));
            assertThat(((BigDecimal) row.get(2)).scale()).isEqualTo(3);
            assertThat(row.get(3)).isEqualTo(new BigDecimal("2.000000"));
            assertThat(row.get(4)).isEqualTo(LocalDate.of(2021, 3, 4));
            assertThat(row.get(5)).isEqualTo(LocalDateTime.of(2021, 3, 4, 5, 6, 7, 89_000));
            assertThat(row.get(6)).isEqualTo("añb");
            assertThat(row.get(7)).isEqualTo(Boolean.TRUE);
            assertThat(row.get(8)).isInstanceOf(Float.class).isEqualTo(1.25f);
            assertThat(row.get(9)).isInstanceOf(Double.class).isEqualTo(2.5);
            assertThat(row.get(10)).isEqualTo(new Interval(0, 3, 0));
            assertThat(row.get(11)).isEqualTo((byte) 1);
            assertThat(row.get(12)).isEqualTo((short) 2);
            assertThat(row.get(13)).isNull();

            assertThat(row.getLong(0)).isEqualTo(7L);
            assertThat(row.getLong(1)).isEqualTo(8L);
            assertThat(row.getDecimal(2)).isEqualTo(new BigDecimal("3.500"));
            assertThat(row.getDecimal(1)).isEqualTo(new BigDecimal("8"));
            assertThat(row.getDouble(2)).isEqualTo(3.5);
            assertThat(row.getDate(4)).isEqualTo(LocalDate.of(2021, 3, 4));
            assertThat(row.getTimestamp(5)).isEqualTo(LocalDateTime.of(2021, 3, 4, 5, 6, 7, 89_000));
            assertThat(row.getString(6)).isEqualTo("añb");
            assertThat(row.getString(0)).isEqualTo("7");
            assertThat(row.getString(10)).isEqualTo("3 days");
            assertThat(row.getString(13)).isNull();
            assertThat(row.getBoolean(7)).isTrue();
            assertThat(row.getDouble(8)).isEqualTo(1.25);
            assertThat(row.getDouble(9)).isEqualTo(2.5);
            assertThat(row.isNull(13)).isTrue();
            assertThat(row.isNull(0)).isFalse();
            assertThat(row.values()).hasSize(14);
        }
    }

    @Test
    void tableColumnsComeBackWithTheirTypes() {
        exec("CREATE TABLE t (" + StorageSnapshotTest.ALL_TYPES + ")");
        exec(StorageSnapshotTest.ALL_TYPES_ROWS.replace("INSERT INTO src", "INSERT INTO t"));
        assertThat(rows("SELECT * FROM t ORDER BY id")).isEqualTo(StorageSnapshotTest.allTypesExpected());
        // the same through computations that keep the type
        assertThat(rows("SELECT dec_short + 0, dec_wide * 1, dt + 1, ts, upper(v) FROM t WHERE id = 1"))
                .containsExactly(row(new BigDecimal("99999999999999.9999"), new BigDecimal("9999999999999999999999999999.9999999999"),
                        LocalDate.of(2024, 3, 1), LocalDateTime.of(2024, 2, 29, 23, 59, 59, 999_999_000), "HÉLLO WÖRLD"));
    }

    // ---------------------------------------------------------------- Arrow batches

    @ParameterizedTest
    @ValueSource(strings = {"interpret", "compile", "verify"})
    void batchesUseTheNaturalArrowTypes(String mode) {
        session.set("execution_mode", mode);
        exec("CREATE TABLE t (k INTEGER, d5 DECIMAL(5,2), d18 DECIMAL(18,4), d38 DECIMAL(38,10), dt DATE, ts TIMESTAMP, "
                + "v VARCHAR(20), iv INTERVAL, b BOOLEAN, r REAL, x DOUBLE, bi BIGINT)");
        exec("INSERT INTO t VALUES (1, 123.45, 12345678901234.5678, 1234567890123456789012345678.0123456789, DATE '2020-01-02', "
                + "TIMESTAMP '2020-01-02 03:04:05.678901', 'žluť', INTERVAL '2' MONTH, true, CAST(0.5 AS REAL), 0.25, 10), "
                + "(2, -0.01, NULL, -1, NULL, NULL, NULL, NULL, NULL, NULL, NULL, NULL)");
        String[] queries = {
            "SELECT k, d5, d18, d38, dt, ts, v, iv, b, r, x, bi FROM t ORDER BY k",
            "SELECT k, d5 * 2 AS d5, d18, d38, dt, ts, v, iv, b, r, x, bi FROM t WHERE k > 0 ORDER BY k DESC LIMIT 5",
        };
        for (String sql : queries) {
            try (Result r = session.execute(sql)) {
                Schema schema = r.schema();
                // d5 * 2 may widen the precision; it stays a 128-bit decimal of scale 2
                assertThat(schema.getFields().get(1).getType()).isInstanceOfSatisfying(ArrowType.Decimal.class, t -> {
                    assertThat(t.getScale()).isEqualTo(2);
                    assertThat(t.getBitWidth()).isEqualTo(128);
                });
                assertThat(schema.getFields().get(2).getType()).isEqualTo(new ArrowType.Decimal(18, 4, 128));
                assertThat(schema.getFields().get(3).getType()).isEqualTo(new ArrowType.Decimal(38, 10, 128));
                assertThat(schema.getFields().get(4).getType()).isEqualTo(new ArrowType.Date(DateUnit.DAY));
                assertThat(schema.getFields().get(5).getType()).isEqualTo(new ArrowType.Timestamp(TimeUnit.MICROSECOND, null));
                assertThat(schema.getFields().get(6).getType()).isEqualTo(ArrowType.Utf8.INSTANCE);
                assertThat(schema.getFields().get(7).getType()).isEqualTo(new ArrowType.Interval(IntervalUnit.MONTH_DAY_NANO));
                assertThat(schema.getFields().get(8).getType()).isEqualTo(ArrowType.Bool.INSTANCE);
                assertThat(schema.getFields().get(9).getType()).isEqualTo(new ArrowType.FloatingPoint(FloatingPointPrecision.SINGLE));
                assertThat(schema.getFields().get(10).getType()).isEqualTo(new ArrowType.FloatingPoint(FloatingPointPrecision.DOUBLE));
                assertThat(schema.getFields().get(11).getType()).isEqualTo(new ArrowType.Int(64, true));

                List<VectorSchemaRoot> batches = r.batches();
                int rowsSeen = 0;
                for (VectorSchemaRoot batch : batches) {
                    assertThat(batch.getSchema().getFields()).hasSize(12);
                    for (int c = 0; c < 12; c++) {
                        assertThat(batch.getVector(c).getField().getType()).as("%s column %d", sql, c)
                                .isEqualTo(schema.getFields().get(c).getType());
                    }
                    assertThat(batch.getVector(0)).isInstanceOf(IntVector.class);
                    assertThat(batch.getVector(1)).isInstanceOf(DecimalVector.class);
                    assertThat(batch.getVector(2)).isInstanceOf(DecimalVector.class);
                    assertThat(batch.getVector(3)).isInstanceOf(DecimalVector.class);
                    assertThat(batch.getVector(4)).isInstanceOf(DateDayVector.class);
                    assertThat(batch.getVector(5)).isInstanceOf(TimeStampMicroVector.class);
                    assertThat(batch.getVector(6)).isInstanceOf(VarCharVector.class);
                    assertThat(batch.getVector(7)).isInstanceOf(IntervalMonthDayNanoVector.class);
                    assertThat(batch.getVector(8)).isInstanceOf(BitVector.class);
                    assertThat(batch.getVector(9)).isInstanceOf(Float4Vector.class);
                    assertThat(batch.getVector(10)).isInstanceOf(Float8Vector.class);
                    assertThat(batch.getVector(11)).isInstanceOf(BigIntVector.class);
                    for (int row = 0; row < batch.getRowCount(); row++) {
                        int k = ((IntVector) batch.getVector(0)).get(row);
                        BigDecimal d5 = ((DecimalVector) batch.getVector(1)).getObject(row);
                        if (k == 1) {
                            assertThat(d5).isIn(new BigDecimal("123.45"), new BigDecimal("246.90"));
                            assertThat(((DecimalVector) batch.getVector(2)).getObject(row)).isEqualTo(new BigDecimal("12345678901234.5678"));
                            assertThat(((DecimalVector) batch.getVector(3)).getObject(row))
                                    .isEqualTo(new BigDecimal("1234567890123456789012345678.0123456789"));
                            assertThat(((DateDayVector) batch.getVector(4)).get(row)).isEqualTo((int) LocalDate.of(2020, 1, 2).toEpochDay());
                            assertThat(((TimeStampMicroVector) batch.getVector(5)).get(row))
                                    .isEqualTo(LocalDateTime.of(2020, 1, 2, 3, 4, 5).toEpochSecond(ZoneOffset.UTC) * 1_000_000 + 678_901);
                            assertThat(new String(((VarCharVector) batch.getVector(6)).get(row), StandardCharsets.UTF_8)).isEqualTo("žluť");
                            IntervalMonthDayNanoVector iv = (IntervalMonthDayNanoVector) batch.getVector(7);
                            assertThat(iv.getObject(row).getPeriod()).isEqualTo(java.time.Period.ofMonths(2));
                            assertThat(iv.getObject(row).getDuration()).isZero();
                            assertThat(((BitVector) batch.getVector(8)).get(row)).isEqualTo(1);
                            assertThat(((Float4Vector) batch.getVector(9)).get(row)).isEqualTo(0.5f);
                            assertThat(((Float8Vector) batch.getVector(10)).get(row)).isEqualTo(0.25);
                            assertThat(((BigIntVector) batch.getVector(11)).get(row)).isEqualTo(10L);
                        } else {
                            assertThat(d5).isIn(new BigDecimal("-0.01"), new BigDecimal("-0.02"));
                            assertThat(((DecimalVector) batch.getVector(3)).getObject(row)).isEqualTo(new BigDecimal("-1.0000000000"));
                            for (int c = 4; c < 12; c++) {
                                assertThat(batch.getVector(c).isNull(row)).isTrue();
                            }
                            assertThat(batch.getVector(2).isNull(row)).isTrue();
                        }
                        rowsSeen++;
                    }
                }
                assertThat(rowsSeen).isEqualTo(2);
            }
        }
    }

    @ParameterizedTest
    @ValueSource(strings = {"interpret", "compile"})
    void aggregatedDecimalsAreDecimal128(String mode) {
        session.set("execution_mode", mode);
        exec("CREATE TABLE t (g INTEGER, d DECIMAL(9,2))");
        exec("INSERT INTO t VALUES (1, 1.10), (1, 2.20), (2, 3.30), (2, NULL)");
        try (Result r = session.execute("SELECT g, sum(d) AS s, min(d) AS lo, max(d) * 2 AS hi2 FROM t GROUP BY g ORDER BY g")) {
            for (VectorSchemaRoot batch : r.batches()) {
                for (int c = 1; c < 4; c++) {
                    assertThat(batch.getVector(c)).isInstanceOf(DecimalVector.class);
                    assertThat(batch.getVector(c).getField().getType()).isEqualTo(r.schema().getFields().get(c).getType());
                }
            }
            assertThat(r.rows().stream().map(Row::values).toList()).containsExactly(
                    row(1, new BigDecimal("3.30"), new BigDecimal("1.10"), new BigDecimal("4.40")),
                    row(2, new BigDecimal("3.30"), new BigDecimal("3.30"), new BigDecimal("6.60")));
        }
    }

    // ---------------------------------------------------------------- ArrowReader

    @Test
    void readerYieldsTheSameSchemaAndRows() throws Exception {
        exec("CREATE TABLE t (k BIGINT, d DECIMAL(10,2), s VARCHAR, dt DATE)");
        exec("INSERT INTO t VALUES (1, 0.01, 'a', DATE '2000-01-01'), (2, NULL, 'ü', NULL)");
        for (int i = 0; i < 13; i++) {
            exec("INSERT INTO t SELECT k + " + (2L << i) + ", d * 2, s || 'x', dt + 1 FROM t");
        }
        int n = 2 << 13;
        try (Result r = session.execute("SELECT k, d, s, dt FROM t ORDER BY k")) {
            assertThat(r.batches().size()).isGreaterThan(1);
            List<List<Object>> fromBatches = new ArrayList<>();
            for (VectorSchemaRoot batch : r.batches()) {
                fromBatches.addAll(objects(batch));
            }
            List<List<Object>> fromReader = new ArrayList<>();
            long batchesRead = 0;
            try (ArrowReader reader = r.reader()) {
                assertThat(reader.getVectorSchemaRoot().getSchema()).isEqualTo(r.schema());
                while (reader.loadNextBatch()) {
                    VectorSchemaRoot root = reader.getVectorSchemaRoot();
                    assertThat(root.getSchema()).isEqualTo(r.schema());
                    fromReader.addAll(objects(root));
                    batchesRead++;
                }
                assertThat(reader.bytesRead()).isPositive();
            }
            assertThat(batchesRead).isEqualTo(r.batches().size());
            assertThat(fromReader).hasSize(n).isEqualTo(fromBatches);
            assertThat(fromReader.get(0)).isEqualTo(row(1L, new BigDecimal("0.01"), "a", (int) LocalDate.of(2000, 1, 1).toEpochDay()));
            assertThat(fromReader.get(n - 1).get(0)).isEqualTo((long) n);
            // the rows view agrees
            List<Row> rows = r.rows();
            assertThat(rows).hasSize(n);
            for (int i = 0; i < n; i += 997) {
                assertThat(rows.get(i).get(0)).isEqualTo(fromReader.get(i).get(0));
                assertThat(rows.get(i).get(1)).isEqualTo(fromReader.get(i).get(1));
                assertThat(rows.get(i).get(2)).isEqualTo(fromReader.get(i).get(2));
            }
            // a second reader starts from the beginning again
            try (ArrowReader again = r.reader()) {
                assertThat(again.loadNextBatch()).isTrue();
                assertThat(((BigIntVector) again.getVectorSchemaRoot().getVector(0)).get(0)).isEqualTo(1L);
            }
        }
    }

    @Test
    void statusResultsHaveNoRowsAndNoReader() {
        try (Result r = session.execute("CREATE TABLE t (a INTEGER)")) {
            assertThat(r.hasRows()).isFalse();
            assertThat(r.rows()).isEmpty();
            assertThat(r.batches()).isEmpty();
            assertThat(r.columnNames()).isEmpty();
            QuiverException e = assertThrows(QuiverException.class, r::reader);
            assertThat(e.sqlState()).isEqualTo("0A000");
            assertThat(e.getMessage()).contains("CREATE TABLE").contains("no rows");
        }
    }

    @Test
    void closedResultRejectsUse() {
        Result r = session.execute("SELECT 1 AS x");
        r.close();
        for (org.junit.jupiter.api.function.Executable use : List.<org.junit.jupiter.api.function.Executable>of(
                r::rows, r::batches, r::reader)) {
            QuiverException e = assertThrows(QuiverException.class, use);
            assertThat(e.sqlState()).isEqualTo("55006");
            assertThat(e.getMessage()).contains("result is closed");
        }
        r.close();
        // what it was stays known
        assertThat(r.status()).isEqualTo("SELECT 1");
        assertThat(r.columnNames()).containsExactly("x");
        assertThat(db.allocatedBytes()).isZero();
    }

    // ---------------------------------------------------------------- status strings

    @Test
    void statusStringsAndCounts() {
        try (Result r = session.execute("CREATE TABLE t (a INTEGER, b VARCHAR)")) {
            assertThat(r.status()).isEqualTo("CREATE TABLE");
            assertThat(r.rowCount()).isZero();
        }
        try (Result r = session.execute("INSERT INTO t VALUES (1, 'x'), (2, 'y'), (3, NULL)")) {
            assertThat(r.status()).isEqualTo("INSERT 0 3");
            assertThat(r.rowCount()).isEqualTo(3);
            assertThat(r.hasRows()).isFalse();
        }
        assertThat(exec("INSERT INTO t SELECT a + 10, b FROM t WHERE a > 1")).isEqualTo("INSERT 0 2");
        assertThat(exec("INSERT INTO t SELECT a, b FROM t WHERE false")).isEqualTo("INSERT 0 0");
        try (Result r = session.execute("SELECT a FROM t WHERE a < 13")) {
            assertThat(r.status()).isEqualTo("SELECT 4");
            assertThat(r.rowCount()).isEqualTo(4);
        }
        assertThat(exec("SELECT a FROM t WHERE a > 100")).isEqualTo("SELECT 0");
        try (Result r = session.execute("CREATE TABLE c AS SELECT a, b FROM t WHERE a > 2")) {
            assertThat(r.status()).isEqualTo("SELECT 3");
            assertThat(r.rowCount()).isEqualTo(3);
        }
        assertThat(exec("CREATE TABLE IF NOT EXISTS t (z INTEGER)")).isEqualTo("CREATE TABLE");
        assertThat(rows("SELECT count(*) FROM t")).containsExactly(row(5L));
        assertThat(exec("SET threads = 1")).isEqualTo("SET");
        assertThat(exec("DROP TABLE c")).isEqualTo("DROP TABLE");
        assertThat(exec("DROP TABLE IF EXISTS c")).isEqualTo("DROP TABLE");
        try (Result r = session.execute("EXPLAIN SELECT a FROM t")) {
            assertThat(r.hasRows()).isTrue();
            assertThat(r.columnNames()).containsExactly("QUERY PLAN");
            assertThat(r.status()).isEqualTo("SELECT " + r.rows().size());
        }
    }

    // ---------------------------------------------------------------- Session.append

    @Test
    void appendTakesBatchesOfTheApiTypes() {
        exec("CREATE TABLE t (" + StorageSnapshotTest.ALL_TYPES + ")");
        Schema schema = session.tableSchema("t");
        assertThat(schema.getFields()).hasSize(16);
        assertThat(schema.findField("dec_short").getType()).isEqualTo(new ArrowType.Decimal(18, 4, 128));
        List<List<Object>> expected = StorageSnapshotTest.allTypesExpected();
        List<List<Object>> appended = new ArrayList<>(expected);
        appended.add(row(6, true, (byte) 5, (short) 6, 7, 8L, -0.0f, -0.0, new BigDecimal("-0.0001"), new BigDecimal("0E-10"),
                new BigDecimal("0"), "a\u0000b", "", LocalDate.of(1970, 1, 1), LocalDateTime.of(1970, 1, 1, 0, 0, 0, 1_000),
                new Interval(-1, -2, -3)));
        try (VectorSchemaRoot batch = VectorSchemaRoot.create(schema, session.bufferAllocator())) {
            fill(batch, appended);
            assertThat(session.append("t", batch)).isEqualTo(appended.size());
        }
        List<List<Object>> stored = rows("SELECT * FROM t ORDER BY id");
        assertThat(stored).isEqualTo(appended);
        // Double.equals tells -0.0 from 0.0, NaN equals NaN: bits survived
        assertThat(stored.get(5).get(7)).isEqualTo(-0.0);
        assertThat(stored.get(5).get(6)).isEqualTo(-0.0f);
        // and a query over appended data agrees in every mode
        assertThat(rows("SELECT sum(dec_short), count(v), max(dt) FROM t"))
                .containsExactly(row(new BigDecimal("12.5000"), 5L, LocalDate.of(9999, 12, 31)));
    }

    @Test
    void appendRejectsWrongVectorTypesClearly() {
        exec("CREATE TABLE t (a BIGINT, b VARCHAR)");
        BufferAllocator allocator = session.bufferAllocator();
        Schema wrong = new Schema(List.of(Field.nullable("a", new ArrowType.Int(32, true)), Field.nullable("b", ArrowType.Utf8.INSTANCE)));
        try (VectorSchemaRoot batch = VectorSchemaRoot.create(wrong, allocator)) {
            ((IntVector) batch.getVector(0)).setSafe(0, 1);
            ((VarCharVector) batch.getVector(1)).setSafe(0, "x".getBytes(StandardCharsets.UTF_8));
            batch.setRowCount(1);
            QuiverException e = assertThrows(QuiverException.class, () -> session.append("t", batch));
            assertThat(e.sqlState()).isEqualTo("42804");
            assertThat(e.getMessage()).contains("column \"a\"").contains("BIGINT").contains("Int(32, true)");
        }
        Schema tooFew = new Schema(List.of(Field.nullable("a", new ArrowType.Int(64, true))));
        try (VectorSchemaRoot batch = VectorSchemaRoot.create(tooFew, allocator)) {
            ((BigIntVector) batch.getVector(0)).setSafe(0, 1);
            batch.setRowCount(1);
            QuiverException e = assertThrows(QuiverException.class, () -> session.append("t", batch));
            assertThat(e.sqlState()).isEqualTo("42804");
            assertThat(e.getMessage()).contains("2 columns but 1 were given");
            QuiverException missing = assertThrows(QuiverException.class, () -> session.append("nope", batch));
            assertThat(missing.sqlState()).isEqualTo("42P01");
            assertThat(missing.getMessage()).contains("\"nope\" does not exist");
        }
        assertThat(value("SELECT count(*) FROM t")).isEqualTo(0L);
        assertThat(assertThrows(QuiverException.class, () -> session.tableSchema("nope")).sqlState()).isEqualTo("42P01");
    }

    @Test
    void appendRejectsDecimalsOfAnotherScale() {
        exec("CREATE TABLE t (d DECIMAL(10,2), w DECIMAL(30,2))");
        Schema other = new Schema(List.of(Field.nullable("d", new ArrowType.Decimal(10, 3, 128)),
                Field.nullable("w", new ArrowType.Decimal(30, 2, 128))));
        try (VectorSchemaRoot batch = VectorSchemaRoot.create(other, session.bufferAllocator())) {
            ((DecimalVector) batch.getVector(0)).setSafe(0, new BigDecimal("1.234"));
            ((DecimalVector) batch.getVector(1)).setSafe(0, new BigDecimal("5.00"));
            batch.setRowCount(1);
            QuiverException e = assertThrows(QuiverException.class, () -> session.append("t", batch));
            assertThat(e.sqlState()).isEqualTo("42804");
            assertThat(e.getMessage()).contains("column \"d\"").contains("DECIMAL(10,2)");
        }
        Schema wideScale = new Schema(List.of(Field.nullable("d", new ArrowType.Decimal(10, 2, 128)),
                Field.nullable("w", new ArrowType.Decimal(30, 4, 128))));
        try (VectorSchemaRoot batch = VectorSchemaRoot.create(wideScale, session.bufferAllocator())) {
            ((DecimalVector) batch.getVector(0)).setSafe(0, new BigDecimal("1.23"));
            ((DecimalVector) batch.getVector(1)).setSafe(0, new BigDecimal("5.0000"));
            batch.setRowCount(1);
            QuiverException e = assertThrows(QuiverException.class, () -> session.append("t", batch));
            assertThat(e.getMessage()).contains("column \"w\"");
        }
        assertThat(value("SELECT count(*) FROM t")).isEqualTo(0L);
    }

    @Test
    void appendIsAllOrNothing() {
        exec("CREATE TABLE t (id INTEGER NOT NULL, s VARCHAR(2))");
        exec("INSERT INTO t VALUES (0, 'z')");
        Schema schema = session.tableSchema("t");
        long bytes = storageBytes();
        try (VectorSchemaRoot batch = VectorSchemaRoot.create(schema, session.bufferAllocator())) {
            IntVector id = (IntVector) batch.getVector(0);
            VarCharVector s = (VarCharVector) batch.getVector(1);
            for (int i = 0; i < 5; i++) {
                if (i == 2) {
                    id.setNull(i);
                } else {
                    id.setSafe(i, i + 1);
                }
                s.setSafe(i, "ok".getBytes(StandardCharsets.UTF_8));
            }
            batch.setRowCount(5);
            QuiverException e = assertThrows(QuiverException.class, () -> session.append("t", batch));
            assertThat(e.sqlState()).isEqualTo("23502");
            assertThat(rows("SELECT id, s FROM t")).containsExactly(row(0, "z"));

            id.setSafe(2, 3);
            s.setSafe(2, "big".getBytes(StandardCharsets.UTF_8));
            batch.setRowCount(5);
            e = assertThrows(QuiverException.class, () -> session.append("t", batch));
            assertThat(e.sqlState()).isEqualTo("22001");
            assertThat(rows("SELECT id, s FROM t")).containsExactly(row(0, "z"));
            assertThat(storageBytes()).isGreaterThanOrEqualTo(bytes);

            s.setSafe(2, "ok".getBytes(StandardCharsets.UTF_8));
            batch.setRowCount(5);
            assertThat(session.append("t", batch)).isEqualTo(5);
        }
        assertThat(rows("SELECT count(*), sum(id) FROM t")).containsExactly(row(6L, 15L));
    }

    @Test
    void appendRejectsVectorsShorterThanTheBatch() {
        exec("CREATE TABLE t (a INTEGER, b INTEGER)");
        try (VectorSchemaRoot batch = VectorSchemaRoot.create(session.tableSchema("t"), session.bufferAllocator())) {
            for (int i = 0; i < 3; i++) {
                ((IntVector) batch.getVector(0)).setSafe(i, i);
                ((IntVector) batch.getVector(1)).setSafe(i, i);
            }
            batch.setRowCount(3);
            batch.getVector(1).setValueCount(1);
            QuiverException e = assertThrows(QuiverException.class, () -> session.append("t", batch));
            assertThat(e.sqlState()).isEqualTo("22023");
            assertThat(e.getMessage()).contains("column \"b\"").contains("1 values").contains("3 rows");
        }
        assertThat(value("SELECT count(*) FROM t")).isEqualTo(0L);
    }

    @Test
    void appendOfAnEmptyBatchAddsNothing() {
        exec("CREATE TABLE t (a INTEGER)");
        try (VectorSchemaRoot batch = VectorSchemaRoot.create(session.tableSchema("t"), session.bufferAllocator())) {
            batch.setRowCount(0);
            assertThat(session.append("t", batch)).isZero();
        }
        assertThat(value("SELECT count(*) FROM t")).isEqualTo(0L);
    }

    // ---------------------------------------------------------------- helpers

    private static List<List<Object>> objects(VectorSchemaRoot batch) {
        List<List<Object>> out = new ArrayList<>();
        for (int r = 0; r < batch.getRowCount(); r++) {
            List<Object> values = new ArrayList<>();
            for (FieldVector v : batch.getFieldVectors()) {
                Object o = v.getObject(r);
                values.add(o instanceof org.apache.arrow.vector.util.Text t ? t.toString() : o);
            }
            out.add(values);
        }
        return out;
    }

    /** Fills a batch of the ALL_TYPES schema from Java values. */
    private static void fill(VectorSchemaRoot batch, List<List<Object>> rows) {
        for (int r = 0; r < rows.size(); r++) {
            List<Object> row = rows.get(r);
            for (int c = 0; c < row.size(); c++) {
                FieldVector v = batch.getVector(c);
                Object x = row.get(c);
                if (x == null) {
                    v.setNull(r);
                    continue;
                }
                if (v instanceof BitVector b) {
                    b.setSafe(r, (Boolean) x ? 1 : 0);
                } else if (v instanceof org.apache.arrow.vector.TinyIntVector t) {
                    t.setSafe(r, (Byte) x);
                } else if (v instanceof org.apache.arrow.vector.SmallIntVector t) {
                    t.setSafe(r, (Short) x);
                } else if (v instanceof IntVector t) {
                    t.setSafe(r, (Integer) x);
                } else if (v instanceof BigIntVector t) {
                    t.setSafe(r, (Long) x);
                } else if (v instanceof Float4Vector t) {
                    t.setSafe(r, (Float) x);
                } else if (v instanceof Float8Vector t) {
                    t.setSafe(r, (Double) x);
                } else if (v instanceof DecimalVector t) {
                    t.setSafe(r, (BigDecimal) x);
                } else if (v instanceof VarCharVector t) {
                    t.setSafe(r, ((String) x).getBytes(StandardCharsets.UTF_8));
                } else if (v instanceof DateDayVector t) {
                    t.setSafe(r, (int) ((LocalDate) x).toEpochDay());
                } else if (v instanceof TimeStampMicroVector t) {
                    LocalDateTime ts = (LocalDateTime) x;
                    t.setSafe(r, Math.addExact(Math.multiplyExact(ts.toEpochSecond(ZoneOffset.UTC), 1_000_000L), ts.getNano() / 1000));
                } else if (v instanceof IntervalMonthDayNanoVector t) {
                    Interval i = (Interval) x;
                    t.setSafe(r, i.months(), i.days(), i.micros() * 1000);
                } else {
                    throw new AssertionError("unexpected vector " + v.getClass());
                }
            }
        }
        batch.setRowCount(rows.size());
    }
}
