package dev.quiver.planner.rule;

/**
 * An optimizer rule: a {@link Pattern} saying which expressions it looks at, a guard saying when it
 * applies, and a rewrite. Rules are small, stateless and listed once, in {@link RuleRegistry}; each
 * can be disabled by name (a session setting) without affecting the others.
 */
public interface Rule {
    /** A stable name, used in EXPLAIN's rule trace and to disable the rule. */
    default String name() {
        return getClass().getSimpleName();
    }

    Pattern pattern();
}
