package dev.quiver.planner.physical;

import static java.util.Objects.requireNonNull;

import dev.quiver.planner.expr.ColumnRef;
import dev.quiver.planner.expr.Expr;
import dev.quiver.planner.plan.JoinType;
import dev.quiver.planner.plan.Joins;
import java.util.List;
import java.util.Optional;
import java.util.stream.Collectors;
import java.util.stream.IntStream;

/**
 * A hash join: the right input (build side) is collected into a hash table on {@code buildKeys};
 * each row of the left input (probe side) streams through, finds the build rows whose keys equal
 * its {@code probeKeys}, and keeps the pairs for which {@code residual} is TRUE. A key pair marked
 * {@code nullSafe} matches NULL with NULL (IS NOT DISTINCT FROM); any other NULL key never matches.
 * With no keys every build row is a candidate: a nested-loop join.
 *
 * <p>Output, probe row by probe row: INNER the matching pairs; LEFT the pairs, or the probe row
 * with NULL build columns; SEMI/ANTI the probe row if some/no pair matches; SINGLE the probe row
 * with its one match or NULLs, failing on a second match (SQLSTATE 21000); MARK the probe row with
 * the three-valued OR of the residual over the candidates (FALSE when there are none) — except
 * that with one non-null-safe key and no residual (uncorrelated {@code x IN (subquery)}), a missing
 * match is NULL rather than FALSE when the probe key is NULL (and the build side is not empty) or
 * some build key is NULL. RIGHT and FULL are INNER and LEFT plus, once every probe row is through,
 * each build row that matched no probe row, with NULL probe columns. RIGHT_SEMI and RIGHT_ANTI
 * output nothing per probe row: a probe row only flags the build rows it matches (key equal and
 * residual TRUE); once every probe row is through, each build row that some / no probe row matched
 * is output once, alone. So a build row with a NULL key that is not null-safe is never in a
 * RIGHT_SEMI's output and always in a RIGHT_ANTI's (NOT EXISTS, not NOT IN).
 *
 * <p>Columns: the probe columns (all but RIGHT_SEMI, RIGHT_ANTI), then the build columns (INNER,
 * LEFT, RIGHT, FULL, SINGLE, RIGHT_SEMI, RIGHT_ANTI), then the mark (MARK). A planner that builds on
 * the logical join's left input swaps the inputs (and the type for its {@link JoinType#mirrored}
 * one); consumers find columns by id, so the order change is invisible to them.
 */
public record HashJoin(JoinType type, List<Expr> probeKeys, List<Expr> buildKeys, List<Boolean> nullSafe,
        Optional<Expr> residual, Optional<ColumnRef> mark) implements PhysicalOperator {
    public HashJoin {
        requireNonNull(type, "type");
        probeKeys = List.copyOf(probeKeys);
        buildKeys = List.copyOf(buildKeys);
        nullSafe = List.copyOf(nullSafe);
        requireNonNull(residual, "residual");
        Joins.checkMark(type, mark);
        if (probeKeys.size() != buildKeys.size() || nullSafe.size() != probeKeys.size()) {
            throw new IllegalArgumentException("key lists differ in length");
        }
    }

    /** Whether this is the uncorrelated IN form of a MARK join (one null-aware key, no residual). */
    public boolean nullAwareMark() {
        return type == JoinType.MARK && probeKeys.size() == 1 && !nullSafe.get(0) && residual.isEmpty();
    }

    @Override
    public int arity() {
        return 2;
    }

    @Override
    public List<ColumnRef> outputColumns(List<List<ColumnRef>> inputs) {
        return Joins.outputColumns(type, mark, inputs);
    }

    @Override
    public String describe() {
        String keys = IntStream.range(0, probeKeys.size())
                .mapToObj(i -> probeKeys.get(i) + (nullSafe.get(i) ? " IS NOT DISTINCT FROM " : " = ") + buildKeys.get(i))
                .collect(Collectors.joining(", "));
        return (probeKeys.isEmpty() ? "NestedLoopJoin " : "HashJoin ") + type.displayName() + " [" + keys + "]"
                + residual.map(r -> " residual " + r).orElse("") + mark.map(m -> " mark " + m).orElse("")
                + " build=right";
    }
}
