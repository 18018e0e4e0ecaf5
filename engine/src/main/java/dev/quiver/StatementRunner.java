package dev.quiver;

import dev.quiver.codegen.CompiledDriverFactory;
import dev.quiver.codegen.GeneratedPipelines;
import dev.quiver.codegen.runtime.DriverOptions;
import dev.quiver.engine.catalog.IndexDefinition;
import dev.quiver.engine.statement.ConflictResolution;
import dev.quiver.engine.statement.ExplainOutput;
import dev.quiver.engine.statement.KeyConstraints;
import dev.quiver.engine.statement.Reindexing;
import dev.quiver.engine.storage.Table;
import dev.quiver.error.QuiverException;
import dev.quiver.error.SqlState;
import dev.quiver.exec.expr.ConstantFolder;
import dev.quiver.exec.pipeline.DriverFactory;
import dev.quiver.exec.pipeline.InterpretedDriverFactory;
import dev.quiver.exec.pipeline.QueryContext;
import dev.quiver.exec.pipeline.QueryExecutor;
import dev.quiver.exec.pipeline.QueryOutput;
import dev.quiver.exec.vector.ArrowColumns;
import dev.quiver.exec.vector.ValueVector;
import dev.quiver.extension.Procedure;
import dev.quiver.parser.ast.Analyze;
import dev.quiver.parser.ast.Call;
import dev.quiver.parser.ast.CallArgument;
import dev.quiver.parser.ast.ColumnDefinition;
import dev.quiver.parser.ast.ConflictAction;
import dev.quiver.parser.ast.CreateIndex;
import dev.quiver.parser.ast.CreateTable;
import dev.quiver.parser.ast.CreateTableAs;
import dev.quiver.parser.ast.CreateView;
import dev.quiver.parser.ast.Delete;
import dev.quiver.parser.ast.DropIndex;
import dev.quiver.parser.ast.DropTable;
import dev.quiver.parser.ast.DropView;
import dev.quiver.parser.ast.Explain;
import dev.quiver.parser.ast.IndexColumn;
import dev.quiver.parser.ast.Insert;
import dev.quiver.parser.ast.NumericLiteral;
import dev.quiver.parser.ast.Query;
import dev.quiver.parser.ast.QueryStatement;
import dev.quiver.parser.ast.Reindex;
import dev.quiver.parser.ast.SetOption;
import dev.quiver.parser.ast.Statement;
import dev.quiver.parser.ast.StringLiteral;
import dev.quiver.parser.ast.Update;
import dev.quiver.planner.binder.Binder;
import dev.quiver.planner.binder.BoundDelete;
import dev.quiver.planner.binder.BoundInsert;
import dev.quiver.planner.binder.BoundQuery;
import dev.quiver.planner.binder.BoundUpdate;
import dev.quiver.planner.binder.ColumnIdAllocator;
import dev.quiver.planner.binder.NameSuggester;
import dev.quiver.planner.catalog.ColumnMetadata;
import dev.quiver.planner.catalog.ViewDefinition;
import dev.quiver.planner.expr.ColumnRef;
import dev.quiver.planner.expr.Expr;
import dev.quiver.planner.expr.Literal;
import dev.quiver.planner.logical.LogicalPlan;
import dev.quiver.planner.optimizer.OptimizedPlan;
import dev.quiver.planner.optimizer.Optimizer;
import dev.quiver.planner.optimizer.OptimizerSettings;
import dev.quiver.planner.physical.PhysicalPlan;
import dev.quiver.planner.rule.RuleContext;
import dev.quiver.planner.type.DataType;
import dev.quiver.planner.type.TypeNames;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.apache.arrow.memory.OutOfMemoryException;
import org.apache.arrow.vector.FieldVector;
import org.apache.arrow.vector.VarCharVector;
import org.apache.arrow.vector.VectorSchemaRoot;

/**
 * Runs one statement for a session: binds it, optimizes it, executes it in the session's mode,
 * and turns every failure into a {@link QuiverException} that carries the SQL text (so its message
 * shows the offending line and a caret).
 */
