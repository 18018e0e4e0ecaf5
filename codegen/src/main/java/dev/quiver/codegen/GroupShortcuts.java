package dev.quiver.codegen;

import dev.quiver.exec.vector.Kind;
import java.util.ArrayList;
import java.util.List;

/**
 * Ways a generated aggregation finds a row's group without hashing and probing the table, which
 * change no outcome: the last row's keys and group remembered (numeric keys, which often come
 * clustered), or a small cache of groups by key where some key is a string read in place (flags
 * and statuses: a few short values). Each makes {@code int group()}, which calls the table probe
 * {@code find()} when it cannot answer.
 *
 * <p>Both forget their groups at each batch's start. That costs a find per group and batch, and it
 * keeps the miss of an empty shortcut common: the JIT, profiling a class in its first batches, saw
 * it only in the first rows of the first drivers, which it does not profile, compiled it as a
 * trap, and threw the compiled push away when a later run's new driver came to its first row.
 */
final class GroupShortcuts {
    /** Keys past which the last group is not remembered: comparing them all would cost what finding the group costs. */
    static final int MAX_REMEMBERED_KEYS = 4;
    /**
     * Slots of the group cache for short string keys (a power of two): a handful of groups (a flag
     * or status key) rarely share a slot (4 keys: 9%), and each slot array stays within L1.
     */
    static final int GROUP_CACHE_SLOTS = 64;

    private final ClassBuilder cb;

    GroupShortcuts(ClassBuilder cb) {
        this.cb = cb;
    }

    /**
     * Generates {@code int group()} in front of the probe {@code find()} when some shortcut holds
     * these keys ({@code places}: where each string key lies in Arrow memory, null if it is not read
     * in place); false, generating nothing, when none does.
     */
    boolean generate(List<JValue> keys, List<ColumnReader.InPlaceString> places, String find) {
        if (rememberable(keys)) {
            rememberLastGroup(keys, find);
            return true;
        }
        if (cacheable(keys, places)) {
            cacheGroups(keys, places, find);
            return true;
        }
        return false;
    }

    /** Whether {@link #rememberLastGroup} can hold these keys: a few, none a string or an interval. */
    private static boolean rememberable(List<JValue> keys) {
        if (keys.size() > MAX_REMEMBERED_KEYS) {
            return false;
        }
        for (JValue v : keys) {
            if (v.kind() == Kind.STRING || v.kind() == Kind.INTERVAL) {
                return false;
            }
        }
        return true;
    }

    /**
     * Whether {@link #cacheGroups} can hold these keys: a few, some a string read in place (its
     * bytes fit a word when short) and the others neither strings nor intervals.
     */
    private static boolean cacheable(List<JValue> keys, List<ColumnReader.InPlaceString> places) {
        boolean inPlaceString = false;
        for (int k = 0; k < keys.size(); k++) {
            Kind kind = keys.get(k).kind();
            if (kind == Kind.INTERVAL || kind == Kind.STRING && places.get(k) == null) {
                return false;
            }
            inPlaceString |= places.get(k) != null;
        }
        return inPlaceString && keys.size() <= MAX_REMEMBERED_KEYS;
    }

    /**
     * {@code int group()} with a small cache of groups by key: a direct-mapped cache of {@link
     * #GROUP_CACHE_SLOTS} slots, each holding one combination of keys (a string's NULL flag, length
     * and bytes as one word, another key's NULL flag and bits) and its group. A row whose strings are
     * all at most 7 bytes and whose keys are in their slot takes its group without hashing the strings
     * or comparing them byte by byte; any other row, and a miss, asks {@code find()}, and a miss
     * then takes the slot. Low-cardinality string keys (flags, statuses, modes) hit almost always.
     * The same bits make the same key (a double's -0.0 and 0.0 differ here; the table then finds
     * their one group), and a group index stays valid as the table grows (not across a spill,
     * which happens only between batches).
     */
    private void cacheGroups(List<JValue> keys, List<ColumnReader.InPlaceString> places, String find) {
        String groups = cb.fresh("cachedGroup");
        cb.field("private final int[] " + groups + " = new int[" + GROUP_CACHE_SLOTS + "];");
        cb.batchStartLine("java.util.Arrays.fill(" + groups + ", -1);");
        StringBuilder m = cb.method();
        m.append("    private int group() {\n");
        m.append("        long mixed = 0L;\n");
        List<String> same = new ArrayList<>();
        List<String> store = new ArrayList<>();
        for (int k = 0; k < keys.size(); k++) {
            JValue v = keys.get(k);
            ColumnReader.InPlaceString at = places.get(k);
            String bits = cb.fresh("keyBits");
            String values = cachedSlots("long", "cachedKey");
            same.add(values + "[slot] == " + bits);
            store.add(values + "[slot] = " + bits + ";");
            if (at != null) {
                // A string of up to 7 bytes is one word: its bytes, its length above them, and -1
                // (a top bit no length sets) for NULL. One compare per key, no NULL flag to test.
                m.append("        if (!").append(at.isNull()).append(" && ").append(at.length()).append(" >= MemoryStrings.WORD_BYTES) {\n");
                m.append("            return ").append(find).append("();\n");
                m.append("        }\n");
                m.append("        long ").append(bits).append(" = ").append(at.isNull()).append(" ? -1L : MemoryStrings.shortWord(")
                        .append(at.address()).append(", ").append(at.length()).append(") | (long) ").append(at.length())
                        .append(" << 56;\n");
                m.append("        mixed = (mixed ^ ").append(bits).append(") * 0x9E3779B97F4A7C15L;\n");
            } else {
                String nulls = cachedSlots("boolean", "cachedNull");
                same.add(nulls + "[slot] == " + v.isNull());
                store.add(nulls + "[slot] = " + v.isNull() + ";");
                m.append("        long ").append(bits).append(" = ").append(v.isNull()).append(" ? 0L : ").append(keyBits(v)).append(";\n");
                if (v.kind() == Kind.INT128) {
                    String high = cb.fresh("keyHigh");
                    String highs = cachedSlots("long", "cachedHigh");
                    m.append("        long ").append(high).append(" = ").append(v.isNull()).append(" ? 0L : ").append(v.hi()).append(";\n");
                    same.add(highs + "[slot] == " + high);
                    store.add(highs + "[slot] = " + high + ";");
                    m.append("        mixed = (mixed ^ ").append(high).append(") * 0x9E3779B97F4A7C15L;\n");
                }
                m.append("        mixed = (mixed ^ ").append(bits).append(") * 0x9E3779B97F4A7C15L;\n");
            }
        }
        m.append("        int slot = (int) (mixed >>> ").append(Long.SIZE - Integer.numberOfTrailingZeros(GROUP_CACHE_SLOTS)).append(");\n");
        hitOrFind(m, groups + "[slot]", same, find, store);
    }

