package dev.quiver.planner.rule;

/**
 * The search budget of one optimization, shared by every rule that searches among equivalent plans:
 * each application of an exploration rule in the memo, and each pair of relation sets that join
 * enumeration considers, costs one {@link #spend()}. Once {@code maxApplications} are spent or
 * {@code maxMillis} have passed since the optimization started, spending fails from then on; the
 * searching rule keeps the best plan it has (join enumeration falls back to greedy ordering), and
 * {@link #exceeded()} says so, for EXPLAIN. Normalization does not spend: it always completes.
 *
 * <p>Mutable, and used by one optimization on one thread.
 */
public final class SearchBudget {
    private final int maxApplications;
    private final long startNanos;
    private final long maxNanos;
    private int used;
    private boolean exceeded;

    /** A budget that started at {@code startNanos} ({@link System#nanoTime()}); a zero one allows no search at all. */
    public SearchBudget(int maxApplications, long maxMillis, long startNanos) {
        this.maxApplications = maxApplications;
        this.startNanos = startNanos;
        this.maxNanos = maxMillis > Long.MAX_VALUE / 1_000_000 ? Long.MAX_VALUE : maxMillis * 1_000_000;
    }

    /** A budget that is never exceeded, for rules run outside an optimization (tests, tools). */
    public static SearchBudget unlimited() {
        return new SearchBudget(Integer.MAX_VALUE, Long.MAX_VALUE, System.nanoTime());
    }

    /** Takes one application from the budget; false, and nothing taken, once it is used up or out of time. */
    public boolean spend() {
        if (exceeded) {
            return false;
        }
        if (used >= maxApplications || System.nanoTime() - startNanos >= maxNanos) {
            exceeded = true;
            return false;
        }
        used++;
        return true;
    }

    /** The applications spent so far. */
    public int used() {
        return used;
    }

    /** Whether a search wanted more than the budget gave it, so that its plan is the best found so far. */
    public boolean exceeded() {
        return exceeded;
    }
}