final class StatementRunner {
    private static final Optimizer OPTIMIZER = Optimizer.withDefaults();

    private final Database database;
    private final Session session;
    private final SessionSettings settings;
    /** Plans of the session's recent queries, reused while the catalog and the scanned tables' sizes hold. */
    private final PlanCache<Planned> plans = new PlanCache<>();
    private volatile QueryContext running;

    StatementRunner(Database database, Session session) {
        this.database = database;
        this.session = session;
        this.settings = session.settings();
    }

    /**
     * Cancels the statement in progress, if any: its running query stops at the next batch, and a
     * query it has not started yet (while it parses, plans, or between verify mode's two runs) stops
     * as soon as it starts. A cancel when no statement runs is a no-op.
     */
    void cancel() {
        synchronized (this) {
            if (depth == 0) {
                return;
            }
            cancelRequested = true;
        }
        QueryContext context = running;
        if (context != null) {
            context.cancel();
        }
    }

    /** Statements in progress: a procedure's statements run inside its CALL. */
    private int depth;
    private volatile boolean cancelRequested;

    Result run(Statement statement, String sql) {
        synchronized (this) {
            if (depth++ == 0) {
                cancelRequested = false;
            }
        }
        try {
            return dispatch(statement, sql);
        } catch (QuiverException e) {
            throw e.attachSql(sql);
        } catch (OutOfMemoryException e) {
            long databaseLimit = database.options().memoryLimit();
            String message = settings.memoryLimit() >= databaseLimit
                    ? "out of memory: the database's memory limit (" + databaseLimit + " bytes, shared by all tables and queries) "
                            + "is used up; drop tables or open the database with a larger DatabaseOptions.memoryLimit"
                    : "out of memory: the statement needed more than memory_limit (" + settings.memoryLimit()
                            + " bytes); raise it, e.g. SET memory_limit = '" + suggestedLimit(settings.memoryLimit()) + "'" + (databaseLimit == Long.MAX_VALUE ? ""
                            : ", or the database's memory limit (" + databaseLimit + " bytes, DatabaseOptions.memoryLimit) is used up");
            throw new QuiverException(SqlState.OUT_OF_MEMORY, message, e).attachSql(sql);
        } catch (StackOverflowError e) {
            throw new QuiverException("54001", "statement is too complex (nesting too deep)").attachSql(sql);
        } catch (OutOfMemoryError e) {
            // What the statement held is garbage now; the JVM and the session go on.
            throw new QuiverException(SqlState.OUT_OF_MEMORY, "out of memory: the JVM's heap (" + (Runtime.getRuntime().maxMemory() >> 20)
                    + " MiB, java -Xmx) ran out before the statement reached memory_limit (" + settings.memoryLimit()
                    + " bytes, which counts Arrow memory and the heap held by hash tables and buffered rows); lower memory_limit "
                    + "to fail sooner, or give the JVM more heap", e).attachSql(sql);
        } catch (RuntimeException e) {
            throw new QuiverException(SqlState.INTERNAL_ERROR, "internal error: " + e, e).attachSql(sql);
        } finally {
            synchronized (this) {
                depth--;
            }
        }
    }

    /** Twice the current limit, in the largest whole unit, as a SET memory_limit value. */
    static String suggestedLimit(long bytes) {
        long doubled = bytes > Long.MAX_VALUE / 2 ? Long.MAX_VALUE : bytes * 2;
        if (doubled % (1L << 30) == 0) {
            return (doubled >> 30) + "GB";
        }
        if (doubled % (1L << 20) == 0) {
            return (doubled >> 20) + "MB";
        }
        return doubled + "B";
    }

