package dev.quiver.codegen;

import dev.quiver.exec.expr.ConstantFolder;
import dev.quiver.exec.pipeline.DriverFactory;
import dev.quiver.exec.pipeline.QueryContext;
import dev.quiver.exec.pipeline.QueryExecutor;
import dev.quiver.exec.pipeline.QueryOutput;
import dev.quiver.exec.pipeline.Scheduler;
import dev.quiver.exec.pipeline.TableSnapshot;
import dev.quiver.exec.vector.ArrowColumns;
import dev.quiver.exec.vector.ValueVector;
import dev.quiver.exec.vector.Values;
import dev.quiver.parser.SqlParser;
import dev.quiver.parser.ast.QueryStatement;
import dev.quiver.planner.binder.Binder;
import dev.quiver.planner.binder.BoundQuery;
import dev.quiver.planner.binder.ColumnIdAllocator;
import dev.quiver.planner.catalog.Catalog;
import dev.quiver.planner.catalog.ColumnMetadata;
import dev.quiver.planner.catalog.TableHandle;
import dev.quiver.planner.catalog.TableStatistics;
import dev.quiver.planner.optimizer.Optimizer;
import dev.quiver.planner.optimizer.OptimizerSettings;
import dev.quiver.planner.physical.PhysicalPlan;
import dev.quiver.planner.rule.RuleContext;
import dev.quiver.planner.type.DataType;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Optional;
import org.apache.arrow.memory.BufferAllocator;
import org.apache.arrow.memory.RootAllocator;
import org.apache.arrow.vector.FieldVector;
import org.apache.arrow.vector.VectorSchemaRoot;

/**
 * Just enough engine for codegen tests: one in-memory table, the real parser, binder, optimizer and
 * executor, and a choice of driver factory. Rows come back as Java values.
 */
final class MiniEngine implements AutoCloseable {
    /** Rows per storage chunk here: small, so a few hundred rows already make several batches and morsels. */
    static final int CHUNK_ROWS = 100;

    private final RootAllocator root = new RootAllocator();
    private final Scheduler scheduler = new Scheduler(2);
    private final FakeTable table;

    MiniEngine(String name, List<ColumnMetadata> columns, List<Object[]> rows) {
        table = new FakeTable(name, columns, rows, root);
    }

    PhysicalPlan plan(String sql) {
        ColumnIdAllocator ids = new ColumnIdAllocator();
        Catalog catalog = new Catalog() {
            @Override
            public Optional<TableHandle> table(String name) {
                return name.equals(table.name()) ? Optional.of(table) : Optional.empty();
            }

            @Override
            public Collection<String> tableNames() {
                return List.of(table.name());
            }
        };
        BoundQuery bound = new Binder(catalog, ids).bindQuery(((QueryStatement) SqlParser.parseStatement(sql)).query());
        return Optimizer.withDefaults().optimize(bound.plan(), new RuleContext(ids, new ConstantFolder()),
                OptimizerSettings.defaults()).plan();
    }

    List<List<Object>> run(String sql, DriverFactory factory) {
        PhysicalPlan plan = plan(sql);
        List<String> names = plan.outputColumns().stream().map(c -> c.name()).toList();
        try (QueryContext context = context()) {
            try (QueryOutput output = QueryExecutor.execute(plan, names, context, factory)) {
                List<List<Object>> rows = new ArrayList<>();
                for (VectorSchemaRoot batch : output.batches()) {
                    for (int r = 0; r < batch.getRowCount(); r++) {
                        List<Object> row = new ArrayList<>();
                        for (int c = 0; c < output.types().size(); c++) {
                            row.add(ArrowColumns.getObject(batch.getVector(c), output.types().get(c), r));
                        }
                        rows.add(row);
                    }
                }
                return rows;
            }
        }
    }

    QueryContext context() {
        return new QueryContext(root.newChildAllocator("query", 0, Long.MAX_VALUE), scheduler, t -> table.snapshot(), 2);
    }

    @Override
    public void close() {
        table.close();
        scheduler.close();
        root.close();
    }

    /** A table whose chunks are built once from Java rows. */
    static final class FakeTable implements TableHandle, AutoCloseable {
        private final String name;
        private final List<ColumnMetadata> columns;
        private final List<FieldVector[]> chunks = new ArrayList<>();
        private final List<Integer> sizes = new ArrayList<>();
        private final long rows;

        FakeTable(String name, List<ColumnMetadata> columns, List<Object[]> data, BufferAllocator allocator) {
            this.name = name;
            this.columns = columns;
            this.rows = data.size();
            for (int from = 0; from < data.size(); from += CHUNK_ROWS) {
                int n = Math.min(CHUNK_ROWS, data.size() - from);
                FieldVector[] vectors = new FieldVector[columns.size()];
                for (int c = 0; c < columns.size(); c++) {
                    DataType type = columns.get(c).type();
                    ValueVector values = new ValueVector(type, n);
                    for (int r = 0; r < n; r++) {
                        Values.set(values, r, data.get(from + r)[c]);
                    }
                    vectors[c] = ArrowColumns.create(columns.get(c).name(), type, allocator, false);
                    ArrowColumns.write(values, null, n, vectors[c]);
                }
                chunks.add(vectors);
                sizes.add(n);
            }
        }

        @Override
        public String name() {
            return name;
        }

        @Override
        public List<ColumnMetadata> columns() {
            return columns;
        }

        @Override
        public TableStatistics statistics() {
            return new TableStatistics(rows);
        }

        TableSnapshot snapshot() {
            return new TableSnapshot() {
                @Override
                public int chunkCount() {
                    return chunks.size();
                }

                @Override
                public int rowCount(int chunk) {
                    return sizes.get(chunk);
                }

                @Override
                public FieldVector column(int chunk, int ordinal) {
                    return chunks.get(chunk)[ordinal];
                }

                @Override
                public void close() {
                }
            };
        }

        @Override
        public void close() {
            for (FieldVector[] chunk : chunks) {
                for (FieldVector v : chunk) {
                    v.close();
                }
            }
        }
    }
}
