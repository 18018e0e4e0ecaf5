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
 * query. The optimizer issue's bar is a median under 50 ms per query after warm-up. {@code
 * join12} is a join of twelve relations (the TPC-H tables, nation and region three times each, with
 * a cycle through the customer's and the supplier's nations), the size at which the exhaustive
 * enumerator must still finish within the search budget.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.SampleTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
@Warmup(iterations = 3, time = 1)
@Measurement(iterations = 10, time = 1)
@Fork(value = 1, jvmArgsAppend = "--add-opens=java.base/java.nio=ALL-UNNAMED")
public class PlanningBenchmark {
    /** Twelve relations joined: a chain, a star on lineitem, and one cycle. */
    static final String JOIN_12 = """
            SELECT n1.n_name, r3.r_name, count(*), sum(l_extendedprice)
            FROM lineitem, orders, customer, nation n1, region r1, supplier, nation n2, region r2, part, partsupp, nation n3, region r3
            WHERE l_orderkey = o_orderkey AND o_custkey = c_custkey AND c_nationkey = n1.n_nationkey
              AND n1.n_regionkey = r1.r_regionkey AND l_suppkey = s_suppkey AND s_nationkey = n2.n_nationkey
              AND n2.n_regionkey = r2.r_regionkey AND l_partkey = p_partkey AND ps_partkey = l_partkey AND ps_suppkey = l_suppkey
              AND n3.n_nationkey = c_nationkey AND n3.n_regionkey = r3.r_regionkey AND n2.n_regionkey = n3.n_regionkey
              AND r1.r_name = 'ASIA' AND p_type LIKE '%BRASS' AND o_orderdate >= DATE '1995-01-01'
            GROUP BY n1.n_name, r3.r_name
            """;

    @Param({"1", "2", "3", "4", "5", "6", "7", "8", "9", "10", "11", "12", "13", "14", "15", "16", "17", "18", "19", "20", "21", "22",
        "join12"})
    public String query;

    private Database database;
    private Session session;
    private String explain;

    @Setup(Level.Trial)
    public void setUp() {
        database = Quiver.openInMemory();
        TpchStatistics.createWithScaleFactorOneStatistics(database);
        session = database.connect();
        if (query.equals("join12")) {
            explain = "EXPLAIN " + JOIN_12;
            return;
        }
        int number = Integer.parseInt(query);
        List<String> statements = TpchQueries.statements(number);
        int select = TpchQueries.resultStatement(number);
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
