package dev.quiver.planner.binder;

import static java.util.Objects.requireNonNull;

import dev.quiver.error.QuiverException;
import dev.quiver.error.SqlState;
import dev.quiver.parser.ast.ColumnReference;
import dev.quiver.parser.ast.Delete;
import dev.quiver.parser.ast.Expression;
import dev.quiver.parser.ast.Identifier;
import dev.quiver.parser.ast.Insert;
import dev.quiver.parser.ast.ParenthesizedQuery;
import dev.quiver.parser.ast.QualifiedName;
import dev.quiver.parser.ast.Query;
import dev.quiver.parser.ast.QueryBody;
import dev.quiver.parser.ast.QuerySpecification;
import dev.quiver.parser.ast.Relation;
import dev.quiver.parser.ast.SetOperation;
import dev.quiver.parser.ast.SortItem;
import dev.quiver.parser.ast.Update;
import dev.quiver.parser.ast.Values;
import dev.quiver.parser.ast.WithQuery;
import dev.quiver.planner.catalog.Catalog;
import dev.quiver.planner.catalog.ColumnMetadata;
import dev.quiver.planner.catalog.TableHandle;
import dev.quiver.planner.expr.ColumnRef;
import dev.quiver.planner.expr.Expr;
import dev.quiver.planner.expr.Literal;
import dev.quiver.planner.logical.LogicalLimit;
import dev.quiver.planner.logical.LogicalPlan;
import dev.quiver.planner.logical.LogicalProject;
import dev.quiver.planner.logical.LogicalSort;
import dev.quiver.planner.logical.LogicalValues;
import dev.quiver.planner.plan.Assignment;
import dev.quiver.planner.plan.SortKey;
import dev.quiver.planner.rule.ConstantEvaluator;
import dev.quiver.planner.type.DataType;
import dev.quiver.planner.type.TypeCoercion;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.OptionalLong;
import java.util.Set;
import java.util.function.Supplier;

/**
 * Turns statements into logical plans: resolves every name against the {@link Catalog}, types
 * every expression, checks grouping, and reports what is wrong with the position it is written at.
 * One binder serves one statement (it owns the statement's column ids).
 */
public final class Binder {
    private final Catalog catalog;
    private final ColumnIdAllocator ids;
    private final ConstantEvaluator constants;
    private final RelationBinder relations;
    /** The innermost common table expression in scope while binding. */
    private Optional<CommonTableExpression> ctes = Optional.empty();

    public Binder(Catalog catalog, ColumnIdAllocator ids) {
        this(catalog, ids, ConstantEvaluator.NONE);
    }

    /** A binder that can evaluate constant expressions where SQL needs a value now (LIMIT, OFFSET). */
    public Binder(Catalog catalog, ColumnIdAllocator ids, ConstantEvaluator constants) {
        this.catalog = requireNonNull(catalog, "catalog");
        this.ids = requireNonNull(ids, "ids");
        this.constants = requireNonNull(constants, "constants");
        this.relations = new RelationBinder(this, ids);
    }

    public BoundQuery bindQuery(Query query) {
        RelationPlan relation = query(query);
        List<String> names = relation.scope().fields().stream().map(Scope.Field::name).toList();
        return new BoundQuery(relation.plan(), names);
    }

    /** Binds an expression that refers to no column (CALL arguments, SET values). */
    public Expr bindConstant(Expression expression) {
        return new ExpressionBinder(Scope.empty(), "a constant").bind(expression);
    }

