package dev.quiver.fuzz;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * A generated scalar expression: immutable, typed, and written fully parenthesized so that no
 * operator precedence rule of either engine matters. Subquery expressions hold a {@link QueryNode}.
 */
sealed interface Expr extends SqlText.Writable {
    /** The expression's type as Quiver (and PostgreSQL) type it. */
    FuzzType type();

    /** The expressions directly inside this one, not counting those inside subqueries. */
    default List<Expr> children() {
        return List.of();
    }

    /** Whether an aggregate occurs in this expression outside subqueries (which makes its query an aggregating one). */
    default boolean containsAggregate() {
        return this instanceof Aggregate || children().stream().anyMatch(Expr::containsAggregate);
    }

    /** An expression that is always BOOLEAN: a test, a range, a list or a subquery predicate. */
    sealed interface Predicate extends Expr permits IsTest, Between, InList, Exists, InSubquery, Quantified {
        @Override
        default FuzzType type() {
            return FuzzType.BOOLEAN;
        }
    }

    /**
     * A column of a relation in scope, written qualified; a column that a USING or NATURAL join
     * merges has no qualifier.
     */
    record Column(String qualifier, String name, FuzzType type) implements Expr {
        public Column {
            Objects.requireNonNull(qualifier, "qualifier");
            Objects.requireNonNull(name, "name");
            Objects.requireNonNull(type, "type");
        }

        @Override
        public void write(SqlText out) {
            out.append(qualifier.isEmpty() ? name : qualifier + "." + name);
        }
    }

    /**
     * A constant: Boolean, Integer (INTEGER), Long (BIGINT), Double, BigDecimal, String, LocalDate,
     * or null for a NULL of {@code type}. Every literal but INTEGER, BOOLEAN, VARCHAR and DATE is
     * written as a CAST, so that both engines give it exactly {@code type}.
     */
    record Literal(Object value, FuzzType type) implements Expr {
        public Literal {
            Objects.requireNonNull(type, "type");
        }

        @Override
        public void write(SqlText out) {
            if (value == null) {
                out.append("CAST(NULL AS ").append(type.sqlName()).append(")");
                return;
            }
            switch (type.kind()) {
                case BOOLEAN -> out.append((Boolean) value ? "TRUE" : "FALSE");
                case INTEGER -> {
                    int v = (Integer) value;
                    out.append(v < 0 ? "(" + v + ")" : Integer.toString(v));
                }
                case BIGINT -> out.append("CAST(" + value + " AS BIGINT)");
                case DOUBLE -> out.append("CAST(" + BigDecimal.valueOf((Double) value).stripTrailingZeros().toPlainString()
                        + " AS DOUBLE PRECISION)");
                case DECIMAL -> out.append("CAST(" + ((BigDecimal) value).toPlainString() + " AS " + type.sqlName() + ")");
                case VARCHAR -> out.append(quote((String) value));
                case DATE -> out.append("DATE '" + (LocalDate) value + "'");
            }
        }

        static String quote(String s) {
            return "'" + s.replace("'", "''") + "'";
        }
    }

    /** A prefix operator: {@code -} or {@code NOT}. */
    record Unary(String operator, Expr operand, FuzzType type) implements Expr {
        public Unary {
            Objects.requireNonNull(operator, "operator");
            Objects.requireNonNull(operand, "operand");
            Objects.requireNonNull(type, "type");
        }

        @Override
        public List<Expr> children() {
            return List.of(operand);
        }

        @Override
        public void write(SqlText out) {
            out.append("(").append(operator).append(" ").append(operand).append(")");
        }
    }

    /** Infix operators. */
    enum Op {
        PLUS("+"), MINUS("-"), TIMES("*"), DIVIDE("/"), MODULO("%"),
        EQ("="), NE("<>"), LT("<"), LE("<="), GT(">"), GE(">="),
        AND("AND"), OR("OR"), CONCAT("||"), IS_DISTINCT_FROM("IS DISTINCT FROM"), IS_NOT_DISTINCT_FROM("IS NOT DISTINCT FROM"),
        LIKE("LIKE"), NOT_LIKE("NOT LIKE"), ILIKE("ILIKE"), NOT_ILIKE("NOT ILIKE");

        private final String symbol;

        Op(String symbol) {
            this.symbol = symbol;
        }

        String symbol() {
            return symbol;
        }

        static final List<Op> COMPARISONS = List.of(EQ, NE, LT, LE, GT, GE);
    }

