package dev.quiver.codegen;

import java.io.IOException;
import java.io.StringReader;
import java.util.Map;
import org.codehaus.commons.compiler.CompileException;
import org.codehaus.janino.SimpleCompiler;

/**
 * Compiles generated source with Janino and checks every method's bytecode size: HotSpot never
 * JIT-compiles a method over 8,000 bytes ({@code -XX:HugeMethodLimit}), and an interpreted loop is
 * 30-50 times slower, so an oversized method counts as a failed compile.
 */
final class ClassCompiler {
    /** HotSpot's HugeMethodLimit: larger methods stay interpreted. */
    static final int MAX_METHOD_BYTES = 8000;

    /** What compiling a source came to: a class, or a failure. Deterministic for a source, so it is cached either way. */
    sealed interface Outcome permits Compiled, Failed {
    }

    /** A compiled class and the bytecode size of each of its methods (name + descriptor). */
    record Compiled(Class<?> type, Map<String, Integer> methodSizes) implements Outcome {
    }

    /**
     * A source that did not compile: why, and whether only because a method exceeded {@link
     * #MAX_METHOD_BYTES} (finer method splitting may then fit).
     */
    record Failed(String reason, boolean methodTooLarge) implements Outcome {
    }

    private ClassCompiler() {
    }

    /**
     * Compiles {@code source}; a source Janino rejects, or whose class has a method over {@link
     * #MAX_METHOD_BYTES}, is a {@link Failed} outcome, never an exception.
     */
    static Outcome attempt(String className, String source) {
        try {
            return compile(className, source);
        } catch (MethodTooLargeException e) {
            return new Failed(e.getMessage(), true);
        } catch (CompileException e) {
            return new Failed("Janino rejected the generated source: " + e.getMessage(), false);
        } catch (RuntimeException e) {
            // Janino's internal errors (class-file limits such as the constant pool's) are unchecked.
            return new Failed("Janino failed on the generated source: " + e, false);
        }
    }

    /** Compiles {@code source}; throws if Janino rejects it or a method exceeds {@link #MAX_METHOD_BYTES}. */
    static Compiled compile(String className, String source) throws CompileException {
        SimpleCompiler compiler = new SimpleCompiler();
        compiler.setParentClassLoader(ClassCompiler.class.getClassLoader());
        try {
            compiler.cook(className + ".java", new StringReader(source));
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
        String fullName = "dev.quiver.codegen.generated." + className;
        byte[] bytes = compiler.getBytecodes().get(fullName);
        Map<String, Integer> sizes = MethodSizes.of(bytes);
        for (Map.Entry<String, Integer> e : sizes.entrySet()) {
            if (e.getValue() > MAX_METHOD_BYTES) {
                throw new MethodTooLargeException(e.getKey(), e.getValue());
            }
        }
        try {
            return new Compiled(compiler.getClassLoader().loadClass(fullName), sizes);
        } catch (ClassNotFoundException e) {
            throw new IllegalStateException("compiled class not found: " + fullName, e);
        }
    }

    /** A generated method exceeded {@link #MAX_METHOD_BYTES}. */
    static final class MethodTooLargeException extends RuntimeException {
        private static final long serialVersionUID = 1L;

        MethodTooLargeException(String method, int bytes) {
            super("generated method " + method + " has " + bytes + " bytes of bytecode, over the JIT limit of " + MAX_METHOD_BYTES);
        }
    }
}