    public BoundInsert bindInsert(Insert insert) {
        TableHandle table = target(insert.table(), "insert into");
        List<ColumnMetadata> columns = table.columns();
        List<Integer> targets = new ArrayList<>();
        if (insert.columns().isEmpty()) {
            for (int i = 0; i < columns.size(); i++) {
                targets.add(i);
            }
        } else {
            Set<String> seen = new HashSet<>();
            for (Identifier name : insert.columns()) {
                int index = targetColumn(table, name);
                if (!seen.add(name.value())) {
                    throw new QuiverException(SqlState.DUPLICATE_COLUMN,
                            "column \"" + name.value() + "\" specified more than once").attachPosition(name.span().start());
                }
                targets.add(index);
            }
        }
        List<DataType> targetTypes = targets.stream().map(i -> storedAs(columns.get(i).type())).toList();
        Query source = insert.source();
        LogicalPlan plan;
        List<ColumnRef> produced;
        if (source.body() instanceof Values values && source.orderBy().isEmpty() && source.limit().isEmpty()
                && source.offset().isEmpty() && source.with().isEmpty()) {
            checkArity(values.rows().isEmpty() ? 0 : values.rows().get(0).size(), targets.size(), source);
            RelationPlan relation = values(values, Optional.of(targetTypes), Optional.of(targets.stream()
                    .map(i -> columns.get(i).name()).toList()));
            plan = relation.plan();
            produced = plan.outputColumns();
        } else {
            RelationPlan relation = query(source);
            plan = relation.plan();
            produced = plan.outputColumns();
            checkArity(produced.size(), targets.size(), source);
        }
        List<Assignment> assignments = new ArrayList<>();
        for (int c = 0; c < columns.size(); c++) {
            ColumnMetadata column = columns.get(c);
            DataType type = storedAs(column.type());
            ColumnRef output = ids.newColumn(column.name(), type);
            int slot = targets.indexOf(c);
            Expr value;
            if (slot < 0) {
                value = Literal.nullOf(type);
            } else {
                value = assign(produced.get(slot), column, source.span().start());
            }
            assignments.add(new Assignment(output, value));
        }
        return new BoundInsert(table, LogicalPlan.of(new LogicalProject(assignments), plan));
    }

    /** Binds {@code DELETE}: the rows that remain (see {@link BoundDelete}). */
    public BoundDelete bindDelete(Delete delete) {
        return new DataChangeBinder(this, relations, ids).delete(delete);
    }

    /** Binds {@code UPDATE}: the table's rows after it (see {@link BoundUpdate}). */
    public BoundUpdate bindUpdate(Update update) {
        return new DataChangeBinder(this, relations, ids).update(update);
    }

    /** Bounded VARCHARs are stored as produced and length-checked by storage; other types as declared. */
    static DataType storedAs(DataType declared) {
        return declared.isString() ? DataType.VARCHAR : declared;
    }

    /**
     * {@code value} converted for storing in {@code column} (the assignment conversion of INSERT and
     * UPDATE): any type that converts implicitly or by assignment, and a string literal, which is
     * parsed as the column's type now.
     */
    static Expr assign(Expr value, ColumnMetadata column, int at) {
        DataType type = storedAs(column.type());
        if (!TypeCoercion.canAssign(value.type(), type) && !(value instanceof Literal l && l.type().isString())) {
            throw new QuiverException(SqlState.DATATYPE_MISMATCH, "column \"" + column.name() + "\" is of type " + column.type()
                    + " but expression is of type " + value.type() + "; rewrite or cast the expression").attachPosition(at);
        }
        return Coercions.to(value, type, at);
    }

    /**
     * The table an INSERT, UPDATE or DELETE changes ({@code verb} says which, as "insert into"):
     * a view is refused, as Quiver's views are not updatable.
     */
    TableHandle target(QualifiedName name, String verb) {
        if (catalog.view(name.joined()).isPresent()) {
            throw new QuiverException(SqlState.FEATURE_NOT_SUPPORTED, "cannot " + verb + " view \"" + name.joined()
                    + "\": views are not updatable; change the tables it reads").attachPosition(name.span().start());
        }
        return table(name);
    }

    /** The ordinal of the table's column of that name, or a 42703 error suggesting the closest name. */
    public static int targetColumn(TableHandle table, Identifier name) {
        int index = columnIndex(table, name.value());
        if (index < 0) {
            String hint = NameSuggester.closest(name.value(), table.columns().stream().map(ColumnMetadata::name).toList())
                    .map(s -> "; did you mean \"" + s + "\"?").orElse("");
            throw new QuiverException(SqlState.UNDEFINED_COLUMN,
                    "column \"" + name.value() + "\" of relation \"" + table.name() + "\" does not exist" + hint)
                    .attachPosition(name.span().start());
        }
        return index;
    }

