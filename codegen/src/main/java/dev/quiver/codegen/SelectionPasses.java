package dev.quiver.codegen;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeSet;

/**
 * Generates the loops that narrow a batch's selection to the rows passing a filter's conjuncts:
 * one loop per conjunct, over the rows the conjuncts before it kept, as the interpreter's filter
 * evaluates them (so a conjunct sees the same rows, and an error surfaces at the same row, in
 * both). A loop writes every row's position and advances the count by the conjunct's outcome, with
 * no branch on it: a branch per row on an outcome that varies from row to row is mispredicted
 * often (a 29%-selective range test costs 6.6 ns a row branching and 0.9 ns not, measured in a
 * loop over 4,096-row arrays on this machine's JDK 17).
 */
final class SelectionPasses {
    /**
     * Loops at most: conjuncts past the first few share the last loop (evaluated in order, stopping
     * at the first false one), so that a filter of hundreds of conjuncts keeps push small.
     */
    static final int MAX_PASSES = 8;

    private SelectionPasses() {
    }

    /**
     * The loops narrowing rows {@code from[0..count)} to those passing every filter method (each a
     * {@code boolean f(int i)}), their positions written into array {@code target} (which may be
     * {@code from}) in order, their number left in a local {@code live} the loops declare. {@code
     * after} maps a number of leading conjuncts (0 < c < all) to a statement run once the rows passing
     * them are known (it may read {@code live}): a filter operator's count of rows. Empty when those
     * boundaries would need more than {@link #MAX_PASSES} loops.
     */
    static Optional<String> loops(PipelineGenerator g, String from, String count, String target, List<String> filters,
            Map<Integer, String> after) {
        if (filters.isEmpty()) {
            throw new IllegalArgumentException("no conjuncts to select by");
        }
        List<int[]> units = units(filters.size(), after.keySet());
        if (units.size() > MAX_PASSES) {
            return Optional.empty();
        }
        StringBuilder s = new StringBuilder();
        for (int u = 0; u < units.size(); u++) {
            int[] unit = units.get(u);
            String test = String.join(" && ", g.passes(filters.subList(unit[0], unit[1])));
            String rows = u == 0 ? from : target;
            String kept = u == 0 ? "live" : "kept";
            String in = u == 0 ? "        " : "            ";
            if (u == 0) {
                s.append(in).append("int live = 0;\n");
            } else {
                s.append("        {\n");
                s.append(in).append("int kept = 0;\n");
            }
            s.append(in).append("for (int k = 0; k < ").append(u == 0 ? count : "live").append("; k++) {\n");
            s.append(in).append("    int i = ").append(rows).append("[k];\n");
            s.append(in).append("    ").append(target).append("[").append(kept).append("] = i;\n");
            s.append(in).append("    ").append(kept).append(" += ").append(test).append(" ? 1 : 0;\n");
            s.append(in).append("}\n");
            if (u > 0) {
                s.append(in).append("live = kept;\n");
                s.append("        }\n");
            }
            String statement = after.get(unit[1]);
            if (statement != null && unit[1] < filters.size()) {
                s.append("        ").append(statement).append('\n');
            }
        }
        return Optional.of(s.toString());
    }

    /**
     * The conjunct ranges {@code [from, to)} each loop tests: cut at every boundary, then single
     * conjuncts from the front while loops remain, the rest sharing the last.
     */
    static List<int[]> units(int conjuncts, java.util.Collection<Integer> boundaries) {
        TreeSet<Integer> cuts = new TreeSet<>();
        for (int b : boundaries) {
            if (b > 0 && b < conjuncts) {
                cuts.add(b);
            }
        }
        cuts.add(conjuncts);
        List<int[]> units = new ArrayList<>();
        int start = 0;
        for (int cut : cuts) {
            units.add(new int[] {start, cut});
            start = cut;
        }
        for (int u = 0; u < units.size() && units.size() < MAX_PASSES; u++) {
            int[] unit = units.get(u);
            if (unit[1] - unit[0] > 1) {
                units.set(u, new int[] {unit[0], unit[0] + 1});
                units.add(u + 1, new int[] {unit[0] + 1, unit[1]});
            }
        }
        return units;
    }
}
