package dev.quiver.codegen;

import java.io.IOException;
import java.io.StringReader;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Queue;
import java.util.concurrent.ConcurrentLinkedQueue;
import org.codehaus.commons.compiler.CompileException;
import org.codehaus.commons.compiler.util.reflect.ByteArrayClassLoader;
import org.codehaus.janino.ClassLoaderIClassLoader;
import org.codehaus.janino.IClassLoader;
import org.codehaus.janino.Java;
import org.codehaus.janino.Parser;
import org.codehaus.janino.Scanner;
import org.codehaus.janino.UnitCompiler;
import org.codehaus.janino.util.ClassFile;

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

    /**
     * Janino's views of the classes generated code refers to (the runtime, Arrow, the JDK), kept
     * between compiles. A fresh view per compile loaded every referenced class again by reflection
     * and retried every simple name against each imported package: sharing it cut Janino's time on
     * the same 14 TPC-H sources by about a third after warm-up (scratch loop: 148 to 85 ms at the
     * tenth round). A view serves one compile at a time: a compile takes one from here (or makes
     * one) and returns it when done, so concurrent compiles never share one; at most as many exist
     * as compiles have run at once.
     */
    private static final Queue<IClassLoader> TYPE_VIEWS = new ConcurrentLinkedQueue<>();

    /** Compiles {@code source}; throws if Janino rejects it or a method exceeds {@link #MAX_METHOD_BYTES}. */
    static Compiled compile(String className, String source) throws CompileException {
        IClassLoader types = TYPE_VIEWS.poll();
        if (types == null) {
            types = new ClassLoaderIClassLoader(ClassCompiler.class.getClassLoader());
        }
        List<ClassFile> files = new ArrayList<>();
        try {
            Java.AbstractCompilationUnit unit = new Parser(new Scanner(className + ".java", new StringReader(source))).parseAbstractCompilationUnit();
            new UnitCompiler(unit, types).compileUnit(false, false, false, files);
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
        // Returned only after a compile that succeeded: a failure leaves nothing half-resolved behind.
        TYPE_VIEWS.add(types);
        Map<String, byte[]> classes = new HashMap<>();
        for (ClassFile f : files) {
            classes.put(f.getThisClassName(), f.toByteArray());
        }
        String fullName = "dev.quiver.codegen.generated." + className;
        byte[] bytes = classes.get(fullName);
        if (bytes == null) {
            throw new IllegalStateException("the generated source did not declare " + fullName);
        }
        Map<String, Integer> sizes = MethodSizes.of(bytes);
        for (Map.Entry<String, Integer> e : sizes.entrySet()) {
            if (e.getValue() > MAX_METHOD_BYTES) {
                throw new MethodTooLargeException(e.getKey(), e.getValue());
            }
        }
        try {
            // One loader per class, so that a class no cache holds any more can be unloaded.
            return new Compiled(new ByteArrayClassLoader(classes, ClassCompiler.class.getClassLoader()).loadClass(fullName), sizes);
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
