package dev.quiver.planner.binder;

import dev.quiver.error.QuiverException;
import dev.quiver.error.SqlState;
import dev.quiver.parser.ast.ComparisonOperator;
import dev.quiver.parser.ast.Identifier;
import dev.quiver.parser.ast.Join;
import dev.quiver.parser.ast.JoinOn;
import dev.quiver.parser.ast.JoinUsing;
import dev.quiver.parser.ast.Relation;
import dev.quiver.parser.ast.SubqueryRelation;
import dev.quiver.parser.ast.TableAlias;
import dev.quiver.parser.ast.TableReference;
import dev.quiver.planner.catalog.ColumnMetadata;
import dev.quiver.planner.catalog.TableHandle;
import dev.quiver.planner.catalog.ViewDefinition;
import dev.quiver.planner.expr.Call;
import dev.quiver.planner.expr.ColumnRef;
import dev.quiver.planner.expr.Expr;
import dev.quiver.planner.expr.Exprs;
import dev.quiver.planner.expr.Function;
import dev.quiver.planner.logical.LogicalJoin;
import dev.quiver.planner.logical.LogicalPlan;
import dev.quiver.planner.logical.LogicalProject;
import dev.quiver.planner.logical.LogicalScan;
import dev.quiver.planner.plan.Assignment;
import dev.quiver.planner.plan.JoinType;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * Binds FROM items: tables, views and CTEs by name (a CTE in scope first, then a view, then a
 * table), derived tables, and joins with ON, USING or NATURAL. A derived table or join condition may
 * refer to an enclosing query's columns, not to sibling FROM items (no LATERAL).
 */
final class RelationBinder {
    /** Views expanding views beyond this depth are a cycle (CREATE OR REPLACE can make one). */
    static final int MAX_VIEW_DEPTH = 32;

    private final Binder binder;
    private final ColumnIdAllocator ids;
    private int viewDepth;

    RelationBinder(Binder binder, ColumnIdAllocator ids) {
        this.binder = binder;
        this.ids = ids;
    }

    RelationPlan relation(Relation relation, Optional<Scope> outer) {
        if (relation instanceof TableReference ref) {
            return named(ref);
        }
        if (relation instanceof SubqueryRelation sub) {
            RelationPlan plan = binder.query(sub.query(), outer);
            return aliased(plan, sub.alias().map(a -> a.name().value()), sub.alias().map(TableAlias::columns).orElse(List.of()),
                    sub.span().start());
        }
        return join((Join) relation, outer);
    }

    private RelationPlan named(TableReference ref) {
        String name = ref.name().joined();
        Optional<String> alias = Optional.of(ref.alias().map(a -> a.name().value()).orElse(ref.name().last().value()));
        List<Identifier> renames = ref.alias().map(TableAlias::columns).orElse(List.of());
        int at = ref.span().start();
        if (ref.name().parts().size() == 1) {
            Optional<RelationPlan> cte = binder.cte(name);
            if (cte.isPresent()) {
                return aliased(cte.get(), alias, renames, at);
            }
        }
        Optional<ViewDefinition> view = binder.catalog().view(name);
        if (view.isPresent()) {
            return aliased(view(view.get(), at), alias, renames, at);
        }
        return scan(binder.table(ref.name()), alias, renames, at);
    }

    /** A scan of every column of a table, named by {@code alias} and {@code renames} (the first columns) in the scope. */
    RelationPlan scan(TableHandle table, Optional<String> alias, List<Identifier> renames, int at) {
        if (renames.size() > table.columns().size()) {
            throw new QuiverException(SqlState.INVALID_COLUMN_REFERENCE, "table \"" + alias.get() + "\" has " + table.columns().size()
                    + " columns available but " + renames.size() + " columns specified").attachPosition(at);
        }
        List<ColumnRef> columns = new ArrayList<>();
        List<Integer> ordinals = new ArrayList<>();
        List<Scope.Field> fields = new ArrayList<>();
        for (int i = 0; i < table.columns().size(); i++) {
            ColumnMetadata column = table.columns().get(i);
            String fieldName = i < renames.size() ? renames.get(i).value() : column.name();
            ColumnRef c = ids.newColumn(fieldName, column.type());
            columns.add(c);
            ordinals.add(i);
            fields.add(new Scope.Field(alias, fieldName, c));
        }
        return new RelationPlan(LogicalPlan.leaf(new LogicalScan(table, columns, ordinals)), new Scope(fields));
    }