    private Result dispatch(Statement statement, String sql) {
        if (statement instanceof QueryStatement q) {
            return query(q.query());
        }
        if (statement instanceof Insert insert) {
            return insert(insert);
        }
        if (statement instanceof CreateTable create) {
            return createTable(create);
        }
        if (statement instanceof CreateTableAs create) {
            return createTableAs(create);
        }
        if (statement instanceof DropTable drop) {
            database.catalog().drop(drop.name().joined(), drop.ifExists(), drop.name().span().start());
            return Result.status("DROP TABLE", 0);
        }
        if (statement instanceof Explain explain) {
            return explain(explain);
        }
        if (statement instanceof SetOption set) {
            settings.set(set.name().value(), settingValue(set), database.options().threads());
            return Result.status("SET", 0);
        }
        if (statement instanceof Call call) {
            return call(call);
        }
        if (statement instanceof CreateView create) {
            return createView(create, sql);
        }
        if (statement instanceof DropView drop) {
            database.catalog().dropView(drop.name().joined(), drop.ifExists(), drop.name().span().start());
            return Result.status("DROP VIEW", 0);
        }
        if (statement instanceof Delete delete) {
            return delete(delete);
        }
        if (statement instanceof Update update) {
            return update(update);
        }
        if (statement instanceof CreateIndex create) {
            return createIndex(create);
        }
        if (statement instanceof DropIndex drop) {
            database.catalog().dropIndex(drop.name().joined(), drop.ifExists(), drop.name().span().start());
            return Result.status("DROP INDEX", 0);
        }
        if (statement instanceof Analyze analyze) {
            return analyze(analyze);
        }
        if (statement instanceof Reindex reindex) {
            Reindexing.check(database.catalog(), reindex);
            return Result.status("REINDEX", 0);
        }
        throw new QuiverException(SqlState.FEATURE_NOT_SUPPORTED, "statement not supported").attachPosition(statement.span().start());
    }

    // ---------------------------------------------------------------- queries

    /** A planned query; {@code generated} keeps its pipelines' generated sources for its later runs. */
    private record Planned(PhysicalPlan plan, List<String> names, OptimizedPlan optimized, GeneratedPipelines generated) {
    }

    private Planned plan(Query query) {
        ColumnIdAllocator ids = new ColumnIdAllocator();
        BoundQuery bound = new Binder(database.catalog(), ids, new ConstantFolder()).bindQuery(query);
        OptimizedPlan optimized = optimize(bound.plan(), ids);
        return new Planned(optimized.plan(), bound.columnNames(), optimized, new GeneratedPipelines());
    }

    private OptimizedPlan optimize(LogicalPlan plan, ColumnIdAllocator ids) {
        return OPTIMIZER.optimize(plan, new RuleContext(ids, new ConstantFolder()), settings.optimizerSettings());
    }

    private Result query(Query query) {
        OptimizerSettings optimizerSettings = settings.optimizerSettings();
        // Read before planning: a concurrent DDL then makes the kept plan stale, never the reverse.
        long catalogVersion = database.catalog().version();
        Planned planned = plans.get(query, optimizerSettings, catalogVersion).orElseGet(() -> {
            Planned fresh = plan(query);
            plans.put(query, optimizerSettings, catalogVersion, fresh.plan(), fresh);
            return fresh;
        });
        Executed executed = execute(planned.plan(), planned.names(), planned.generated());
        return Result.query(executed.output(), executed.context());
    }

    private record Executed(QueryOutput output, QueryContext context) {
        void close() {
            try {
                output.close();
            } finally {
                context.close();
            }
        }
    }

    /** Executes a plan in the session's mode; in VERIFY both ways, failing if the results differ. */
    private Executed execute(PhysicalPlan plan, List<String> names) {
        return execute(plan, names, new GeneratedPipelines());
    }

    /** As above, with the sources generated for the plan's pipelines on its earlier runs. */
    private Executed execute(PhysicalPlan plan, List<String> names, GeneratedPipelines generated) {
        return switch (settings.executionMode()) {
            case INTERPRET -> executeWith(plan, names, InterpretedDriverFactory.INSTANCE);
            case COMPILE -> executeWith(plan, names, compiledFactory(settings.compileMinRows(), generated, DriverOptions.DEFAULTS));
            case VERIFY -> {
                Executed reference = executeWith(plan, names, InterpretedDriverFactory.INSTANCE);
                try {
                    // Verify compares the two paths: every pipeline is compiled, and takes every optional path, however small.
                    Executed compiled = executeWith(plan, names, compiledFactory(0, generated, DriverOptions.EVERY_PATH));
                    try {
                        ResultComparison.requireSame(reference.output(), compiled.output());
                    } finally {
                        compiled.close();
                    }
                } catch (RuntimeException | Error e) {
                    reference.close();
                    throw e;
                }
                yield reference;
            }
        };
    }

