package dev.quiver.codegen;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Inlines, in the generated source itself, each private {@code void} method that has one call site
 * and takes no argument but the caller's own variable of the same name: the call's line becomes a
 * block holding the method's body, and the method goes. Repeated until no such method is left, so
 * a chain of helpers (a stage calling an aggregation calling a projection per row) folds into the
 * method that loops over the batch.
 *
 * <p>Why: a fresh generated class must be compiled by HotSpot before its rows run fast, and every
 * method that is hot on its own is another task for the C2 compiler: compiled by C1 twice and by
 * C2 once more before its caller is compiled and inlines it anyway. With 2 cores and a class per
 * pipeline, that queue is what keeps a query's first runs slow (HotSpot raises the counts a method
 * must reach before C2 takes it by the queue's length). One method in place of a chain of them is
 * one task, and it runs its rows without a call per row before C2 gets to it.
 *
 * <p>The generated methods this applies to are written one per {@link ClassBuilder#method} with the
 * class's layout: the signature on the first line, the body indented by eight spaces, and the
 * closing brace alone, indented by four. A method is inlined only when inlining cannot change a
 * name's meaning: its body has no {@code return} (a block cannot return for the method), and no
 * local it declares or other name it reads (a field, a method) is a local or parameter of the
 * caller. Catch parameters are exempt: generated catch blocks only rethrow, so no call is inside
 * one. Nothing is inlined into a caller that would grow past {@link #MAX_CALLER_CHARS}.
 */
final class MethodInliner {
    /**
     * The largest caller, in characters of source, that a body is inlined into: 3–4 KB of bytecode
     * at the generator's three to four characters per byte, the size the generator's own splitting
     * aims at and under half of HotSpot's 8,000-byte limit ({@link ClassCompiler#MAX_METHOD_BYTES}).
     * Where a method still comes out too large, the factory compiles the class as generated.
     */
    static final int MAX_CALLER_CHARS = 12_000;

    /** {@code private void name(int p) {} or {@code private void name() {}: the methods that may be inlined. */
    private static final Pattern INLINABLE = Pattern.compile("^    private void (\\w+)\\((?:int (\\w+))?\\) \\{$");
    /** Any method's first line, capturing its name and parameter list. */
    private static final Pattern SIGNATURE = Pattern.compile("^    (?:public |private )?(?:final )?[\\w\\[\\]<>.]+ (\\w+)\\(([^)]*)\\) \\{$");
    /** A local declared by a statement: a type, a name, then {@code =} or {@code ;}. */
    private static final Pattern DECLARATION =
            Pattern.compile("^\\s*(?:final\\s+)?([\\w.]+(?:<[\\w<>,. ]*>)?(?:\\[\\])*)\\s+(\\w+)\\s*(?:=|;)");
    /** A local declared in a {@code for} header. */
    private static final Pattern FOR_DECLARATION = Pattern.compile("\\bfor\\s*\\(\\s*(?:final\\s+)?[\\w.]+(?:\\[\\])*\\s+(\\w+)\\s*[=:]");
    /** A catch parameter. */
    private static final Pattern CATCH = Pattern.compile("\\bcatch\\s*\\(\\s*[\\w.]+\\s+(\\w+)\\s*\\)");
    /** A call of a method of the class: a name, not a member after a dot, and an opening parenthesis. */
    private static final Pattern CALL = Pattern.compile("(?<![\\w.$])([A-Za-z_$][\\w$]*)\\(");
    private static final Pattern RETURN = Pattern.compile("\\breturn\\b");
    /** A name, not a member after a dot. */
    private static final Pattern NAME = Pattern.compile("(?<![\\w.])([A-Za-z_$][\\w$]*)");
    /** Words that open a statement and so may precede a name without declaring it. */
    private static final Set<String> STATEMENT_WORDS = Set.of("return", "throw", "else", "new", "case", "do", "assert", "yield");

    private MethodInliner() {
    }

    /**
     * The methods (each one method's whole text) with every inlinable method inlined into its one
     * caller and removed; {@code others} are the class's other code (constructor, initializers),
     * searched for calls but never changed; the methods named in {@code keep} stay as they are (a
     * split that keeps its caller small). The first method is the push method, which is never
     * inlined. Each call is found once; a pass over the methods inlines all it can, and passes
     * repeat while one inlined something (a method whose caller was inlined has a new caller).
     */
    static List<String> inline(List<String> methods, String others, Set<String> keep) {
        List<List<String>> code = new ArrayList<>();
        for (String m : methods) {
            code.add(lines(m));
        }
        Map<String, Integer> calls = new HashMap<>();
        Map<String, List<String>> callerOf = new HashMap<>();
        Matcher inOthers = CALL.matcher(others);
        while (inOthers.find()) {
            calls.merge(inOthers.group(1), 2, Integer::sum);
        }
        for (List<String> method : code) {
            int first = signatureLine(method);
            for (int l = first + 1; l < method.size(); l++) {
                Matcher call = CALL.matcher(method.get(l));
                while (call.find()) {
                    calls.merge(call.group(1), 1, Integer::sum);
                    callerOf.put(call.group(1), method);
                }
            }
        }
        boolean changed = true;
        while (changed) {
            changed = false;
            for (int callee = code.size() - 1; callee >= 1; callee--) {
                List<String> method = code.get(callee);
                Optional<String> name = inlinableName(method);
                if (name.isEmpty() || keep.contains(name.get()) || calls.getOrDefault(name.get(), 0) != 1) {
                    continue;
                }
                List<String> caller = callerOf.get(name.get());
                if (caller == method || !inlineInto(caller, method)) {
                    continue;
                }
                for (int l = signatureLine(method) + 1; l < method.size(); l++) {
                    Matcher call = CALL.matcher(method.get(l));
                    while (call.find()) {
                        callerOf.put(call.group(1), caller);
                    }
                }
                code.remove(callee);
                changed = true;
            }
        }
        List<String> result = new ArrayList<>();
        for (List<String> method : code) {
            result.add(String.join("\n", method) + "\n");
        }
        return result;
    }

    /** The name of a method that may be inlined by its form alone: private, void, at most an int parameter, no return. */
    private static Optional<String> inlinableName(List<String> method) {
        Matcher signature = INLINABLE.matcher(method.get(signatureLine(method)));
        if (!signature.matches() || !method.get(method.size() - 1).equals("    }")) {
            return Optional.empty();
        }
        for (int l = signatureLine(method) + 1; l < method.size() - 1; l++) {
            String line = method.get(l);
            if (RETURN.matcher(line).find() || !line.startsWith("        ") && !line.isBlank()) {
                return Optional.empty();
            }
        }
        return Optional.of(signature.group(1));
    }

    /**
     * Replaces, in {@code caller}, the line calling {@code callee} by a block holding its body, if
     * the call is a statement of its own passing the parameter's own name, no name in the body is
     * one of the caller's locals, and the caller stays under {@link #MAX_CALLER_CHARS}; returns
     * whether it did.
     */
    private static boolean inlineInto(List<String> caller, List<String> callee) {
        int first = signatureLine(callee);
        Matcher signature = INLINABLE.matcher(callee.get(first));
        if (!signature.matches()) {
            return false;
        }
        String name = signature.group(1);
        String parameter = signature.group(2) == null ? "" : signature.group(2);
        List<String> body = callee.subList(first + 1, callee.size() - 1);
        int chars = 0;
        for (String line : caller) {
            chars += line.length() + 1;
        }
        for (String line : callee) {
            chars += line.length() + 1;
        }
        if (chars > MAX_CALLER_CHARS) {
            return false;
        }
        int site = -1;
        for (int l = signatureLine(caller) + 1; l < caller.size(); l++) {
            if (caller.get(l).strip().equals(name + "(" + parameter + ");")) {
                site = l;
                break;
            }
        }
        Optional<Set<String>> callerLocals = locals(caller, true);
        if (site < 0 || callerLocals.isEmpty() || locals(body, false).isEmpty()) {
            return false;
        }
        for (String line : body) {
            Matcher n = NAME.matcher(line);
            while (n.find()) {
                if (!n.group(1).equals(parameter) && callerLocals.get().contains(n.group(1))) {
                    return false;
                }
            }
        }
        String indent = caller.get(site).substring(0, caller.get(site).length() - caller.get(site).stripLeading().length());
        List<String> block = new ArrayList<>();
        block.add(indent + "{");
        for (String comment : callee.subList(0, first)) {
            block.add(indent + "    " + comment.strip());
        }
        for (String line : body) {
            block.add(line.isBlank() ? "" : indent + "    " + line.substring(8));
        }
        block.add(indent + "}");
        caller.remove(site);
        caller.addAll(site, block);
        return true;
    }

    /**
     * The locals a method's lines declare (with the parameters of its signature when {@code
     * withSignature}), catch parameters left out; empty when a catch block does more than rethrow,
     * since a call could then sit inside one.
     */
    private static Optional<Set<String>> locals(List<String> lines, boolean withSignature) {
        Set<String> names = new HashSet<>();
        int from = 0;
        if (withSignature) {
            from = signatureLine(lines);
            Matcher signature = SIGNATURE.matcher(lines.get(from));
            if (!signature.matches()) {
                return Optional.empty();
            }
            for (String p : signature.group(2).split(",")) {
                String[] words = p.trim().split("\\s+");
                if (words.length >= 2) {
                    names.add(words[words.length - 1]);
                }
            }
            from++;
        }
        for (int l = from; l < lines.size(); l++) {
            String line = lines.get(l);
            Matcher declared = DECLARATION.matcher(line);
            if (declared.find() && !STATEMENT_WORDS.contains(declared.group(1))) {
                names.add(declared.group(2));
            }
            Matcher loop = FOR_DECLARATION.matcher(line);
            while (loop.find()) {
                names.add(loop.group(1));
            }
            if (CATCH.matcher(line).find()) {
                boolean rethrows = l + 2 < lines.size() && lines.get(l + 1).strip().startsWith("throw ")
                        && lines.get(l + 2).strip().equals("}");
                if (!rethrows) {
                    return Optional.empty();
                }
            }
        }
        return Optional.of(names);
    }

    /** The index of a method's first line: after the comment lines above it, if any. */
    private static int signatureLine(List<String> lines) {
        int l = 0;
        while (l < lines.size() - 1 && lines.get(l).strip().startsWith("//")) {
            l++;
        }
        return l;
    }

    private static List<String> lines(String method) {
        List<String> lines = new ArrayList<>(List.of(method.split("\n")));
        while (!lines.isEmpty() && lines.get(lines.size() - 1).isBlank()) {
            lines.remove(lines.size() - 1);
        }
        return lines;
    }
}
