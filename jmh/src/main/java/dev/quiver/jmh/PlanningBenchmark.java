package dev.quiver.jmh;

import dev.quiver.Database;
import dev.quiver.Quiver;
import dev.quiver.Result;
import dev.quiver.Session;
import dev.quiver.tpch.TpchQueries;
import dev.quiver.tpch.TpchStatistics;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;
import org.openjdk.jmh.annotations.Warmup;

/**
 * Planning time of each TPC-H query at scale factor 1's statistics (injected into empty tables, so
 * nothing is loaded): parse, bind, optimize and print, as {@code EXPLAIN} does, in milliseconds per
 * query. The optimizer issue's bar is a median under 50 ms per query after warm-up.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.SampleTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
@Warmup(iterations = 3, time = 1)
@Measurement(iterations = 10, time = 1)
@Fork(value = 1, jvmArgsAppend = "--add-opens=java.base/java.nio=ALL-UNNAMED")
public class PlanningBenchmark {
    @Param({"1", "2", "3", "4", "5", "6", "7", "8", "9", "10", "11", "12", "13", "14", "15", "16", "17", "18", "19", "20", "21", "22"})
    public int query;

    private Database database;
    private Session session;
    private String explain;

    @Setup(Level.Trial)
    public void setUp() {
        database = Quiver.openInMemory();
        TpchStatistics.createWithScaleFactorOneStatistics(database);
        session = database.connect();
        List<String> statements = TpchQueries.statements(query);
        int select = TpchQueries.resultStatement(query);
        for (int i = 0; i < select; i++) {
            session.execute(statements.get(i)).close(); // Q15's view, which the SELECT reads
        }
        explain = "EXPLAIN " + statements.get(select);
    }

    @TearDown(Level.Trial)
    public void tearDown() {
        session.close();
        database.close();
    }

    @Benchmark
    public long plan() {
        try (Result r = session.execute(explain)) {
            return r.rows().size();
        }
    }
}