    private DriverFactory compiledFactory(long minRows, GeneratedPipelines generated, DriverOptions options) {
        return new CompiledDriverFactory(settings.generatedSourceDirectory(), minRows, generated, options);
    }

    private Executed executeWith(PhysicalPlan plan, List<String> names, DriverFactory factory) {
        QueryContext context = new QueryContext(database.newQueryAllocator(settings.memoryLimit()), database.scheduler(),
                table -> ((Table) table).snapshot(), settings.threads());
        running = context;
        if (cancelRequested) {
            context.cancel();
        }
        try {
            QueryOutput output = QueryExecutor.execute(plan, names, context, factory);
            return new Executed(output, context);
        } catch (RuntimeException | Error e) {
            context.close();
            throw e;
        } finally {
            running = null;
        }
    }

    // ---------------------------------------------------------------- DDL and DML

    private Result createTable(CreateTable create) {
        List<ColumnMetadata> columns = new ArrayList<>();
        Set<String> names = new HashSet<>();
        for (ColumnDefinition c : create.columns()) {
            if (!names.add(c.name().value())) {
                throw new QuiverException(SqlState.DUPLICATE_COLUMN, "column \"" + c.name().value() + "\" specified more than once")
                        .attachPosition(c.name().span().start());
            }
            columns.add(new ColumnMetadata(c.name().value(), TypeNames.resolve(c.type()), !c.notNull()));
        }
        KeyConstraints.Resolved keys = KeyConstraints.resolve(create, columns);
        Table table = new Table(create.name().joined(), keys.columns(), database.storageAllocator());
        keys.constraints().forEach(table::addUniqueConstraint);
        database.catalog().create(table, create.ifNotExists(), create.name().span().start());
        return Result.status("CREATE TABLE", 0);
    }

    /**
     * Checks the view's query now (so a bad view is reported where it is written) and stores it as
     * parsed; each query that names the view binds it afresh against the catalog of that time.
     */
    private Result createView(CreateView create, String sql) {
        BoundQuery bound = new Binder(database.catalog(), new ColumnIdAllocator(), new ConstantFolder()).bindQuery(create.query());
        List<String> names = new ArrayList<>(bound.columnNames());
        if (create.columns().size() > names.size()) {
            throw new QuiverException(SqlState.SYNTAX_ERROR, "CREATE VIEW specifies more column names than columns")
                    .attachPosition(create.columns().get(names.size()).span().start());
        }
        for (int i = 0; i < create.columns().size(); i++) {
            names.set(i, create.columns().get(i).value());
        }
        Set<String> seen = new HashSet<>();
        for (String name : names) {
            if (!seen.add(name)) {
                throw new QuiverException(SqlState.DUPLICATE_COLUMN, "column \"" + name
                        + "\" specified more than once; give the view's columns distinct names")
                        .attachPosition(create.query().span().start());
            }
        }
        String text = sql.substring(create.query().span().start(), Math.min(sql.length(), create.query().span().end()));
        database.catalog().createView(new ViewDefinition(create.name().joined(), names, create.query(), text), create.orReplace(),
                create.name().span().start());
        return Result.status("CREATE VIEW", 0);
    }