    private RelationPlan view(ViewDefinition view, int at) {
        if (viewDepth >= MAX_VIEW_DEPTH) {
            throw new QuiverException(SqlState.INVALID_PARAMETER_VALUE,
                    "view \"" + view.name() + "\" expands into itself (views nested more than " + MAX_VIEW_DEPTH + " deep)")
                    .attachPosition(at);
        }
        viewDepth++;
        try {
            RelationPlan plan = binder.isolated(() -> binder.query(view.query(), Optional.empty()));
            List<Scope.Field> fields = new ArrayList<>();
            List<Scope.Field> bound = plan.scope().fields();
            for (int i = 0; i < bound.size(); i++) {
                String name = i < view.columns().size() ? view.columns().get(i) : bound.get(i).name();
                fields.add(new Scope.Field(Optional.empty(), name, bound.get(i).column()));
            }
            return new RelationPlan(plan.plan(), new Scope(fields));
        } catch (QuiverException e) {
            // The error is in the view's own text, not the query's: say so, and point at the reference.
            throw new QuiverException(e.sqlState(), "in view \"" + view.name() + "\": " + e.rawMessage(), e).attachPosition(at);
        } finally {
            viewDepth--;
        }
    }

    /** The plan's columns under a relation alias, optionally renamed (in order) by an alias column list. */
    static RelationPlan aliased(RelationPlan plan, Optional<String> alias, List<Identifier> renames, int at) {
        List<Scope.Field> bound = plan.scope().fields();
        if (renames.size() > bound.size()) {
            throw new QuiverException(SqlState.INVALID_COLUMN_REFERENCE, "relation \"" + alias.orElse("?") + "\" has " + bound.size()
                    + " columns available but " + renames.size() + " columns specified").attachPosition(at);
        }
        List<Scope.Field> fields = new ArrayList<>();
        for (int i = 0; i < bound.size(); i++) {
            String name = i < renames.size() ? renames.get(i).value() : bound.get(i).name();
            fields.add(new Scope.Field(alias, name, bound.get(i).column(), bound.get(i).qualifiedOnly()));
        }
        return new RelationPlan(plan.plan(), new Scope(fields));
    }

    // ------------------------------------------------------------------ joins

    private RelationPlan join(Join join, Optional<Scope> outer) {
        RelationPlan left = relation(join.left(), outer);
        RelationPlan right = relation(join.right(), outer);
        for (Scope.Field f : right.scope().fields()) {
            if (f.relation().isPresent() && left.scope().hasRelation(f.relation().get())) {
                throw new QuiverException(SqlState.DUPLICATE_ALIAS, "table name \"" + f.relation().get()
                        + "\" specified more than once").attachPosition(join.right().span().start());
            }
        }
        JoinType type = switch (join.type()) {
            case INNER, CROSS -> JoinType.INNER;
            case LEFT -> JoinType.LEFT;
            case RIGHT -> JoinType.RIGHT;
            case FULL -> JoinType.FULL;
        };
        Scope both = left.scope().concat(right.scope()).withOuter(outer);
        if (join.criteria().isEmpty()) {
            return new RelationPlan(joinPlan(JoinType.INNER, Exprs.TRUE, left, right), left.scope().concat(right.scope()));
        }
        if (join.criteria().get() instanceof JoinOn on) {
            if (AstExpressions.containsSubquery(on.condition())) {
                throw new QuiverException(SqlState.FEATURE_NOT_SUPPORTED, "subqueries in JOIN conditions are not supported; "
                        + "move the condition to WHERE").attachPosition(on.condition().span().start());
            }
            Expr condition = new ExpressionBinder(both, "JOIN conditions").bindPredicate(on.condition());
            return new RelationPlan(joinPlan(type, condition, left, right), left.scope().concat(right.scope()));
        }
        List<String> names = new ArrayList<>();
        if (join.criteria().get() instanceof JoinUsing using) {
            for (Identifier id : using.columns()) {
                names.add(id.value());
            }
        } else {
            // NATURAL: every name both sides have (each once, left order).
            Set<String> rightNames = new LinkedHashSet<>();
            right.scope().unqualifiedFields().forEach(f -> rightNames.add(f.name()));
            for (Scope.Field f : left.scope().unqualifiedFields()) {
                if (rightNames.contains(f.name()) && !names.contains(f.name())) {
                    names.add(f.name());
                }
            }
        }
        return using(type, names, left, right, join.span().start());
    }

