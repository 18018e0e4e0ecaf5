package dev.quiver.parser;

import dev.quiver.parser.ast.AllColumns;
import dev.quiver.parser.ast.ArithmeticBinary;
import dev.quiver.parser.ast.ArithmeticUnary;
import dev.quiver.parser.ast.Between;
import dev.quiver.parser.ast.BooleanLiteral;
import dev.quiver.parser.ast.Case;
import dev.quiver.parser.ast.Cast;
import dev.quiver.parser.ast.ColumnReference;
import dev.quiver.parser.ast.Comparison;
import dev.quiver.parser.ast.ComparisonOperator;
import dev.quiver.parser.ast.Concatenation;
import dev.quiver.parser.ast.Exists;
import dev.quiver.parser.ast.Expression;
import dev.quiver.parser.ast.Extract;
import dev.quiver.parser.ast.FunctionCall;
import dev.quiver.parser.ast.Identifier;
import dev.quiver.parser.ast.InList;
import dev.quiver.parser.ast.InSubquery;
import dev.quiver.parser.ast.IntervalLiteral;
import dev.quiver.parser.ast.IsNull;
import dev.quiver.parser.ast.IsTruth;
import dev.quiver.parser.ast.Join;
import dev.quiver.parser.ast.JoinOn;
import dev.quiver.parser.ast.JoinUsing;
import dev.quiver.parser.ast.Like;
import dev.quiver.parser.ast.LogicalBinary;
import dev.quiver.parser.ast.NaturalJoin;
import dev.quiver.parser.ast.Node;
import dev.quiver.parser.ast.Not;
import dev.quiver.parser.ast.NullLiteral;
import dev.quiver.parser.ast.NullOrdering;
import dev.quiver.parser.ast.NumericLiteral;
import dev.quiver.parser.ast.Parameter;
import dev.quiver.parser.ast.ParenthesizedQuery;
import dev.quiver.parser.ast.QualifiedName;
import dev.quiver.parser.ast.QuantifiedComparison;
import dev.quiver.parser.ast.Query;
import dev.quiver.parser.ast.QuerySpecification;
import dev.quiver.parser.ast.QueryStatement;
import dev.quiver.parser.ast.ScalarSubquery;
import dev.quiver.parser.ast.SelectExpression;
import dev.quiver.parser.ast.SetOperation;
import dev.quiver.parser.ast.SortItem;
import dev.quiver.parser.ast.StringLiteral;
import dev.quiver.parser.ast.SubqueryRelation;
import dev.quiver.parser.ast.TableAlias;
import dev.quiver.parser.ast.TableReference;
import dev.quiver.parser.ast.TypeName;
import dev.quiver.parser.ast.TypedLiteral;
import dev.quiver.parser.ast.Values;
import dev.quiver.parser.ast.WhenClause;
import dev.quiver.parser.ast.WithQuery;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.stream.Collectors;

/**
 * Renders an AST as a compact S-expression that shows its structure and nothing else (no spans),
 * so tests can state the expected tree in one readable line: {@code 1 + 2 * 3} is
 * {@code (+ 1 (* 2 3))}. Written independently of the records' toString.
 */
final class AstShape {
    private AstShape() {
    }

    static String of(Node node) {
        if (node instanceof Expression expression) {
            return expression(expression);
        }
        if (node instanceof QueryStatement statement) {
            return query(statement.query());
        }
        if (node instanceof Query query) {
            return query(query);
        }
        if (node instanceof TableReference || node instanceof SubqueryRelation || node instanceof Join) {
            return relation(node);
        }
        throw new IllegalArgumentException("no shape for " + node.getClass().getSimpleName());
    }

