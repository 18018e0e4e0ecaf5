package dev.quiver.planner.plan;

import java.util.Optional;

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
 *   <li>{@link #RIGHT_SEMI}, {@link #RIGHT_ANTI}: SEMI and ANTI with the inputs swapped, right rows
 *       with at least one / no match, each at most once. Only physical: a hash join that builds on
 *       the rows a SEMI or ANTI join returns and probes with the other input. Logical plans never
 *       hold them.</li>
 * </ul>
 */
public enum JoinType {
    INNER, LEFT, RIGHT, FULL, SEMI, ANTI, MARK, SINGLE, RIGHT_SEMI, RIGHT_ANTI;

    /** Whether the output holds the left input's columns: all but RIGHT_SEMI and RIGHT_ANTI. */
    public boolean outputsLeft() {
        return this != RIGHT_SEMI && this != RIGHT_ANTI;
    }

    /**
     * Whether the join only keeps or drops rows of its left input, each at most once, and outputs
     * nothing else: SEMI and ANTI. Such a join commutes with whatever computes the left rows one by one.
     */
    public boolean filtersLeft() {
        return this == SEMI || this == ANTI;
    }

    /** Whether the output holds the right input's columns. */
    public boolean outputsRight() {
        return this == INNER || this == LEFT || this == RIGHT || this == FULL || this == SINGLE || this == RIGHT_SEMI
                || this == RIGHT_ANTI;
    }

    /**
     * The type of the same join with its inputs swapped, if a hash join can run it that way: LEFT
     * and RIGHT trade places, SEMI and ANTI become RIGHT_SEMI and RIGHT_ANTI (and back); MARK and
     * SINGLE have no mirror.
     */
    public Optional<JoinType> mirrored() {
        return switch (this) {
            case INNER, FULL -> Optional.of(this);
            case LEFT -> Optional.of(RIGHT);
            case RIGHT -> Optional.of(LEFT);
            case SEMI -> Optional.of(RIGHT_SEMI);
            case ANTI -> Optional.of(RIGHT_ANTI);
            case RIGHT_SEMI -> Optional.of(SEMI);
            case RIGHT_ANTI -> Optional.of(ANTI);
            case MARK, SINGLE -> Optional.empty();
        };
    }

    /** How EXPLAIN names the type: RIGHT_SEMI as "RIGHT SEMI". */
    public String displayName() {
        return name().replace('_', ' ');
    }

    /**
     * Whether a hash join probe flags the build rows it matched, for the rows it outputs once every
     * probe row is through (RIGHT, FULL, RIGHT_SEMI, RIGHT_ANTI): the only types that write to the
     * build side's table.
     */
    public boolean flagsBuildRows() {
        return this == RIGHT || this == FULL || !outputsLeft();
    }

    /** Whether every left row appears in the output (at least once). */
    public boolean preservesLeft() {
        return this == LEFT || this == FULL || this == MARK || this == SINGLE;
    }
}
