package dev.quiver.planner.catalog;

import java.util.Collection;
import java.util.Optional;

/**
 * The names a query can see. Lookups take names as resolved by the parser (unquoted names folded to
 * lower case) and never return null.
 */
public interface Catalog {
    Optional<TableHandle> table(String name);

    /** A view of that name, if one exists (views and tables share one namespace). */
    default Optional<ViewDefinition> view(String name) {
        return Optional.empty();
    }

    /** Every table and view name, for "did you mean" suggestions. */
    Collection<String> tableNames();
}