    private static void checkArity(int produced, int targets, Query source) {
        if (produced > targets) {
            throw new QuiverException(SqlState.SYNTAX_ERROR, "INSERT has more expressions than target columns")
                    .attachPosition(source.span().start());
        }
        if (produced < targets) {
            throw new QuiverException(SqlState.SYNTAX_ERROR, "INSERT has more target columns than expressions")
                    .attachPosition(source.span().start());
        }
    }

    private static int columnIndex(TableHandle table, String name) {
        for (int i = 0; i < table.columns().size(); i++) {
            if (table.columns().get(i).name().equals(name)) {
                return i;
            }
        }
        return -1;
    }

    // ---------------------------------------------------------------- queries

    RelationPlan query(Query query) {
        return query(query, Optional.empty());
    }

    /**
     * Binds a query; {@code outer} is the scope of the enclosing query when this one is a subquery
     * (its names are visible here: correlation).
     */
    RelationPlan query(Query query, Optional<Scope> outer) {
        Optional<CommonTableExpression> saved = ctes;
        try {
            if (query.with().isPresent()) {
                Set<String> names = new HashSet<>();
                for (WithQuery w : query.with().get().queries()) {
                    if (!names.add(w.name().value())) {
                        throw new QuiverException(SqlState.DUPLICATE_ALIAS,
                                "WITH query name \"" + w.name().value() + "\" specified more than once")
                                .attachPosition(w.name().span().start());
                    }
                    ctes = Optional.of(new CommonTableExpression(w, outer, ctes));
                }
            }
            if (query.body() instanceof QuerySpecification spec) {
                return new SelectBinder(this, spec, ids, outer).bind(query.orderBy(), limit(query),
                        query.offset().map(this::offset).orElse(0L));
            }
            RelationPlan body = body(query.body(), outer);
            LogicalPlan plan = body.plan();
            if (!query.orderBy().isEmpty()) {
                List<SortKey> keys = new ArrayList<>();
                for (SortItem item : query.orderBy()) {
                    ColumnRef column = outputColumnFor(item.key(), body.scope());
                    keys.add(sortKey(column, item));
                }
                plan = LogicalPlan.of(new LogicalSort(keys), plan);
            }
            plan = applyLimit(plan, limit(query), query.offset().map(this::offset).orElse(0L));
            return new RelationPlan(plan, body.scope());
        } finally {
            ctes = saved;
        }
    }

    private RelationPlan body(QueryBody body, Optional<Scope> outer) {
        if (body instanceof QuerySpecification spec) {
            return new SelectBinder(this, spec, ids, outer).bind(List.of(), OptionalLong.empty(), 0);
        }
        if (body instanceof Values values) {
            return values(values, Optional.empty(), Optional.empty());
        }
        if (body instanceof ParenthesizedQuery p) {
            return query(p.query(), outer);
        }
        if (body instanceof SetOperation s) {
            RelationPlan left = body(s.left(), outer);
            RelationPlan right = body(s.right(), outer);
            return new SetOperationBinder(ids).bind(s, left, right);
        }
        throw new IllegalStateException("unknown query body " + body);
    }

    // ---------------------------------------------------------------- WITH

    /**
     * A common table expression in scope, with the scope it was defined in: the CTEs before it (of
     * its own and enclosing WITH clauses) and the enclosing query's columns.
     */
    private record CommonTableExpression(WithQuery definition, Optional<Scope> outer, Optional<CommonTableExpression> before) {
    }