    private LogicalPlan joinPlan(JoinType type, Expr condition, RelationPlan left, RelationPlan right) {
        return LogicalPlan.of(new LogicalJoin(type, condition), List.of(left.plan(), right.plan()));
    }

    /**
     * {@code JOIN ... USING (names)}: equality on each named column, and one merged column per name
     * (the left one, the right one for RIGHT joins, COALESCE of both for FULL) listed first; the
     * sides' own columns stay reachable by qualified name only.
     */
    private RelationPlan using(JoinType type, List<String> names, RelationPlan left, RelationPlan right, int at) {
        List<Expr> equalities = new ArrayList<>();
        List<Scope.Field> leftFields = new ArrayList<>(left.scope().fields());
        List<Scope.Field> rightFields = new ArrayList<>(right.scope().fields());
        List<Assignment> merged = new ArrayList<>();
        List<Scope.Field> mergedFields = new ArrayList<>();
        for (String name : names) {
            Scope.Field l = uniqueField(leftFields, name, "left", at);
            Scope.Field r = uniqueField(rightFields, name, "right", at);
            Call equal = (Call) ExpressionBinder.comparison(ComparisonOperator.EQUAL, l.column(), r.column(), at);
            equalities.add(equal);
            Expr value = switch (type) {
                case RIGHT -> equal.argument(1);
                case FULL -> new Call(Function.COALESCE, List.of(equal.argument(0), equal.argument(1)), equal.argument(0).type());
                default -> equal.argument(0);
            };
            ColumnRef column = value instanceof ColumnRef c ? c : ids.newColumn(name, value.type());
            merged.add(new Assignment(column, value));
            mergedFields.add(new Scope.Field(Optional.empty(), name, column));
            leftFields.set(leftFields.indexOf(l), l.hidden());
            rightFields.set(rightFields.indexOf(r), r.hidden());
        }
        LogicalPlan plan = joinPlan(type, Exprs.and(equalities), left, right);
        if (merged.stream().anyMatch(a -> !a.isIdentity())) {
            List<Assignment> all = new ArrayList<>(merged.stream().filter(a -> !a.isIdentity()).toList());
            plan.outputColumns().forEach(c -> all.add(new Assignment(c, c)));
            plan = LogicalPlan.of(new LogicalProject(all), plan);
        }
        List<Scope.Field> fields = new ArrayList<>(mergedFields);
        fields.addAll(leftFields);
        fields.addAll(rightFields);
        return new RelationPlan(plan, new Scope(fields));
    }

    private static Scope.Field uniqueField(List<Scope.Field> fields, String name, String side, int at) {
        List<Scope.Field> found = fields.stream().filter(f -> f.name().equals(name) && !f.qualifiedOnly()).toList();
        if (found.isEmpty()) {
            throw new QuiverException(SqlState.UNDEFINED_COLUMN,
                    "column \"" + name + "\" specified in USING clause does not exist in " + side + " table").attachPosition(at);
        }
        if (found.size() > 1) {
            throw new QuiverException(SqlState.AMBIGUOUS_COLUMN,
                    "common column name \"" + name + "\" appears more than once in " + side + " table").attachPosition(at);
        }
        return found.get(0);
    }
}
