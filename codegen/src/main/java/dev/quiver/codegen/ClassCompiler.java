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

    record Compiled(Class<?> type, Map<String, Integer> methodSizes) {
    }

    private ClassCompiler() {
    }

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
