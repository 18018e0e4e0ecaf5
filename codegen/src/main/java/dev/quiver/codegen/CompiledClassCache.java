package dev.quiver.codegen;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.function.Supplier;

/**
 * What compiling each generated source came to, by the source text: the compiled class, or the
 * failure (a method over the JIT limit, a source Janino rejects). Literals are hoisted out of the
 * source, so the text is a fingerprint of the plan's shape and types: a query that differs only in
 * its constants reuses the class, and a shape that failed to compile is never handed to Janino
 * again in this JVM (compiling is deterministic, so a retry would fail the same way, at the same
 * cost). Least recently used entries are dropped beyond {@link #CAPACITY}.
 */
final class CompiledClassCache {
    /** Outcomes kept: each class is a few KB of metaspace; a thousand shapes cover any realistic workload. */
    static final int CAPACITY = 1000;

    private static final Map<String, ClassCompiler.Outcome> OUTCOMES = new LinkedHashMap<>(64, 0.75f, true) {
        private static final long serialVersionUID = 1L;

        @Override
        protected boolean removeEldestEntry(Map.Entry<String, ClassCompiler.Outcome> eldest) {
            return size() > CAPACITY;
        }
    };

    private CompiledClassCache() {
    }

    /**
     * The cached outcome for the source, or compiles it (outside the lock) and caches the outcome,
     * success or failure. {@code compile} must not throw for a deterministic failure: it returns
     * {@link ClassCompiler.Failed} instead.
     */
    static ClassCompiler.Outcome get(String source, Supplier<ClassCompiler.Outcome> compile) {
        synchronized (OUTCOMES) {
            ClassCompiler.Outcome hit = OUTCOMES.get(source);
            if (hit != null) {
                return hit;
            }
        }
        ClassCompiler.Outcome outcome = compile.get();
        synchronized (OUTCOMES) {
            OUTCOMES.putIfAbsent(source, outcome);
            return OUTCOMES.get(source);
        }
    }

    /** The cached outcome for the source, if any. */
    static Optional<ClassCompiler.Outcome> lookup(String source) {
        synchronized (OUTCOMES) {
            return Optional.ofNullable(OUTCOMES.get(source));
        }
    }
}
