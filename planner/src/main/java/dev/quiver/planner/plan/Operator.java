package dev.quiver.planner.plan;

import dev.quiver.planner.expr.ColumnRef;
import java.util.List;

/**
 * A relational operator without its inputs: the same value stands in a plan tree (inputs are
 * subtrees) and in the memo (inputs are groups). Operators are immutable records whose equality is
 * structural, so the memo can find duplicates by hash.
 */
public interface Operator {
    /** How many inputs the operator takes. */
    int arity();

    /** The columns the operator produces, in order, given its inputs' columns. */
    List<ColumnRef> outputColumns(List<List<ColumnRef>> inputs);

    /** One line for EXPLAIN: operator name and arguments, without inputs. */
    String describe();
}
