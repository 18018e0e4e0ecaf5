package dev.quiver.fuzz;

import java.util.List;
import java.util.Objects;

/** SQL text being written in one {@link Dialect}; AST nodes append themselves to it. */
final class SqlText {
    private final StringBuilder text = new StringBuilder();
    private final Dialect dialect;

    SqlText(Dialect dialect) {
        this.dialect = Objects.requireNonNull(dialect, "dialect");
    }

    /** Something that writes itself as SQL. */
    interface Writable {
        void write(SqlText out);

        /** This node's SQL in {@code dialect}. */
        default String sql(Dialect dialect) {
            SqlText out = new SqlText(dialect);
            write(out);
            return out.toString();
        }
    }

    Dialect dialect() {
        return dialect;
    }

    SqlText append(String s) {
        text.append(s);
        return this;
    }

    SqlText append(Writable node) {
        node.write(this);
        return this;
    }

    /** Writes the nodes separated by {@code separator}. */
    SqlText join(List<? extends Writable> nodes, String separator) {
        for (int i = 0; i < nodes.size(); i++) {
            if (i > 0) {
                text.append(separator);
            }
            nodes.get(i).write(this);
        }
        return this;
    }

    @Override
    public String toString() {
        return text.toString();
    }
}