    private static String expression(Expression expression) {
        if (expression instanceof ColumnReference column) {
            return column.display();
        }
        if (expression instanceof NumericLiteral number) {
            return number.text();
        }
        if (expression instanceof StringLiteral string) {
            return quote(string.value());
        }
        if (expression instanceof BooleanLiteral bool) {
            return String.valueOf(bool.value());
        }
        if (expression instanceof NullLiteral) {
            return "null";
        }
        if (expression instanceof TypedLiteral typed) {
            return "(" + type(typed.type()) + " " + quote(typed.value()) + ")";
        }
        if (expression instanceof IntervalLiteral interval) {
            return "(interval " + (interval.negative() ? "-" : "") + quote(interval.value()) + " "
                    + interval.field().name().toLowerCase(Locale.ROOT) + ")";
        }
        if (expression instanceof Parameter parameter) {
            return "?" + parameter.index();
        }
        if (expression instanceof ArithmeticBinary binary) {
            return list(binary.operator().symbol(), expression(binary.left()), expression(binary.right()));
        }
        if (expression instanceof ArithmeticUnary unary) {
            return list(unary.negate() ? "neg" : "pos", expression(unary.value()));
        }
        if (expression instanceof Concatenation concatenation) {
            return list("||", expression(concatenation.left()), expression(concatenation.right()));
        }
        if (expression instanceof Comparison comparison) {
            return list(comparison(comparison.operator()), expression(comparison.left()), expression(comparison.right()));
        }
        if (expression instanceof LogicalBinary logical) {
            return list(logical.operator().name().toLowerCase(Locale.ROOT), expression(logical.left()),
                    expression(logical.right()));
        }
        if (expression instanceof Not not) {
            return list("not", expression(not.value()));
        }
        if (expression instanceof IsTruth t) {
            String truth = t.truth().map(b -> b ? "true" : "false").orElse("unknown");
            return list("is-" + (t.negated() ? "not-" : "") + truth, expression(t.value()));
        }
        if (expression instanceof IsNull isNull) {
            return list(isNull.negated() ? "is-not-null" : "is-null", expression(isNull.value()));
        }
        if (expression instanceof Between between) {
            return list(between.negated() ? "not-between" : "between", expression(between.value()),
                    expression(between.low()), expression(between.high()));
        }
        if (expression instanceof InList in) {
            return list(in.negated() ? "not-in" : "in", expression(in.value()),
                    "(" + in.list().stream().map(AstShape::expression).collect(Collectors.joining(" ")) + ")");
        }
        if (expression instanceof InSubquery in) {
            return list(in.negated() ? "not-in" : "in", expression(in.value()), query(in.query()));
        }
        if (expression instanceof Exists exists) {
            return list("exists", query(exists.query()));
        }
        if (expression instanceof ScalarSubquery subquery) {
            return list("scalar", query(subquery.query()));
        }
        if (expression instanceof QuantifiedComparison quantified) {
            return list(comparison(quantified.operator()), quantified.quantifier().name().toLowerCase(Locale.ROOT),
                    expression(quantified.value()), query(quantified.query()));
        }
        if (expression instanceof Like like) {
            List<String> parts = new ArrayList<>();
            parts.add((like.negated() ? "not-" : "") + (like.caseInsensitive() ? "ilike" : "like"));
            parts.add(expression(like.value()));
            parts.add(expression(like.pattern()));
            like.escape().ifPresent(escape -> parts.add("escape " + expression(escape)));
            return list(parts);
        }
        if (expression instanceof Case caseExpression) {
            List<String> parts = new ArrayList<>();
            parts.add("case");
            caseExpression.operand().ifPresent(operand -> parts.add(expression(operand)));
            for (WhenClause when : caseExpression.whenClauses()) {
                parts.add(list("when", expression(when.condition()), expression(when.result())));
            }
            caseExpression.elseValue().ifPresent(value -> parts.add(list("else", expression(value))));
            return list(parts);
        }
        if (expression instanceof Cast cast) {
            return list("cast", expression(cast.value()), type(cast.type()));
        }
        if (expression instanceof Extract extract) {
            return list("extract", extract.field().display(), expression(extract.value()));
        }
        if (expression instanceof FunctionCall call) {
            List<String> parts = new ArrayList<>();
            parts.add(name(call.name()));
            if (call.distinct()) {
                parts.add("distinct");
            }
            if (call.star()) {
                parts.add("*");
            }
            call.arguments().forEach(argument -> parts.add(expression(argument)));
            return list(parts);
        }
        throw new IllegalArgumentException("no shape for " + expression.getClass().getSimpleName());
    }

    private static String comparison(ComparisonOperator operator) {
        return switch (operator) {
            case IS_DISTINCT_FROM -> "is-distinct";
            case IS_NOT_DISTINCT_FROM -> "is-not-distinct";
            default -> operator.symbol();
        };
    }

    static String type(TypeName type) {
        if (type.parameters().isEmpty()) {
            return type.name();
        }
        return type.name() + "(" + type.parameters().stream().map(String::valueOf).collect(Collectors.joining(",")) + ")";
    }

