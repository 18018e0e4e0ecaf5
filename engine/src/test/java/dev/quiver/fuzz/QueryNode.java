package dev.quiver.fuzz;

import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.OptionalInt;

/** A generated query: a SELECT, a set operation, or a WITH around either. Immutable. */
sealed interface QueryNode extends SqlText.Writable {
    /** The result's columns: names are unique, so ORDER BY and outer queries refer to them by name. */
    List<OutputColumn> columns();

    /** A result column. */
    record OutputColumn(String name, FuzzType type) {
        public OutputColumn {
            Objects.requireNonNull(name, "name");
            Objects.requireNonNull(type, "type");
        }
    }

    /** {@code expr AS alias}. */
    record SelectItem(Expr expr, String alias) implements SqlText.Writable {
        public SelectItem {
            Objects.requireNonNull(expr, "expr");
            Objects.requireNonNull(alias, "alias");
        }

        @Override
        public void write(SqlText out) {
            out.append(expr).append(" AS ").append(alias);
        }
    }

    /** One ORDER BY key: an output column by name, its direction, and where NULLs go (always explicit: the engines' defaults differ). */
    record OrderKey(String column, boolean descending, boolean nullsFirst) implements SqlText.Writable {
        public OrderKey {
            Objects.requireNonNull(column, "column");
        }

        @Override
        public void write(SqlText out) {
            out.append(column).append(descending ? " DESC" : " ASC").append(nullsFirst ? " NULLS FIRST" : " NULLS LAST");
        }
    }

    /** ORDER BY, LIMIT and OFFSET of a query; empty when it has none. */
    record Tail(List<OrderKey> orderBy, OptionalInt limit, OptionalInt offset) implements SqlText.Writable {
        static final Tail NONE = new Tail(List.of(), OptionalInt.empty(), OptionalInt.empty());

        public Tail {
            orderBy = List.copyOf(orderBy);
            Objects.requireNonNull(limit, "limit");
            Objects.requireNonNull(offset, "offset");
        }

        @Override
        public void write(SqlText out) {
            if (!orderBy.isEmpty()) {
                out.append(" ORDER BY ").join(orderBy, ", ");
            }
            limit.ifPresent(n -> out.append(" LIMIT " + n));
            offset.ifPresent(n -> out.append(" OFFSET " + n));
        }
    }

    /** {@code SELECT [DISTINCT] items [FROM from] [WHERE] [GROUP BY] [HAVING] tail}. */
    record Select(boolean distinct, List<SelectItem> items, List<FromItem> from, Optional<Expr> where, List<Expr> groupBy,
            Optional<Expr> having, Tail tail) implements QueryNode {
        public Select {
            items = List.copyOf(items);
            from = List.copyOf(from);
            Objects.requireNonNull(where, "where");
            groupBy = List.copyOf(groupBy);
            Objects.requireNonNull(having, "having");
            Objects.requireNonNull(tail, "tail");
            if (items.isEmpty()) {
                throw new IllegalArgumentException("a SELECT needs an item");
            }
        }

        @Override
        public List<OutputColumn> columns() {
            return items.stream().map(i -> new OutputColumn(i.alias(), i.expr().type())).toList();
        }

        Select withWhere(Optional<Expr> newWhere) {
            return new Select(distinct, items, from, newWhere, groupBy, having, tail);
        }

        Select withHaving(Optional<Expr> newHaving) {
            return new Select(distinct, items, from, where, groupBy, newHaving, tail);
        }

        Select withItems(boolean newDistinct, List<SelectItem> newItems) {
            return new Select(newDistinct, newItems, from, where, groupBy, having, tail);
        }

        Select withTail(Tail newTail) {
            return new Select(distinct, items, from, where, groupBy, having, newTail);
        }

        @Override
        public void write(SqlText out) {
            out.append(distinct ? "SELECT DISTINCT " : "SELECT ").join(items, ", ");
            if (!from.isEmpty()) {
                out.append(" FROM ").join(from, ", ");
            }
            where.ifPresent(w -> out.append(" WHERE ").append(w));
            if (!groupBy.isEmpty()) {
                out.append(" GROUP BY ").join(groupBy, ", ");
            }
            having.ifPresent(h -> out.append(" HAVING ").append(h));
            out.append(tail);
        }
    }

    /** {@code UNION [ALL]}, {@code INTERSECT} or {@code EXCEPT} (never INTERSECT/EXCEPT ALL: Quiver lacks them). */
    record SetOperation(String operator, boolean all, QueryNode left, QueryNode right, List<OutputColumn> columns, Tail tail)
            implements QueryNode {
        public SetOperation {
            Objects.requireNonNull(operator, "operator");
            Objects.requireNonNull(left, "left");
            Objects.requireNonNull(right, "right");
            columns = List.copyOf(columns);
            Objects.requireNonNull(tail, "tail");
            if (left.columns().size() != right.columns().size() || columns.size() != left.columns().size()) {
                throw new IllegalArgumentException("set operation over different column counts");
            }
        }

        SetOperation withTail(Tail newTail) {
            return new SetOperation(operator, all, left, right, columns, newTail);
        }

        @Override
        public void write(SqlText out) {
            out.append("(").append(left).append(") ").append(operator).append(all ? " ALL (" : " (").append(right).append(")")
                    .append(tail);
        }
    }

    /** One {@code name AS (query)} of a WITH. */
    record Cte(String name, QueryNode query) implements SqlText.Writable {
        public Cte {
            Objects.requireNonNull(name, "name");
            Objects.requireNonNull(query, "query");
        }

        @Override
        public void write(SqlText out) {
            out.append(name).append(" AS (").append(query).append(")");
        }
    }

    /** {@code WITH ctes body}. */
    record With(List<Cte> ctes, QueryNode body) implements QueryNode {
        public With {
            ctes = List.copyOf(ctes);
            Objects.requireNonNull(body, "body");
        }

        @Override
        public List<OutputColumn> columns() {
            return body.columns();
        }

        @Override
        public void write(SqlText out) {
            out.append("WITH ").join(ctes, ", ").append(" ").append(body);
        }
    }

    /** The ORDER BY/LIMIT/OFFSET that fix the order and extent of the rows a query returns. */
    static Tail tailOf(QueryNode query) {
        if (query instanceof Select s) {
            return s.tail();
        }
        if (query instanceof SetOperation s) {
            return s.tail();
        }
        return tailOf(((With) query).body());
    }
}
