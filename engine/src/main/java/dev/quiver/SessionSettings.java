package dev.quiver;

import dev.quiver.error.QuiverException;
import dev.quiver.error.SqlState;
import dev.quiver.planner.optimizer.OptimizerSettings;
import dev.quiver.planner.rule.RuleRegistry;
import java.nio.file.Path;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;

/**
 * A session's settings, changed with {@code SET name = value} or {@link Session#set}. Unknown names
 * and bad values are errors that list what is accepted.
 */
public final class SessionSettings {
    /** Default per-query memory limit for Arrow buffers: generous for SF 1, small enough to catch runaway queries on a 24 GiB machine. */
    public static final long DEFAULT_MEMORY_LIMIT = 8L << 30;

    /**
     * In compile mode, pipelines reading fewer rows than this run interpreted: Janino takes 5–40 ms
     * per pipeline once warm, which the compiled loop wins back (6–30 ns a row on TPC-H Q6 and Q1)
     * only from about a million rows in one run, or after a few runs of the same query at 100,000
     * rows (compiled classes are cached); below that the interpreter's answer comes first.
     */
    public static final long DEFAULT_COMPILE_MIN_ROWS = 100_000;

    private ExecutionMode executionMode = ExecutionMode.COMPILE;
    private long compileMinRows = DEFAULT_COMPILE_MIN_ROWS;
    private int threads;
    private long memoryLimit = DEFAULT_MEMORY_LIMIT;
    private Set<String> disabledRules = Set.of();
    private boolean exploration = true;
    private int maxRuleApplications = OptimizerSettings.DEFAULT_MAX_RULE_APPLICATIONS;
    private int maxMillis = Math.toIntExact(OptimizerSettings.DEFAULT_MAX_MILLIS);
    private Optional<Path> generatedSourceDirectory = Optional.empty();

    SessionSettings(int defaultThreads) {
        this.threads = defaultThreads;
    }

    public ExecutionMode executionMode() {
        return executionMode;
    }

    /** In compile mode, the fewest input rows for which a pipeline is compiled (0: every pipeline). */
    public long compileMinRows() {
        return compileMinRows;
    }

    public int threads() {
        return threads;
    }

    public long memoryLimit() {
        return memoryLimit;
    }

    public Set<String> disabledRules() {
        return disabledRules;
    }

    public boolean exploration() {
        return exploration;
    }

    /** The optimizer's search budget in rule applications (exploration, and pairs of join enumeration). */
    public int maxRuleApplications() {
        return maxRuleApplications;
    }

    /** The optimizer's search budget in milliseconds of planning. */
    public int maxMillis() {
        return maxMillis;
    }

    /** What the optimizer is told: disabled rules, exploration and the search budget. */
    public OptimizerSettings optimizerSettings() {
        return new OptimizerSettings(disabledRules, exploration, maxRuleApplications, maxMillis);
    }

    public Optional<Path> generatedSourceDirectory() {
        return generatedSourceDirectory;
    }