    private static String query(Query query) {
        List<String> parts = new ArrayList<>();
        query.with().ifPresent(with -> parts.add(list("with",
                with.queries().stream().map(AstShape::withQuery).collect(Collectors.joining(" ")))));
        parts.add(body(query.body()));
        if (!query.orderBy().isEmpty()) {
            parts.add(list("order-by", query.orderBy().stream().map(AstShape::sortItem).collect(Collectors.joining(" "))));
        }
        query.limit().ifPresent(limit -> parts.add(list("limit", expression(limit))));
        query.offset().ifPresent(offset -> parts.add(list("offset", expression(offset))));
        return parts.size() == 1 ? parts.get(0) : list("query", String.join(" ", parts));
    }

    private static String withQuery(WithQuery query) {
        return list(query.name().display() + columns(query.columns()), query(query.query()));
    }

    private static String sortItem(SortItem item) {
        String key = expression(item.key());
        if (!item.descending() && item.nullOrdering() == NullOrdering.DEFAULT) {
            return key;
        }
        List<String> parts = new ArrayList<>();
        parts.add(item.descending() ? "desc" : "asc");
        parts.add(key);
        if (item.nullOrdering() != NullOrdering.DEFAULT) {
            parts.add("nulls-" + item.nullOrdering().name().toLowerCase(Locale.ROOT));
        }
        return list(parts);
    }

    private static String body(Node body) {
        if (body instanceof QuerySpecification select) {
            List<String> parts = new ArrayList<>();
            parts.add(select.distinct() ? "select-distinct" : "select");
            parts.add(select.selectItems().stream().map(item -> {
                if (item instanceof AllColumns all) {
                    return all.qualifier().map(qualifier -> name(qualifier) + ".*").orElse("*");
                }
                SelectExpression single = (SelectExpression) item;
                String value = expression(single.expression());
                return single.alias().map(alias -> list("as", value, alias.display())).orElse(value);
            }).collect(Collectors.joining(" ")));
            select.from().ifPresent(from -> parts.add(list("from", relation(from))));
            select.where().ifPresent(where -> parts.add(list("where", expression(where))));
            if (!select.groupBy().isEmpty()) {
                parts.add(list("group-by", select.groupBy().stream().map(AstShape::expression).collect(Collectors.joining(" "))));
            }
            select.having().ifPresent(having -> parts.add(list("having", expression(having))));
            return list(parts);
        }
        if (body instanceof SetOperation operation) {
            return list(operation.operator().name().toLowerCase(Locale.ROOT) + (operation.all() ? "-all" : ""),
                    body(operation.left()), body(operation.right()));
        }
        if (body instanceof Values values) {
            return list("values", values.rows().stream()
                    .map(row -> "(" + row.stream().map(AstShape::expression).collect(Collectors.joining(" ")) + ")")
                    .collect(Collectors.joining(" ")));
        }
        if (body instanceof ParenthesizedQuery parenthesized) {
            return list("paren", query(parenthesized.query()));
        }
        throw new IllegalArgumentException("no shape for " + body.getClass().getSimpleName());
    }

    private static String relation(Node relation) {
        if (relation instanceof TableReference table) {
            return alias(name(table.name()), table.alias());
        }
        if (relation instanceof SubqueryRelation subquery) {
            return alias(list("derived", query(subquery.query())), subquery.alias());
        }
        Join join = (Join) relation;
        String type = join.type().name().toLowerCase(Locale.ROOT);
        if (join.criteria().isEmpty()) {
            return list(type, relation(join.left()), relation(join.right()));
        }
        if (join.criteria().get() instanceof NaturalJoin) {
            return list("natural-" + type, relation(join.left()), relation(join.right()));
        }
        String criteria = join.criteria().get() instanceof JoinOn on
                ? list("on", expression(on.condition()))
                : list("using", ((JoinUsing) join.criteria().get()).columns().stream()
                        .map(Identifier::display).collect(Collectors.joining(" ")));
        return list(type, relation(join.left()), relation(join.right()), criteria);
    }

    private static String alias(String relation, Optional<TableAlias> alias) {
        return alias.map(a -> list("as", relation, a.name().display() + columns(a.columns()))).orElse(relation);
    }

    private static String columns(List<Identifier> columns) {
        return columns.isEmpty() ? "" : "(" + columns.stream().map(Identifier::display).collect(Collectors.joining(" ")) + ")";
    }

    private static String name(QualifiedName name) {
        return name.parts().stream().map(Identifier::display).collect(Collectors.joining("."));
    }

    private static String quote(String value) {
        return "'" + value.replace("'", "''") + "'";
    }

    private static String list(String... parts) {
        return list(List.of(parts));
    }

    private static String list(List<String> parts) {
        return "(" + String.join(" ", parts) + ")";
    }
}
