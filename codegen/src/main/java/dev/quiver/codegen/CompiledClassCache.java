package dev.quiver.codegen;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.function.Supplier;

/**
 * Compiled pipeline classes by their source text. Literals are hoisted out of the source, so the
 * text is a fingerprint of the plan's shape and types: a query that differs only in its constants
 * reuses the class. Least recently used classes are dropped beyond {@link #CAPACITY}.
 */
final class CompiledClassCache {
    /** Classes kept: each is a few KB of metaspace; a thousand shapes cover any realistic workload. */
    static final int CAPACITY = 1000;

    private static final Map<String, ClassCompiler.Compiled> CLASSES = new LinkedHashMap<>(64, 0.75f, true) {
        private static final long serialVersionUID = 1L;

        @Override
        protected boolean removeEldestEntry(Map.Entry<String, ClassCompiler.Compiled> eldest) {
            return size() > CAPACITY;
        }
    };

    private CompiledClassCache() {
    }

    /** The cached class for the source, or compiles it (outside the lock) and caches it. */
    static ClassCompiler.Compiled get(String source, Supplier<ClassCompiler.Compiled> compile) {
        synchronized (CLASSES) {
            ClassCompiler.Compiled hit = CLASSES.get(source);
            if (hit != null) {
                return hit;
            }
        }
        ClassCompiler.Compiled compiled = compile.get();
        synchronized (CLASSES) {
            CLASSES.putIfAbsent(source, compiled);
            return CLASSES.get(source);
        }
    }

    static boolean contains(String source) {
        synchronized (CLASSES) {
            return CLASSES.containsKey(source);
        }
    }
}
