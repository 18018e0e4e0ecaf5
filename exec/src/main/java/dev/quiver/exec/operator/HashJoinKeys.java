package dev.quiver.exec.operator;

import dev.quiver.error.QuiverException;
import dev.quiver.error.SqlState;
import dev.quiver.exec.vector.ValueComparisons;
import dev.quiver.planner.expr.Cast;
import dev.quiver.planner.expr.Expr;
import dev.quiver.planner.physical.HashJoin;
import dev.quiver.planner.type.DataType;
import dev.quiver.planner.type.TypeCoercion;
import java.util.ArrayList;
import java.util.List;

/**
 * The key expressions of a hash join as the build and the probe side evaluate them. Key values are
 * hashed and compared in their runtime representation, so both keys of a pair must share one; a
 * pair that does not (DECIMAL(10,2) against DECIMAL(30,2), INTEGER against DOUBLE) is compared in
 * the types' common type, as {@code =} would compare them.
 */
final class HashJoinKeys {
    private HashJoinKeys() {
    }

    static List<Expr> probe(HashJoin join) {
        return side(join, true);
    }

    static List<Expr> build(HashJoin join) {
        return side(join, false);
    }

    private static List<Expr> side(HashJoin join, boolean probe) {
        List<Expr> keys = new ArrayList<>();
        for (int k = 0; k < join.probeKeys().size(); k++) {
            Expr p = join.probeKeys().get(k);
            Expr b = join.buildKeys().get(k);
            Expr key = probe ? p : b;
            if (ValueComparisons.sameRepresentation(p.type(), b.type())) {
                keys.add(key);
                continue;
            }
            int index = k;
            DataType common = TypeCoercion.commonSuperType(p.type(), b.type()).orElseThrow(() -> new QuiverException(
                    SqlState.INTERNAL_ERROR, "hash join key " + index + " compares " + p.type() + " with " + b.type()));
            keys.add(key.type().equals(common) ? key : new Cast(key, common));
        }
        return keys;
    }
}