    private Result createTableAs(CreateTableAs create) {
        String name = create.name().joined();
        if (database.catalog().table(name).isPresent()) {
            if (create.ifNotExists()) {
                return Result.status("CREATE TABLE AS", 0);
            }
            throw new QuiverException(SqlState.DUPLICATE_TABLE, "relation \"" + name + "\" already exists")
                    .attachPosition(create.name().span().start());
        }
        Planned planned = plan(create.query());
        Set<String> seen = new HashSet<>();
        List<ColumnMetadata> columns = new ArrayList<>();
        for (int c = 0; c < planned.names().size(); c++) {
            String column = planned.names().get(c);
            if (!seen.add(column)) {
                throw new QuiverException(SqlState.DUPLICATE_COLUMN, "column \"" + column
                        + "\" specified more than once; give the select items distinct aliases")
                        .attachPosition(create.query().span().start());
            }
            columns.add(new ColumnMetadata(column, planned.plan().outputColumns().get(c).type(), true));
        }
        Executed executed = execute(planned.plan(), planned.names());
        try {
            Table table = new Table(name, columns, database.storageAllocator());
            long rows = appendAll(table, executed.output());
            try {
                database.catalog().create(table, false, create.name().span().start());
            } catch (RuntimeException e) {
                table.drop(); // another session took the name meanwhile: free the rows copied for it
                throw e;
            }
            return Result.status("SELECT " + rows, rows);
        } finally {
            executed.close();
        }
    }

    private Result insert(Insert insert) {
        ColumnIdAllocator ids = new ColumnIdAllocator();
        BoundInsert bound = new Binder(database.catalog(), ids, new ConstantFolder()).bindInsert(insert);
        OptimizedPlan optimized = optimize(bound.source(), ids);
        List<String> names = bound.table().columns().stream().map(ColumnMetadata::name).toList();
        Executed executed = execute(optimized.plan(), names);
        try {
            Table table = (Table) bound.table();
            long rows = insert.onConflict() == ConflictAction.ERROR
                    ? appendAll(table, executed.output())
                    : ConflictResolution.insert(table, rows(executed.output()), insert.onConflict());
            return Result.status("INSERT 0 " + rows, rows);
        } finally {
            executed.close();
        }
    }

    /** Appends every result row to the table in one atomic step. */
    private static long appendAll(Table table, QueryOutput output) {
        Table.Rows rows = rows(output);
        return table.append(rows.columns(), rows.count());
    }

    /** Every result row, one heap vector per column. */
    private static Table.Rows rows(QueryOutput output) {
        int total = Math.toIntExact(output.rowCount());
        List<DataType> types = output.types();
        ValueVector[] values = new ValueVector[types.size()];
        for (int c = 0; c < values.length; c++) {
            values[c] = new ValueVector(types.get(c), Math.max(1, total));
        }
        int at = 0;
        for (VectorSchemaRoot batch : output.batches()) {
            for (int c = 0; c < values.length; c++) {
                ArrowColumns.read(batch.getVector(c), types.get(c), null, batch.getRowCount(), values[c], at);
            }
            at += batch.getRowCount();
        }
        return new Table.Rows(values, total);
    }

    private Result delete(Delete delete) {
        ColumnIdAllocator ids = new ColumnIdAllocator();
        BoundDelete bound = new Binder(database.catalog(), ids, new ConstantFolder()).bindDelete(delete);
        PhysicalPlan plan = optimize(bound.remaining(), ids).plan();
        Table table = (Table) bound.table();
        long deleted = table.whileWriting(() -> {
            long before = table.rowCount();
            long after = rewrite(table, plan, table.columns().size());
            return before - after;
        });
        return Result.status("DELETE " + deleted, deleted);
    }

    private Result update(Update update) {
        ColumnIdAllocator ids = new ColumnIdAllocator();
        BoundUpdate bound = new Binder(database.catalog(), ids, new ConstantFolder()).bindUpdate(update);
        PhysicalPlan plan = optimize(bound.rows(), ids).plan();
        Table table = (Table) bound.table();
        long updated = table.whileWriting(() -> rewrite(table, plan, table.columns().size()));
        return Result.status("UPDATE " + updated, updated);
    }

