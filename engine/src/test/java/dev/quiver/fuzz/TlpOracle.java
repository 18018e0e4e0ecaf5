package dev.quiver.fuzz;

import dev.quiver.fuzz.Expr.Column;
import dev.quiver.fuzz.FuzzType.Kind;
import dev.quiver.fuzz.QueryNode.Select;
import dev.quiver.fuzz.QueryNode.SelectItem;
import dev.quiver.fuzz.QueryNode.Tail;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * Ternary logic partitioning (Rigger and Su, OOPSLA 2020, as SQLancer implements it): a predicate
 * {@code p} splits any set of rows into those where {@code p}, {@code NOT p} and {@code p IS NULL}
 * hold, so a query equals the union of its three partitions. Variants:
 *
 * <ul>
 *   <li>WHERE: {@code SELECT e FROM f} = the UNION ALL of {@code SELECT e FROM f WHERE p'} for the three p';
 *   <li>DISTINCT: {@code SELECT DISTINCT e} = the UNION of the partitions;
 *   <li>GROUP BY: {@code SELECT k FROM f GROUP BY k} = the UNION of the partitions grouped alike;
 *   <li>HAVING: a grouped query = the UNION ALL of it with {@code HAVING p'} (each group falls in one partition);
 *   <li>aggregate: {@code SELECT agg(e) FROM f} = {@code agg'} over the partitions' aggregates
 *       (min of mins, max of maxes, sum of sums, sum of counts).
 * </ul>
 *
 * The partitioning predicate may hold subqueries, correlated with the partitioned rows.
 */
final class TlpOracle extends ReferenceFreeOracle {
    /** Alias of the derived table that re-aggregates partitions. */
    static final String PARTITIONS = "tlp";

    TlpOracle(FuzzTarget quiver) {
        super(quiver);
    }

    @Override
    public String name() {
        return "tlp";
    }

    @Override
    public CaseResult check(QueryGenerator generator, FuzzRandom random) {
        Subject subject = subject(generator);
        QueryGenerator.From from = subject.from();
        ExprContext rows = subject.rows();
        Expr p = subject.predicate();
        ExpressionGenerator expressions = generator.expressions();
        List<Expr> baseConditions = from.conditions();
        int variant = from.columns().isEmpty() ? random.between(0, 1) : random.between(0, 4);
        return switch (variant) {
            case 0, 1 -> {
                boolean distinct = variant == 1;
                List<SelectItem> items = items(expressions, rows, random.between(1, 3));
                Select base = new Select(distinct, items, from.items(), QueryGenerator.and(baseConditions), List.of(), Optional.empty(),
                        Tail.NONE);
                yield compare(base, union(partitions(base, baseConditions, p, false), !distinct), ReferenceFreeOracle::sameRows);
            }
            case 2 -> {
                List<Expr> keys = new ArrayList<>(random.subset(from.columns(), 1, 3));
                List<SelectItem> items = new ArrayList<>();
                for (int i = 0; i < keys.size(); i++) {
                    items.add(new SelectItem(keys.get(i), "k" + i));
                }
                Select base = new Select(false, items, from.items(), QueryGenerator.and(baseConditions), keys, Optional.empty(), Tail.NONE);
                yield compare(base, union(partitions(base, baseConditions, p, false), false), ReferenceFreeOracle::sameRows);
            }
            case 3 -> {
                List<Column> keys = random.subset(from.columns(), 1, 2);
                ExprContext grouped = new ExprContext(keys, List.of(), from.visible(), true, true);
                List<SelectItem> items = items(expressions, grouped, random.between(1, 3));
                Select base = new Select(false, items, from.items(), QueryGenerator.and(baseConditions), List.copyOf(keys), Optional.empty(),
                        Tail.NONE);
                Expr having = expressions.predicate(grouped, 2);
                yield compare(base, union(partitions(base, baseConditions, having, true), true), ReferenceFreeOracle::sameRows);
            }
            default -> aggregate(generator, from, rows, p, random);
        };
    }

    private static List<SelectItem> items(ExpressionGenerator expressions, ExprContext ctx, int count) {
        List<SelectItem> items = new ArrayList<>();
        for (int i = 0; i < count; i++) {
            Expr e = expressions.generate(expressions.anyKind(), ctx, 2);
            items.add(new SelectItem(e, e.type().kind().letter() + Integer.toString(i)));
        }
        return items;
    }

    /** {@code base} restricted by p, NOT p and p IS NULL, in WHERE (added to the base conditions) or HAVING. */
    private static List<Select> partitions(Select base, List<Expr> baseConditions, Expr p, boolean having) {
        List<Select> parts = new ArrayList<>();
        for (Expr part : List.of(p, new Expr.Unary("NOT", p, FuzzType.BOOLEAN), new Expr.IsTest(p, "NULL"))) {
            if (having) {
                parts.add(base.withHaving(Optional.of(part)));
            } else {
                List<Expr> conditions = new ArrayList<>(baseConditions);
                conditions.add(part);
                parts.add(base.withWhere(QueryGenerator.and(conditions)));
            }
        }
        return parts;
    }

    private static QueryNode union(List<Select> parts, boolean all) {
        QueryNode result = parts.get(parts.size() - 1);
        for (int i = parts.size() - 2; i >= 0; i--) {
            result = new QueryNode.SetOperation("UNION", all, parts.get(i), result, parts.get(i).columns(), Tail.NONE);
        }
        return result;
    }

    /** {@code SELECT agg(e)} against the matching aggregate of the partitions' results. */
    private CaseResult aggregate(QueryGenerator generator, QueryGenerator.From from, ExprContext rows, Expr p, FuzzRandom random) {
        ExpressionGenerator expressions = generator.expressions();
        String function = random.pick("min", "max", "sum", "count");
        Kind kind = switch (function) {
            case "sum" -> expressions.numericKind();
            case "count" -> expressions.anyKind();
            default -> random.pick(Kind.INTEGER, Kind.BIGINT, Kind.DOUBLE, Kind.DECIMAL, Kind.VARCHAR, Kind.DATE);
        };
        Expr argument = expressions.generate(kind, rows.withoutSubqueries(), 2);
        FuzzType type = switch (function) {
            case "count" -> FuzzType.BIGINT;
            case "sum" -> argument.type().kind() == Kind.DOUBLE ? FuzzType.DOUBLE
                    : FuzzType.decimal(FuzzType.MAX_DECIMAL_PRECISION, argument.type().kind() == Kind.DECIMAL ? argument.type().scale() : 0);
            default -> argument.type();
        };
        Expr aggregate = new Expr.Aggregate(function, false, Optional.of(argument), type);
        Select base = new Select(false, List.of(new SelectItem(aggregate, "a0")), from.items(), QueryGenerator.and(from.conditions()),
                List.of(), Optional.empty(), Tail.NONE);
        String outer = function.equals("count") ? "sum" : function;
        Expr combined = new Expr.Aggregate(outer, false, Optional.of(new Column(PARTITIONS, "a0", type)), type);
        Select rewritten = new Select(false, List.of(new SelectItem(combined, "a0")),
                List.of(new FromItem.Derived(union(partitions(base, from.conditions(), p, false), true), PARTITIONS)), Optional.empty(),
                List.of(), Optional.empty(), Tail.NONE);
        return compare(base, rewritten, ReferenceFreeOracle::sameRows);
    }
}
