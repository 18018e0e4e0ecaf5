package dev.quiver.planner.catalog;

import java.util.Collection;
import java.util.Optional;

/**
 * The names a query can see. Lookups take names as resolved by the parser (unquoted names folded to
 * lower case) and never return null.
 */
public interface Catalog {
    Optional<TableHandle> table(String name);

    /** Every table name, for "did you mean" suggestions. */
    Collection<String> tableNames();
}
