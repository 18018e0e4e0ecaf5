package dev.quiver;

/** How a session runs query pipelines. */
public enum ExecutionMode {
    /** Vectorized interpreter only: the reference semantics, no compile cost. */
    INTERPRET,
    /** Pipelines compiled to Java by Janino (falling back to the interpreter if a compile fails). */
    COMPILE,
    /** Run both, compare the results, fail on any difference. For tests. */
    VERIFY
}