    /**
     * The CTE of that name in scope, bound afresh (each reference is its own copy of the plan, with
     * its own column ids), with its column names as the WITH clause lists them.
     */
    Optional<RelationPlan> cte(String name) {
        for (Optional<CommonTableExpression> c = ctes; c.isPresent(); c = c.get().before()) {
            CommonTableExpression cte = c.get();
            if (!cte.definition().name().value().equals(name)) {
                continue;
            }
            Optional<CommonTableExpression> saved = ctes;
            ctes = cte.before();
            try {
                RelationPlan plan = query(cte.definition().query(), cte.outer());
                List<Identifier> renames = cte.definition().columns();
                if (renames.size() > plan.scope().fields().size()) {
                    throw new QuiverException(SqlState.INVALID_COLUMN_REFERENCE, "WITH query \"" + name + "\" has "
                            + plan.scope().fields().size() + " columns available but " + renames.size() + " columns specified")
                            .attachPosition(cte.definition().span().start());
                }
                return Optional.of(RelationBinder.aliased(plan, Optional.empty(), renames, cte.definition().span().start()));
            } finally {
                ctes = saved;
            }
        }
        return Optional.empty();
    }

    /** Runs {@code binding} with no CTE in scope (a view's query sees only the catalog). */
    <T> T isolated(Supplier<T> binding) {
        Optional<CommonTableExpression> saved = ctes;
        ctes = Optional.empty();
        try {
            return binding.get();
        } finally {
            ctes = saved;
        }
    }

    Catalog catalog() {
        return catalog;
    }

    /** An ORDER BY key over a query's output only: an ordinal, or an output column name. */
    private static ColumnRef outputColumnFor(Expression key, Scope output) {
        Optional<Integer> ordinal = SelectBinder.ordinal(key);
        if (ordinal.isPresent()) {
            int k = ordinal.get();
            if (k < 1 || k > output.fields().size()) {
                throw new QuiverException(SqlState.INVALID_COLUMN_REFERENCE, "ORDER BY position " + k + " is not in select list")
                        .attachPosition(key.span().start());
            }
            return output.fields().get(k - 1).column();
        }
        if (key instanceof ColumnReference ref) {
            return output.resolve(ref);
        }
        throw new QuiverException(SqlState.FEATURE_NOT_SUPPORTED,
                "ORDER BY here can only name an output column or its position").attachPosition(key.span().start());
    }

    static SortKey sortKey(ColumnRef column, SortItem item) {
        boolean nullsFirst = switch (item.nullOrdering()) {
            case FIRST -> true;
            case LAST -> false;
            case DEFAULT -> item.descending(); // PostgreSQL: NULLs are larger than any value
        };
        return new SortKey(column, item.descending(), nullsFirst);
    }

    static LogicalPlan applyLimit(LogicalPlan plan, OptionalLong limit, long offset) {
        if (limit.isEmpty() && offset == 0) {
            return plan;
        }
        return LogicalPlan.of(new LogicalLimit(limit, offset), plan);
    }

    private OptionalLong limit(Query query) {
        if (query.limit().isEmpty()) {
            return OptionalLong.empty();
        }
        Optional<Long> value = constantInteger(query.limit().get(), "LIMIT");
        return value.isPresent() ? OptionalLong.of(value.get()) : OptionalLong.empty();
    }

    private long offset(Expression e) {
        return constantInteger(e, "OFFSET").orElse(0L);
    }

    private Optional<Long> constantInteger(Expression e, String clause) {
        boolean[] hasColumn = {false};
        AstExpressions.walk(e, node -> hasColumn[0] |= node instanceof ColumnReference);
        if (hasColumn[0]) {
            throw new QuiverException(SqlState.INVALID_COLUMN_REFERENCE, "argument of " + clause + " must not contain variables")
                    .attachPosition(e.span().start());
        }
        Expr bound = new ExpressionBinder(Scope.empty(), clause).bind(e);
        if (!(bound instanceof Literal) && bound.type().isIntegral()) {
            Optional<Literal> folded;
            try {
                folded = constants.evaluate(bound);
            } catch (QuiverException ex) {
                throw ex.attachPosition(e.span().start());
            }
            if (folded.isPresent()) {
                bound = folded.get();
            }
        }
        if (bound instanceof Literal l) {
            if (l.isNull()) {
                return Optional.empty();
            }
            if (l.type().isIntegral()) {
                long v = (Long) l.get();
                if (v < 0) {
                    throw new QuiverException(SqlState.INVALID_PARAMETER_VALUE, clause + " must not be negative")
                            .attachPosition(e.span().start());
                }
                return Optional.of(v);
            }
        }
        throw new QuiverException(SqlState.DATATYPE_MISMATCH, "argument of " + clause + " must be an integer constant")
                .attachPosition(e.span().start());
    }

