package dev.quiver.planner.catalog;

import static java.util.Objects.requireNonNull;

import dev.quiver.parser.ast.Query;
import java.util.List;

/**
 * A view: its name, the column names it exposes (from an explicit list or the query's output
 * names), and its query as parsed. A query that names the view binds this query in its place.
 */
public record ViewDefinition(String name, List<String> columns, Query query, String sql) {
    public ViewDefinition {
        requireNonNull(name, "name");
        columns = List.copyOf(columns);
        requireNonNull(query, "query");
        requireNonNull(sql, "sql");
    }
}