    /** {@code left op right}; an integer division is written in the dialect's spelling. */
    record Binary(Op op, Expr left, Expr right, FuzzType type) implements Expr {
        public Binary {
            Objects.requireNonNull(op, "op");
            Objects.requireNonNull(left, "left");
            Objects.requireNonNull(right, "right");
            Objects.requireNonNull(type, "type");
        }

        @Override
        public List<Expr> children() {
            return List.of(left, right);
        }

        @Override
        public void write(SqlText out) {
            String symbol = op == Op.DIVIDE && left.type().isInteger() && right.type().isInteger()
                    ? out.dialect().integerDivision() : op.symbol();
            out.append("(").append(left).append(" ").append(symbol).append(" ").append(right).append(")");
        }
    }

    /** {@code operand IS [NOT] NULL|TRUE|FALSE|UNKNOWN}: {@code test} is what follows IS. */
    record IsTest(Expr operand, String test) implements Predicate {
        public IsTest {
            Objects.requireNonNull(operand, "operand");
            Objects.requireNonNull(test, "test");
        }

        @Override
        public List<Expr> children() {
            return List.of(operand);
        }

        @Override
        public void write(SqlText out) {
            out.append("(").append(operand).append(" IS ").append(test).append(")");
        }
    }

    /** {@code value [NOT] BETWEEN low AND high}. */
    record Between(Expr value, Expr low, Expr high, boolean negated) implements Predicate {
        public Between {
            Objects.requireNonNull(value, "value");
            Objects.requireNonNull(low, "low");
            Objects.requireNonNull(high, "high");
        }

        @Override
        public List<Expr> children() {
            return List.of(value, low, high);
        }

        @Override
        public void write(SqlText out) {
            out.append("(").append(value).append(negated ? " NOT BETWEEN " : " BETWEEN ").append(low).append(" AND ")
                    .append(high).append(")");
        }
    }

    /** {@code value [NOT] IN (items)}. */
    record InList(Expr value, List<Expr> items, boolean negated) implements Predicate {
        public InList {
            Objects.requireNonNull(value, "value");
            items = List.copyOf(items);
        }

        @Override
        public List<Expr> children() {
            return java.util.stream.Stream.concat(java.util.stream.Stream.of(value), items.stream()).toList();
        }

        @Override
        public void write(SqlText out) {
            out.append("(").append(value).append(negated ? " NOT IN (" : " IN (").join(items, ", ").append("))");
        }
    }

    /** One WHEN of a CASE. */
    record When(Expr condition, Expr result) implements SqlText.Writable {
        public When {
            Objects.requireNonNull(condition, "condition");
            Objects.requireNonNull(result, "result");
        }

        @Override
        public void write(SqlText out) {
            out.append("WHEN ").append(condition).append(" THEN ").append(result);
        }
    }

    /** A searched CASE, or a simple one when {@code operand} is present. */
    record Case(Optional<Expr> operand, List<When> whens, Optional<Expr> otherwise, FuzzType type) implements Expr {
        public Case {
            Objects.requireNonNull(operand, "operand");
            whens = List.copyOf(whens);
            Objects.requireNonNull(otherwise, "otherwise");
            Objects.requireNonNull(type, "type");
        }

        @Override
        public List<Expr> children() {
            List<Expr> children = new java.util.ArrayList<>();
            operand.ifPresent(children::add);
            for (When w : whens) {
                children.add(w.condition());
                children.add(w.result());
            }
            otherwise.ifPresent(children::add);
            return children;
        }

        @Override
        public void write(SqlText out) {
            out.append("(CASE");
            operand.ifPresent(o -> out.append(" ").append(o));
            out.append(" ").join(whens, " ");
            otherwise.ifPresent(e -> out.append(" ELSE ").append(e));
            out.append(" END)");
        }
    }

    /** {@code CAST(operand AS type)}. */
    record Cast(Expr operand, FuzzType type) implements Expr {
        public Cast {
            Objects.requireNonNull(operand, "operand");
            Objects.requireNonNull(type, "type");
        }

        @Override
        public List<Expr> children() {
            return List.of(operand);
        }

        @Override
        public void write(SqlText out) {
            out.append("CAST(").append(operand).append(" AS ").append(type.sqlName()).append(")");
        }
    }

    /** A function call {@code name(a, b)}. */
    record Call(String name, List<Expr> args, FuzzType type) implements Expr {
        public Call {
            Objects.requireNonNull(name, "name");
            args = List.copyOf(args);
            Objects.requireNonNull(type, "type");
        }

        @Override
        public List<Expr> children() {
            return args;
        }

        @Override
        public void write(SqlText out) {
            out.append(name).append("(").join(args, ", ").append(")");
        }
    }