    // ---------------------------------------------------------------- VALUES

    /**
     * Binds VALUES. With target types (INSERT), each value is converted to its column's type where
     * it stands, so a bad value is reported at its own position; otherwise each column takes the
     * common type of its values.
     */
    RelationPlan values(Values values, Optional<List<DataType>> targetTypes, Optional<List<String>> targetNames) {
        int width = values.rows().get(0).size();
        List<List<Expr>> rows = new ArrayList<>();
        for (List<Expression> row : values.rows()) {
            if (row.size() != width) {
                throw new QuiverException(SqlState.SYNTAX_ERROR, "VALUES lists must all be the same length")
                        .attachPosition(row.isEmpty() ? values.span().start() : row.get(0).span().start());
            }
            ExpressionBinder binder = new ExpressionBinder(Scope.empty(), "VALUES");
            List<Expr> bound = new ArrayList<>();
            for (Expression e : row) {
                bound.add(binder.bind(e));
            }
            rows.add(bound);
        }
        List<DataType> types = new ArrayList<>();
        for (int c = 0; c < width; c++) {
            if (targetTypes.isPresent()) {
                types.add(targetTypes.get().get(c));
                continue;
            }
            DataType t = DataType.UNKNOWN;
            for (int r = 0; r < rows.size(); r++) {
                Expr e = rows.get(r).get(c);
                List<Expr> column = new ArrayList<>();
                for (List<Expr> row : rows) {
                    column.add(row.get(c));
                }
                Optional<DataType> common = TypeCoercion.commonSuperType(t, ExpressionBinder.literalAdjusted(e, column, values.rows().get(r).get(c).span().start()).type());
                if (common.isEmpty()) {
                    throw new QuiverException(SqlState.DATATYPE_MISMATCH,
                            "VALUES types " + t + " and " + e.type() + " cannot be matched")
                            .attachPosition(values.rows().get(r).get(c).span().start());
                }
                t = common.get();
            }
            types.add(t.isUnknown() ? DataType.INTEGER : t);
        }
        List<ColumnRef> columns = new ArrayList<>();
        List<Scope.Field> fields = new ArrayList<>();
        for (int c = 0; c < width; c++) {
            String name = targetNames.isPresent() ? targetNames.get().get(c) : "column" + (c + 1);
            ColumnRef column = ids.newColumn(name, types.get(c));
            columns.add(column);
            fields.add(new Scope.Field(Optional.empty(), name, column));
        }
        List<List<Expr>> converted = new ArrayList<>();
        for (int r = 0; r < rows.size(); r++) {
            List<Expr> row = new ArrayList<>();
            for (int c = 0; c < width; c++) {
                Expr e = rows.get(r).get(c);
                int at = values.rows().get(r).get(c).span().start();
                row.add(targetTypes.isPresent() ? assign(e, new ColumnMetadata(columns.get(c).name(), types.get(c), true), at)
                        : Coercions.to(e, types.get(c), at));
            }
            converted.add(row);
        }
        return new RelationPlan(LogicalPlan.leaf(new LogicalValues(columns, converted)), new Scope(fields));
    }

    // ---------------------------------------------------------------- FROM

    RelationPlan relation(Relation relation, Optional<Scope> outer) {
        return relations.relation(relation, outer);
    }

    TableHandle table(QualifiedName name) {
        return catalog.table(name.joined()).orElseThrow(() -> {
            String hint = NameSuggester.closest(name.joined(), catalog.tableNames())
                    .map(s -> "; did you mean \"" + s + "\"?").orElse("");
            return new QuiverException(SqlState.UNDEFINED_TABLE, "relation \"" + name.joined() + "\" does not exist" + hint)
                    .attachPosition(name.span().start());
        });
    }

    /** A single row with no columns: the input of a SELECT without FROM. */
    static LogicalPlan singleRow() {
        return LogicalPlan.leaf(new LogicalValues(List.of(), List.of(List.of())));
    }
}