    /**
     * Runs {@code plan}, which produces the table's new rows (its first {@code width} columns; a
     * further BOOLEAN column, if any, marks the rows that changed), and replaces the table's rows
     * with them. The caller holds the table's write lock, so the rows the plan reads are the rows it
     * replaces. Returns the number of rows marked changed, or of rows written when there is no mark.
     */
    private long rewrite(Table table, PhysicalPlan plan, int width) {
        List<String> names = plan.outputColumns().stream().map(ColumnRef::name).toList();
        Executed executed = execute(plan, names);
        try {
            Table.Rows result = rows(executed.output());
            ValueVector[] values = result.columns();
            int rows = result.count();
            table.replace(Arrays.copyOf(values, width), rows);
            if (values.length == width) {
                return rows;
            }
            long marked = 0;
            for (int r = 0; r < rows; r++) {
                marked += values[width].longs[r];
            }
            return marked;
        } finally {
            executed.close();
        }
    }

    /**
     * {@code ANALYZE [table]}: recomputes the statistics of the table, or of every stored table. A
     * view has none, so it is skipped (PostgreSQL only warns); an unknown name is 42P01.
     */
    private Result analyze(Analyze analyze) {
        if (analyze.table().isPresent()) {
            String name = analyze.table().get().joined();
            Optional<Table> table = database.catalog().storedTable(name);
            if (table.isEmpty() && database.catalog().view(name).isEmpty()) {
                throw new QuiverException(SqlState.UNDEFINED_TABLE, "relation \"" + name + "\" does not exist")
                        .attachPosition(analyze.table().get().span().start());
            }
            table.ifPresent(Table::analyze);
        } else {
            for (String name : database.catalog().storedTableNames()) {
                database.catalog().storedTable(name).ifPresent(Table::analyze);
            }
        }
        database.catalog().statisticsChanged();
        return Result.status("ANALYZE", 0);
    }

    /** Records an index; a unique one is checked against the rows now and enforced from now on. */
    private Result createIndex(CreateIndex create) {
        String tableName = create.table().joined();
        int at = create.table().span().start();
        if (database.catalog().view(tableName).isPresent()) {
            throw new QuiverException(SqlState.WRONG_OBJECT_TYPE, "cannot create index on relation \"" + tableName
                    + "\": it is a view; index the tables it reads").attachPosition(at);
        }
        Table table = database.catalog().storedTable(tableName).orElseThrow(() -> new QuiverException(SqlState.UNDEFINED_TABLE,
                "relation \"" + tableName + "\" does not exist" + NameSuggester.closest(tableName, database.catalog().tableNames())
                        .map(s -> "; did you mean \"" + s + "\"?").orElse("")).attachPosition(at));
        List<IndexDefinition.Key> keys = new ArrayList<>();
        for (IndexColumn column : create.columns()) {
            keys.add(new IndexDefinition.Key(column.column().value(), Binder.targetColumn(table, column.column()), column.descending()));
        }
        IndexDefinition index = new IndexDefinition(create.name().value(), tableName, keys, create.unique());
        database.catalog().createIndex(index, table, create.ifNotExists(), create.name().span().start());
        return Result.status("CREATE INDEX", 0);
    }

    // ---------------------------------------------------------------- EXPLAIN, SET, CALL

    private Result explain(Explain explain) {
        if (!(explain.statement() instanceof QueryStatement q)) {
            throw new QuiverException(SqlState.FEATURE_NOT_SUPPORTED, "EXPLAIN supports queries only")
                    .attachPosition(explain.statement().span().start());
        }
        Planned planned = plan(q.query());
        Optional<ExplainOutput.Analysis> analysis = Optional.empty();
        if (explain.analyze()) {
            long start = System.nanoTime();
            Executed executed = execute(planned.plan(), planned.names());
            long nanos = System.nanoTime() - start;
            try {
                analysis = Optional.of(ExplainOutput.Analysis.of(executed.context(), nanos, executed.output().rowCount(),
                        settings.executionMode().name().toLowerCase(Locale.ROOT)));
            } finally {
                executed.close();
            }
        }
        return textResult("QUERY PLAN", new ExplainOutput(planned.optimized(), analysis, explain.format(), explain.rules()).rows());
    }