    /**
     * A function with SQL's keyword syntax, e.g. {@code SUBSTRING(s FROM 2 FOR 3)} or
     * {@code TRIM(BOTH 'a' FROM s)}: {@code prefix}, then the arguments with {@code keywords[i]}
     * between argument i and i + 1.
     */
    record KeywordCall(String name, String prefix, List<Expr> args, List<String> keywords, FuzzType type) implements Expr {
        public KeywordCall {
            Objects.requireNonNull(name, "name");
            Objects.requireNonNull(prefix, "prefix");
            args = List.copyOf(args);
            keywords = List.copyOf(keywords);
            Objects.requireNonNull(type, "type");
            if (keywords.size() != args.size() - 1) {
                throw new IllegalArgumentException(args.size() + " arguments need " + (args.size() - 1) + " keywords");
            }
        }

        @Override
        public List<Expr> children() {
            return args;
        }

        @Override
        public void write(SqlText out) {
            out.append(name).append("(").append(prefix);
            for (int i = 0; i < args.size(); i++) {
                if (i > 0) {
                    out.append(" ").append(keywords.get(i - 1)).append(" ");
                }
                out.append(args.get(i));
            }
            out.append(")");
        }
    }

    /** {@code EXTRACT(field FROM date)}. */
    record Extract(String field, Expr operand) implements Expr {
        public Extract {
            Objects.requireNonNull(field, "field");
            Objects.requireNonNull(operand, "operand");
        }

        /** BIGINT in Quiver and DuckDB (PostgreSQL's numeric compares equal). */
        @Override
        public FuzzType type() {
            return FuzzType.BIGINT;
        }

        @Override
        public List<Expr> children() {
            return List.of(operand);
        }

        @Override
        public void write(SqlText out) {
            out.append("EXTRACT(").append(field).append(" FROM ").append(operand).append(")");
        }
    }

    /** An aggregate: {@code name([DISTINCT] argument)}, or {@code count(*)} without an argument. */
    record Aggregate(String name, boolean distinct, Optional<Expr> argument, FuzzType type) implements Expr {
        public Aggregate {
            Objects.requireNonNull(name, "name");
            Objects.requireNonNull(argument, "argument");
            Objects.requireNonNull(type, "type");
        }

        @Override
        public List<Expr> children() {
            return argument.stream().toList();
        }

        @Override
        public void write(SqlText out) {
            out.append(name).append("(");
            if (argument.isEmpty()) {
                out.append("*");
            } else {
                out.append(distinct ? "DISTINCT " : "").append(argument.get());
            }
            out.append(")");
        }
    }

    /** A scalar subquery: one column, at most one row. */
    record ScalarSubquery(QueryNode query) implements Expr {
        public ScalarSubquery {
            Objects.requireNonNull(query, "query");
            if (query.columns().size() != 1) {
                throw new IllegalArgumentException("a scalar subquery has one column");
            }
        }

        @Override
        public FuzzType type() {
            return query.columns().get(0).type();
        }

        @Override
        public void write(SqlText out) {
            out.append("(").append(query).append(")");
        }
    }

    /** {@code [NOT] EXISTS (query)}. */
    record Exists(QueryNode query, boolean negated) implements Predicate {
        public Exists {
            Objects.requireNonNull(query, "query");
        }

        @Override
        public void write(SqlText out) {
            out.append(negated ? "(NOT EXISTS (" : "(EXISTS (").append(query).append("))");
        }
    }

    /** {@code value [NOT] IN (query)}. */
    record InSubquery(Expr value, QueryNode query, boolean negated) implements Predicate {
        public InSubquery {
            Objects.requireNonNull(value, "value");
            Objects.requireNonNull(query, "query");
        }

        @Override
        public List<Expr> children() {
            return List.of(value);
        }

        @Override
        public void write(SqlText out) {
            out.append("(").append(value).append(negated ? " NOT IN (" : " IN (").append(query).append("))");
        }
    }

    /** {@code value op ANY|ALL (query)}. */
    record Quantified(Expr value, Op op, String quantifier, QueryNode query) implements Predicate {
        public Quantified {
            Objects.requireNonNull(value, "value");
            Objects.requireNonNull(op, "op");
            Objects.requireNonNull(quantifier, "quantifier");
            Objects.requireNonNull(query, "query");
        }

        @Override
        public List<Expr> children() {
            return List.of(value);
        }

        @Override
        public void write(SqlText out) {
            out.append("(").append(value).append(" ").append(op.symbol()).append(" ").append(quantifier).append(" (")
                    .append(query).append("))");
        }
    }
}
