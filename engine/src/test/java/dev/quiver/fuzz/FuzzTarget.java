package dev.quiver.fuzz;

/** An engine the fuzzers run statements on. */
interface FuzzTarget extends AutoCloseable {
    /** Runs one statement; never throws: every way it can end is an {@link Outcome}. */
    Outcome run(String sql);

    /** Runs set-up statements; fails loudly, since the fuzzer cannot go on without them. */
    default void setUp(Iterable<String> statements) {
        for (String sql : statements) {
            Outcome o = run(sql);
            if (!(o instanceof Outcome.Rows)) {
                throw new IllegalStateException(getClass().getSimpleName() + " could not run set-up statement " + sql + ": " + o.describe());
            }
        }
    }

    @Override
    void close();
}