    /**
     * The end of {@code group()}: the group in {@code held} when it is set and every term of
     * {@code same} holds, else {@code find()}'s, which the {@code store} statements and {@code held}
     * then keep.
     */
    private static void hitOrFind(StringBuilder m, String held, List<String> same, String find, List<String> store) {
        m.append("        int g = ").append(held).append(";\n");
        m.append("        if (g >= 0");
        for (String term : same) {
            m.append("\n                && ").append(term);
        }
        m.append(") {\n");
        m.append("            return g;\n");
        m.append("        }\n");
        m.append("        g = ").append(find).append("();\n");
        PipelineGenerator.append(m, "        ", store);
        m.append("        ").append(held).append(" = g;\n");
        m.append("        return g;\n");
        m.append("    }\n");
    }

    /** A non-NULL key's bits as a Java long expression: equal bits, the same key. */
    private static String keyBits(JValue v) {
        return switch (v.kind()) {
            case BOOLEAN -> "(" + v.v() + " ? 1L : 0L)";
            case DOUBLE -> "Double.doubleToRawLongBits(" + v.v() + ")";
            default -> v.v();
        };
    }

    /** A field: an array of {@link #GROUP_CACHE_SLOTS} entries of {@code type}, one per cache slot. */
    private String cachedSlots(String type, String prefix) {
        String name = cb.fresh(prefix);
        cb.field("private final " + type + "[] " + name + " = new " + type + "[" + GROUP_CACHE_SLOTS + "];");
        return name;
    }

    /**
     * {@code int group()} remembering the last row's keys and group: a row with the same keys (the
     * same bits: a double's -0.0 and 0.0 count as different here, and the table then finds their
     * one group) takes that group without hashing or probing, else {@code find()} finds it. Rows
     * often come clustered by their keys (lineitem by l_orderkey, a join's output by the probe
     * row), and a group index stays valid as the table grows (not across a spill,
     * which happens only between batches).
     */
    private void rememberLastGroup(List<JValue> keys, String find) {
        String last = cb.fresh("lastGroup");
        cb.field("private int " + last + " = -1;");
        cb.batchStartLine(last + " = -1;");
        List<String> same = new ArrayList<>();
        List<String> remember = new ArrayList<>();
        for (JValue v : keys) {
            String n = cb.fresh("lastNull");
            String value = cb.fresh("lastKey");
            cb.field("private boolean " + n + ";");
            cb.field("private long " + value + ";");
            String bits = keyBits(v);
            String high = "";
            if (v.kind() == Kind.INT128) {
                high = cb.fresh("lastHigh");
                cb.field("private long " + high + ";");
            }
            same.add("(" + n + " == " + v.isNull() + " && (" + n + " || " + value + " == " + bits
                    + (high.isEmpty() ? "" : " && " + high + " == " + v.hi()) + "))");
            remember.add(n + " = " + v.isNull() + ";");
            remember.add(value + " = " + bits + ";");
            if (!high.isEmpty()) {
                remember.add(high + " = " + v.hi() + ";");
            }
        }
        StringBuilder m = cb.method();
        m.append("    private int group() {\n");
        hitOrFind(m, last, same, find, remember);
    }
}
