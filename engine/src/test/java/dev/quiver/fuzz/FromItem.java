package dev.quiver.fuzz;

import java.util.List;
import java.util.Objects;
import java.util.Optional;

/** An item of a FROM clause: a table, a derived table, or a join of two items. */
sealed interface FromItem extends SqlText.Writable {
    /** A base table or CTE under an alias. */
    record TableRef(String table, String alias) implements FromItem {
        public TableRef {
            Objects.requireNonNull(table, "table");
            Objects.requireNonNull(alias, "alias");
        }

        @Override
        public void write(SqlText out) {
            out.append(table).append(" AS ").append(alias);
        }
    }

    /** {@code (query) AS alias}; its columns are the query's output names. */
    record Derived(QueryNode query, String alias) implements FromItem {
        public Derived {
            Objects.requireNonNull(query, "query");
            Objects.requireNonNull(alias, "alias");
        }

        @Override
        public void write(SqlText out) {
            out.append("(").append(query).append(") AS ").append(alias);
        }
    }

    /**
     * {@code left <joinType> right [ON condition | USING (columns)]}. {@code joinType} is the SQL
     * between the items ({@code LEFT JOIN}, {@code NATURAL FULL JOIN}, {@code CROSS JOIN}); a right
     * item that is itself a join is parenthesized.
     */
    record Join(String joinType, FromItem left, FromItem right, Optional<Expr> on, List<String> using) implements FromItem {
        public Join {
            Objects.requireNonNull(joinType, "joinType");
            Objects.requireNonNull(left, "left");
            Objects.requireNonNull(right, "right");
            Objects.requireNonNull(on, "on");
            using = List.copyOf(using);
        }

        @Override
        public void write(SqlText out) {
            out.append(left).append(" ").append(joinType).append(" ");
            if (right instanceof Join) {
                out.append("(").append(right).append(")");
            } else {
                out.append(right);
            }
            on.ifPresent(c -> out.append(" ON ").append(c));
            if (!using.isEmpty()) {
                out.append(" USING (").append(String.join(", ", using)).append(")");
            }
        }
    }
}
