package dev.quiver.exec.operator;

import static org.assertj.core.api.Assertions.assertThat;

import dev.quiver.planner.plan.JoinType;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Joins written the obvious way, as nested loops over Java rows, straight from the semantics in
 * {@code HashJoin}'s documentation: the oracle the hash join's results are compared with.
 */
final class ReferenceJoin {
    /** Thrown where SINGLE finds a second match. */
    static final class TooManyRows extends RuntimeException {
        private static final long serialVersionUID = 1L;
    }

    /** A residual over a (probe row, build row) pair: TRUE, FALSE or NULL (SQL's unknown). */
    @FunctionalInterface
    interface Residual {
        Boolean test(Object[] probe, Object[] build);
    }

    private final JoinType type;
    private final int[] probeKeys;
    private final int[] buildKeys;
    private final boolean nullSafe;
    private final Residual residual;

    /** Keys pair probe column {@code probeKeys[i]} with build column {@code buildKeys[i]}; residual may be null. */
    ReferenceJoin(JoinType type, int[] probeKeys, int[] buildKeys, boolean nullSafe, Residual residual) {
        this.type = type;
        this.probeKeys = probeKeys;
        this.buildKeys = buildKeys;
        this.nullSafe = nullSafe;
        this.residual = residual;
    }

    /** SQL's = on two non-NULL values as the engine compares keys: -0.0 equals 0.0, NaN equals NaN, decimals by value. */
    static boolean sqlEquals(Object a, Object b) {
        if (a instanceof Double x && b instanceof Double y) {
            return x.doubleValue() == y.doubleValue() || x.isNaN() && y.isNaN();
        }
        if (a instanceof BigDecimal x && b instanceof BigDecimal y) {
            return x.compareTo(y) == 0;
        }
        return a.equals(b);
    }

    private boolean candidate(Object[] p, Object[] b) {
        for (int k = 0; k < probeKeys.length; k++) {
            Object x = p[probeKeys[k]];
            Object y = b[buildKeys[k]];
            if (x == null || y == null) {
                if (!(nullSafe && x == null && y == null)) {
                    return false;
                }
            } else if (!sqlEquals(x, y)) {
                return false;
            }
        }
        return true;
    }

    private Boolean pass(Object[] p, Object[] b) {
        return residual == null ? Boolean.TRUE : residual.test(p, b);
    }

    private boolean nullAware() {
        return type == JoinType.MARK && probeKeys.length == 1 && !nullSafe && residual == null;
    }

    List<List<Object>> run(List<Object[]> probe, int probeWidth, List<Object[]> build, int buildWidth) {
        List<List<Object>> out = new ArrayList<>();
        boolean[] buildMatched = new boolean[build.size()];
        for (Object[] p : probe) {
            int passed = 0;
            boolean unknown = false;
            for (int j = 0; j < build.size(); j++) {
                Object[] b = build.get(j);
                if (!candidate(p, b)) {
                    continue;
                }
                Boolean r = pass(p, b);
                if (r == null) {
                    unknown = true;
                } else if (r) {
                    passed++;
                    buildMatched[j] = true;
                    if (type.outputsLeft() && type.outputsRight()) {
                        if (type == JoinType.SINGLE && passed > 1) {
                            throw new TooManyRows();
                        }
                        out.add(concat(p, b));
                    }
                }
            }
            switch (type) {
                case LEFT, FULL, SINGLE -> {
                    if (passed == 0) {
                        out.add(concat(p, new Object[buildWidth]));
                    }
                }
                case SEMI -> {
                    if (passed > 0) {
                        out.add(Arrays.asList(p));
                    }
                }
                case ANTI -> {
                    if (passed == 0) {
                        out.add(Arrays.asList(p));
                    }
                }
                case MARK -> out.add(concat(p, new Object[] {mark(p, build, passed > 0, unknown)}));
                default -> {
                }
            }
        }
        if (type == JoinType.RIGHT || type == JoinType.FULL) {
            for (int j = 0; j < build.size(); j++) {
                if (!buildMatched[j]) {
                    out.add(concat(new Object[probeWidth], build.get(j)));
                }
            }
        }
        if (type == JoinType.RIGHT_SEMI || type == JoinType.RIGHT_ANTI) {
            for (int j = 0; j < build.size(); j++) {
                if (buildMatched[j] == (type == JoinType.RIGHT_SEMI)) {
                    out.add(Arrays.asList(build.get(j)));
                }
            }
        }
        return out;
    }

    private Boolean mark(Object[] p, List<Object[]> build, boolean found, boolean unknown) {
        if (!nullAware()) {
            return found ? Boolean.TRUE : unknown ? null : Boolean.FALSE;
        }
        if (p[probeKeys[0]] == null) {
            return build.isEmpty() ? Boolean.FALSE : null;
        }
        if (found) {
            return Boolean.TRUE;
        }
        return build.stream().anyMatch(b -> b[buildKeys[0]] == null) ? null : Boolean.FALSE;
    }

    static List<Object> concat(Object[] a, Object[] b) {
        List<Object> row = new ArrayList<>(Arrays.asList(a));
        row.addAll(Arrays.asList(b));
        return row;
    }

    /** Asserts both hold the same rows, each as many times, whatever the order; reports a few differences. */
    static void assertSameRows(List<List<Object>> actual, List<List<Object>> expected) {
        Map<List<Object>, Integer> counts = new HashMap<>();
        for (List<Object> row : expected) {
            counts.merge(row, 1, Integer::sum);
        }
        for (List<Object> row : actual) {
            counts.merge(row, -1, Integer::sum);
        }
        List<String> differences = new ArrayList<>();
        counts.forEach((row, n) -> {
            if (n != 0 && differences.size() < 10) {
                differences.add((n > 0 ? "missing " : "unexpected ") + Math.abs(n) + "x " + row);
            }
        });
        assertThat(differences).as("rows differing from the reference").isEmpty();
        assertThat(actual).hasSameSizeAs(expected);
    }

    static List<Object[]> arrays(List<List<Object>> rows) {
        return rows.stream().map(List::toArray).toList();
    }

    @Override
    public String toString() {
        return type + " " + Arrays.toString(probeKeys) + "=" + Arrays.toString(buildKeys) + (nullSafe ? " null-safe" : "")
                + (residual == null ? "" : " with residual");
    }
}
