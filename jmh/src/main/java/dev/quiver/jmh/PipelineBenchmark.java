package dev.quiver.jmh;

import dev.quiver.Database;
import dev.quiver.DatabaseOptions;
import dev.quiver.Quiver;
import dev.quiver.Result;
import dev.quiver.Session;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OperationsPerInvocation;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;
import org.openjdk.jmh.annotations.Warmup;

/**
 * The same pipelines interpreted and compiled, in nanoseconds per input row, on one thread: a
 * selective filter with a sum (TPC-H Q6's shape), a grouped aggregation over decimal arithmetic
 * (Q1's shape), and a hash join probed by every row of {@code facts}, half of which find their one
 * build row in {@code dim} ({@value #DIM_ROWS} rows, built anew by each query: about a twentieth of
 * its work). The ratio between the two modes is the number to watch.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.NANOSECONDS)
@Warmup(iterations = 3, time = 2)
@Measurement(iterations = 5, time = 2)
@Fork(value = 1, jvmArgsAppend = "--add-opens=java.base/java.nio=ALL-UNNAMED")
public class PipelineBenchmark {
    /**
     * Rows in the benchmark table: large enough to amortize per-query overhead, small enough to load
     * in seconds; a power of two, as the doubling inserts that load it make exactly this many.
     */
    static final int ROWS = 1 << 21;
    /**
     * Rows of the join's build side: a dimension-sized table (compiled under the default
     * compile_min_rows too) whose even keys cover half of {@code facts.pk}'s range.
     */
    static final int DIM_ROWS = 1 << 17;

    @Param({"interpret", "compile"})
    public String mode;

    private Database database;
    private Session session;

    @Setup(Level.Trial)
    public void setUp() {
        database = Quiver.openInMemory(DatabaseOptions.defaults().withThreads(1));
        session = database.connect();
        session.execute("CREATE TABLE facts (k INTEGER, flag VARCHAR(1), qty DECIMAL(15,2), price DECIMAL(15,2), "
                + "disc DECIMAL(15,2), day DATE, pk INTEGER)").close();
        session.execute("INSERT INTO facts VALUES (0, 'A', 1.00, 10.00, 0.05, DATE '1994-01-01', 0)").close();
        // Doubling inserts: row i gets values derived from its position, spread over four flags.
        while (count() < ROWS) {
            session.execute("INSERT INTO facts SELECT k + " + count() + ", CASE (k + " + count() + ") % 4 WHEN 0 THEN 'A' "
                    + "WHEN 1 THEN 'N' WHEN 2 THEN 'R' ELSE 'F' END, qty + (k % 50), price + (k % 1000), "
                    + "CAST((k % 11) AS DECIMAL(15,2)) / 100, day + CAST(k % 2000 AS INTEGER), (k + " + count() + ") % "
                    + 2 * DIM_ROWS + " FROM facts").close();
        }
        session.execute("CREATE TABLE dim (dk INTEGER, dflag VARCHAR(1))").close();
        session.execute("INSERT INTO dim SELECT 2 * k, flag FROM facts WHERE k < " + DIM_ROWS).close();
        session.set("execution_mode", mode);
    }

    private long count() {
        try (Result r = session.execute("SELECT count(*) FROM facts")) {
            return r.rows().get(0).getLong(0);
        }
    }

    @TearDown(Level.Trial)
    public void tearDown() {
        session.close();
        database.close();
    }

    @Benchmark
    @OperationsPerInvocation(ROWS)
    public Object filterSum() {
        try (Result r = session.execute("SELECT sum(price * disc) FROM facts WHERE day >= DATE '1994-01-01' "
                + "AND day < DATE '1995-01-01' AND disc BETWEEN 0.05 AND 0.07 AND qty < 24")) {
            return r.rows();
        }
    }

    @Benchmark
    @OperationsPerInvocation(ROWS)
    public Object groupedDecimalAggregate() {
        try (Result r = session.execute("SELECT flag, sum(qty), sum(price * (1 - disc)), avg(disc), count(*) FROM facts "
                + "WHERE day <= DATE '1998-09-02' GROUP BY flag")) {
            return r.rows();
        }
    }

    @Benchmark
    @OperationsPerInvocation(ROWS)
    public Object hashJoin() {
        try (Result r = session.execute("SELECT count(*), sum(f.price) FROM facts f JOIN dim d ON f.pk = d.dk")) {
            return r.rows();
        }
    }
}