    private Result textResult(String column, List<String> lines) {
        QueryContext context = new QueryContext(database.newQueryAllocator(settings.memoryLimit()), database.scheduler(),
                table -> ((Table) table).snapshot(), 1);
        try {
            VarCharVector v = (VarCharVector) ArrowColumns.create(column, DataType.VARCHAR, context.allocator(), true);
            ValueVector values = new ValueVector(DataType.VARCHAR, lines.size());
            for (int i = 0; i < lines.size(); i++) {
                values.setString(i, lines.get(i));
            }
            ArrowColumns.write(values, null, lines.size(), v);
            VectorSchemaRoot root = new VectorSchemaRoot(List.<FieldVector>of(v));
            root.setRowCount(lines.size());
            return Result.query(new QueryOutput(List.of(column), List.of(DataType.VARCHAR), List.of(root)), context);
        } catch (RuntimeException e) {
            context.close();
            throw e;
        }
    }

    private String settingValue(SetOption set) {
        if (set.value() instanceof StringLiteral s) {
            return s.value();
        }
        if (set.value() instanceof NumericLiteral n) {
            return n.text();
        }
        Object v = constant(set.value());
        return v == null ? "" : v.toString();
    }

    private Object constant(dev.quiver.parser.ast.Expression e) {
        Literal literal = literal(e);
        return literal.isNull() ? null : literal.get();
    }

    private Literal literal(dev.quiver.parser.ast.Expression e) {
        Expr bound = new Binder(database.catalog(), new ColumnIdAllocator()).bindConstant(e);
        return new ConstantFolder().evaluate(bound).orElseThrow(() ->
                new QuiverException(SqlState.INVALID_PARAMETER_VALUE, "argument must be a constant").attachPosition(e.span().start()));
    }

    /** A CALL argument as the Java value {@link Procedure} promises: DATE as LocalDate, TIMESTAMP as LocalDateTime. */
    private Object procedureArgument(dev.quiver.parser.ast.Expression e) {
        Literal literal = literal(e);
        if (literal.isNull()) {
            return null;
        }
        if (literal.type().id() == dev.quiver.planner.type.TypeId.DATE) {
            return java.time.LocalDate.ofEpochDay((Integer) literal.get());
        }
        if (literal.type().id() == dev.quiver.planner.type.TypeId.TIMESTAMP) {
            return dev.quiver.planner.type.DateTimes.toLocalDateTime((Long) literal.get());
        }
        return literal.get();
    }

    private Result call(Call call) {
        String name = call.procedure().joined();
        Procedure procedure = database.procedures().get(name);
        if (procedure == null) {
            throw new QuiverException(SqlState.UNDEFINED_FUNCTION, "procedure " + name + " does not exist"
                    + (database.procedures().isEmpty() ? "" : "; available: " + String.join(", ", database.procedures().keySet())))
                    .attachPosition(call.procedure().span().start());
        }
        Map<String, Object> arguments = new LinkedHashMap<>();
        int positional = 0;
        for (CallArgument a : call.arguments()) {
            String parameter;
            if (a.name().isPresent()) {
                parameter = a.name().get().value();
                if (!procedure.parameters().contains(parameter)) {
                    throw new QuiverException(SqlState.UNDEFINED_OBJECT, "procedure " + name + " has no parameter \"" + parameter
                            + "\"; parameters: " + String.join(", ", procedure.parameters())).attachPosition(a.span().start());
                }
            } else {
                if (positional >= procedure.parameters().size()) {
                    throw new QuiverException(SqlState.UNDEFINED_FUNCTION, "procedure " + name + " takes at most "
                            + procedure.parameters().size() + " arguments").attachPosition(a.span().start());
                }
                parameter = procedure.parameters().get(positional++);
            }
            if (arguments.containsKey(parameter)) {
                throw new QuiverException(SqlState.SYNTAX_ERROR, "argument \"" + parameter + "\" of procedure " + name
                        + " is given more than once").attachPosition(a.span().start());
            }
            arguments.put(parameter, procedureArgument(a.value()));
        }
        try {
            String status = procedure.call(session, arguments);
            return Result.status(status, 0);
        } catch (QuiverException e) {
            throw e.attachPosition(call.span().start());
        }
    }
}
