package dev.quiver.planner.plan;

/**
 * How a join combines its left and right inputs. The first four are SQL's; the others come from
 * subqueries (Neumann and Kemper, "Unnesting Arbitrary Queries", BTW 2015):
 * <ul>
 *   <li>{@link #SEMI}: left rows with at least one match (EXISTS, IN);</li>
 *   <li>{@link #ANTI}: left rows with no match (NOT EXISTS);</li>
 *   <li>{@link #MARK}: every left row plus a BOOLEAN mark: TRUE if some right row satisfies the
 *       condition, NULL if none does but the condition was NULL for some, else FALSE (IN, ANY, ALL
 *       anywhere in an expression);</li>
 *   <li>{@link #SINGLE}: every left row with its one matching right row, or NULLs if none; more
 *       than one match is an error (scalar subqueries).</li>
 * </ul>
 */
public enum JoinType {
    INNER, LEFT, RIGHT, FULL, SEMI, ANTI, MARK, SINGLE;

    /** Whether the output holds the right input's columns. */
    public boolean outputsRight() {
        return this == INNER || this == LEFT || this == RIGHT || this == FULL || this == SINGLE;
    }

    /** Whether every left row appears in the output (at least once). */
    public boolean preservesLeft() {
        return this == LEFT || this == FULL || this == MARK || this == SINGLE;
    }
}