    /** Sets a setting from its text value. */
    public void set(String name, String value, int maxThreads) {
        String v = value.trim();
        switch (name.toLowerCase(Locale.ROOT)) {
            case "execution_mode" -> {
                try {
                    executionMode = ExecutionMode.valueOf(v.toUpperCase(Locale.ROOT));
                } catch (IllegalArgumentException e) {
                    throw bad(name, value, "interpret, compile or verify");
                }
            }
            case "threads" -> {
                int t = parseInt(name, value);
                if (t < 1 || t > maxThreads) {
                    throw bad(name, value, "1 to " + maxThreads);
                }
                threads = t;
            }
            case "memory_limit" -> memoryLimit = parseBytes(name, value);
            case "compile_min_rows" -> {
                long rows;
                try {
                    rows = Long.parseLong(v);
                } catch (NumberFormatException e) {
                    throw bad(name, value, "a number of rows, 0 or more");
                }
                if (rows < 0) {
                    throw bad(name, value, "a number of rows, 0 or more");
                }
                compileMinRows = rows;
            }
            case "disabled_rules" -> {
                Set<String> rules = v.isEmpty() ? Set.of() : new LinkedHashSet<>(List.of(v.split("\\s*,\\s*")));
                List<String> known = RuleRegistry.defaults().ruleNames();
                for (String rule : rules) {
                    if (!known.contains(rule)) {
                        throw bad(name, value, "a comma-separated list of rule names; \"" + rule + "\" is not one of "
                                + String.join(", ", known));
                    }
                }
                disabledRules = rules;
            }
            case "optimizer_exploration" -> exploration = parseBoolean(name, value);
            case "optimizer_max_rule_applications" -> maxRuleApplications = parsePositiveInt(name, value, "rule applications");
            case "optimizer_max_millis" -> maxMillis = parsePositiveInt(name, value, "milliseconds");
            case "dump_generated_source" -> generatedSourceDirectory = v.isEmpty() ? Optional.empty() : Optional.of(Path.of(v));
            default -> throw new QuiverException(SqlState.UNDEFINED_OBJECT, "unrecognized configuration parameter \"" + name
                    + "\"; known: " + String.join(", ", show().keySet()));
        }
    }

    /** Every setting and its current value. */
    public Map<String, String> show() {
        Map<String, String> m = new TreeMap<>();
        m.put("execution_mode", executionMode.name().toLowerCase(Locale.ROOT));
        m.put("compile_min_rows", String.valueOf(compileMinRows));
        m.put("threads", String.valueOf(threads));
        m.put("memory_limit", String.valueOf(memoryLimit));
        m.put("disabled_rules", String.join(",", disabledRules));
        m.put("optimizer_exploration", String.valueOf(exploration));
        m.put("optimizer_max_rule_applications", String.valueOf(maxRuleApplications));
        m.put("optimizer_max_millis", String.valueOf(maxMillis));
        m.put("dump_generated_source", generatedSourceDirectory.map(Path::toString).orElse(""));
        return m;
    }

    private static int parseInt(String name, String value) {
        try {
            return Integer.parseInt(value.trim());
        } catch (NumberFormatException e) {
            throw bad(name, value, "an integer");
        }
    }

    private static int parsePositiveInt(String name, String value, String unit) {
        String expected = "a positive number of " + unit + " (1 to " + Integer.MAX_VALUE + ")";
        try {
            int n = Integer.parseInt(value.trim());
            if (n < 1) {
                throw bad(name, value, expected);
            }
            return n;
        } catch (NumberFormatException e) {
            throw bad(name, value, expected);
        }
    }

    private static boolean parseBoolean(String name, String value) {
        return switch (value.trim().toLowerCase(Locale.ROOT)) {
            case "on", "true", "yes", "1" -> true;
            case "off", "false", "no", "0" -> false;
            default -> throw bad(name, value, "on or off");
        };
    }

    /** Bytes with an optional unit: 512MB, 4GB, 1073741824. */
    private static long parseBytes(String name, String value) {
        String v = value.trim().toUpperCase(Locale.ROOT).replace(" ", "");
        long unit = 1;
        for (String[] u : new String[][] {{"KB", "1024"}, {"MB", "1048576"}, {"GB", "1073741824"}, {"B", "1"}}) {
            if (v.endsWith(u[0])) {
                unit = Long.parseLong(u[1]);
                v = v.substring(0, v.length() - u[0].length());
                break;
            }
        }
        try {
            long n = Long.parseLong(v);
            if (n <= 0) {
                throw bad(name, value, "a positive size such as 512MB or 4GB");
            }
            return Math.multiplyExact(n, unit);
        } catch (NumberFormatException | ArithmeticException e) {
            throw bad(name, value, "a positive size such as 512MB or 4GB");
        }
    }

    private static QuiverException bad(String name, String value, String expected) {
        return new QuiverException(SqlState.INVALID_PARAMETER_VALUE,
                "invalid value for parameter \"" + name + "\": \"" + value + "\"; expected " + expected);
    }
}
