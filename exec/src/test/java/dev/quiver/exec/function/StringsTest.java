package dev.quiver.exec.function;

import static dev.quiver.exec.testing.Errors.assertSqlState;
import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.util.Random;
import org.junit.jupiter.api.Test;

/** String functions on UTF-8 bytes, with PostgreSQL's semantics; positions count characters. */
class StringsTest {
    /** The input sits at an offset inside a larger array, as it does in a vector's arena. */
    private static final String PAD = "§§";

    private static byte[] padded(String s) {
        return (PAD + s + PAD).getBytes(StandardCharsets.UTF_8);
    }

    private static int off() {
        return PAD.getBytes(StandardCharsets.UTF_8).length;
    }

    private static int len(String s) {
        return s.getBytes(StandardCharsets.UTF_8).length;
    }

    private static String range(byte[] b, long range) {
        return new String(b, Strings.rangeOffset(range), Strings.rangeLength(range), StandardCharsets.UTF_8);
    }

    static String substring(String s, long start, long count) {
        byte[] b = padded(s);
        return range(b, Strings.substring(b, off(), len(s), start, count, true));
    }

    static String substring(String s, long start) {
        byte[] b = padded(s);
        return range(b, Strings.substring(b, off(), len(s), start, 0, false));
    }

    static String left(String s, long n) {
        byte[] b = padded(s);
        return range(b, Strings.left(b, off(), len(s), n));
    }

    static String right(String s, long n) {
        byte[] b = padded(s);
        return range(b, Strings.right(b, off(), len(s), n));
    }

    static String trimSpaces(String s, int which) {
        byte[] b = padded(s);
        return range(b, Strings.trimSpaces(b, off(), len(s), which));
    }

    static String trim(String s, String chars, int which) {
        byte[] b = padded(s);
        byte[] c = padded(chars);
        return range(b, Strings.trim(b, off(), len(s), c, off(), len(chars), which));
    }

    static int position(String needle, String haystack) {
        byte[] n = padded(needle);
        byte[] h = padded(haystack);
        return Strings.position(n, off(), len(needle), h, off(), len(haystack));
    }

    static String replace(String s, String from, String to) {
        Utf8Buffer out = new Utf8Buffer();
        Strings.replace(padded(s), off(), len(s), padded(from), off(), len(from), padded(to), off(), len(to), out);
        return out.toString();
    }

    static String upper(String s) {
        Utf8Buffer out = new Utf8Buffer();
        Strings.upper(padded(s), off(), len(s), out);
        return out.toString();
    }

    static String lower(String s) {
        Utf8Buffer out = new Utf8Buffer();
        Strings.lower(padded(s), off(), len(s), out);
        return out.toString();
    }

    static int compare(String a, String b) {
        return Integer.signum(Strings.compare(padded(a), off(), len(a), padded(b), off(), len(b)));
    }

    @Test
    void substringFollowsPostgresForStartsBeforeOneAndCounts() {
        assertThat(substring("hello", 2, 3)).isEqualTo("ell");
        assertThat(substring("hello", 1, 5)).isEqualTo("hello");
        // Characters [start, start + count) intersected with [1, length].
        assertThat(substring("hello", 0, 3)).isEqualTo("he");
        assertThat(substring("hello", -2, 5)).isEqualTo("he");
        assertThat(substring("hello", -5, 3)).isEqualTo("");
        assertThat(substring("hello", -5, 6)).isEqualTo("");
        assertThat(substring("hello", -5, 7)).isEqualTo("h");
        assertThat(substring("hello", 4, 100)).isEqualTo("lo");
        assertThat(substring("hello", 6, 1)).isEqualTo("");
        assertThat(substring("hello", 2, 0)).isEqualTo("");
        assertThat(substring("hello", 2, Long.MAX_VALUE)).isEqualTo("ello");
        assertThat(substring("hello", Long.MIN_VALUE, Long.MAX_VALUE)).isEqualTo("");
        assertThat(substring("hello", 3)).isEqualTo("llo");
        assertThat(substring("hello", -10)).isEqualTo("hello");
        assertThat(substring("hello", 10)).isEqualTo("");
        assertThat(substring("", 1, 2)).isEqualTo("");
        // Multi-byte characters count once.
        assertThat(substring("añb€c😀d", 2, 3)).isEqualTo("ñb€");
        assertThat(substring("añb€c😀d", 6)).isEqualTo("😀d");
        assertThat(substring("añb€c😀d", 0, 3)).isEqualTo("añ");
        assertSqlState("22011", () -> substring("hello", 2, -1));
        assertSqlState("22011", () -> substring("hello", -2, -1));
    }

    @Test
    void leftAndRightTakeOrDropCharacters() {
        assertThat(left("abcde", 2)).isEqualTo("ab");
        assertThat(left("abcde", 0)).isEqualTo("");
        assertThat(left("abcde", 10)).isEqualTo("abcde");
        assertThat(left("abcde", -2)).isEqualTo("abc");
        assertThat(left("abcde", -5)).isEqualTo("");
        assertThat(left("abcde", -10)).isEqualTo("");
        assertThat(left("abcde", Long.MIN_VALUE)).isEqualTo("");
        assertThat(right("abcde", 2)).isEqualTo("de");
        assertThat(right("abcde", 0)).isEqualTo("");
        assertThat(right("abcde", 10)).isEqualTo("abcde");
        assertThat(right("abcde", -2)).isEqualTo("cde");
        assertThat(right("abcde", -5)).isEqualTo("");
        assertThat(right("abcde", -10)).isEqualTo("");
        assertThat(right("abcde", Long.MIN_VALUE)).isEqualTo("");
        assertThat(left("ñ€x😀", 2)).isEqualTo("ñ€");
        assertThat(left("ñ€x😀", -1)).isEqualTo("ñ€x");
        assertThat(right("ñ€x😀", 2)).isEqualTo("x😀");
        assertThat(right("ñ€x😀", -1)).isEqualTo("€x😀");
        assertThat(left("", 3)).isEqualTo("");
        assertThat(right("", -3)).isEqualTo("");
    }

    @Test
    void trimVariants() {
        assertThat(trimSpaces("  a b  ", 0)).isEqualTo("a b");
        assertThat(trimSpaces("  a b  ", 1)).isEqualTo("a b  ");
        assertThat(trimSpaces("  a b  ", 2)).isEqualTo("  a b");
        assertThat(trimSpaces("    ", 0)).isEqualTo("");
        assertThat(trimSpaces("    ", 1)).isEqualTo("");
        assertThat(trimSpaces("\ta\t", 0)).isEqualTo("\ta\t"); // only spaces by default
        assertThat(trimSpaces("", 0)).isEqualTo("");
        assertThat(trim("xxaxyx", "xy", 0)).isEqualTo("a");
        assertThat(trim("xxaxyx", "xy", 1)).isEqualTo("axyx");
        assertThat(trim("xxaxyx", "xy", 2)).isEqualTo("xxa");
        assertThat(trim("xyxy", "yx", 0)).isEqualTo("");
        assertThat(trim("€€a€ñ", "€ñ", 0)).isEqualTo("a");
        assertThat(trim("€€a€ñ", "€ñ", 1)).isEqualTo("a€ñ");
        assertThat(trim("€€a€ñ", "€", 2)).isEqualTo("€€a€ñ");
        assertThat(trim("😀a😀", "😀", 0)).isEqualTo("a");
        assertThat(trim("abc", "", 0)).isEqualTo("abc");
    }

    @Test
    void positionCountsCharacters() {
        assertThat(position("lo", "hello")).isEqualTo(4);
        assertThat(position("h", "hello")).isEqualTo(1);
        assertThat(position("z", "hello")).isEqualTo(0);
        assertThat(position("", "hello")).isEqualTo(1);
        assertThat(position("", "")).isEqualTo(1);
        assertThat(position("hello!", "hello")).isEqualTo(0);
        assertThat(position("b", "ñ€b")).isEqualTo(3);
        assertThat(position("€b", "ñ€b€b")).isEqualTo(2);
        assertThat(position("😀", "a😀")).isEqualTo(2);
    }

    @Test
    void replaceAllOccurrencesLeftToRight() {
        assertThat(replace("abcabc", "bc", "X")).isEqualTo("aXaX");
        assertThat(replace("aaa", "aa", "b")).isEqualTo("ba");
        assertThat(replace("abc", "", "X")).isEqualTo("abc");
        assertThat(replace("abc", "b", "")).isEqualTo("ac");
        assertThat(replace("abc", "z", "y")).isEqualTo("abc");
        assertThat(replace("ñ€ñ", "ñ", "nn")).isEqualTo("nn€nn");
        assertThat(replace("", "a", "b")).isEqualTo("");
        String longer = "ab".repeat(500);
        assertThat(replace(longer, "b", "ccc")).isEqualTo("accc".repeat(500));
    }

    @Test
    void upperAndLowerHandleNonAscii() {
        assertThat(upper("abc1 z")).isEqualTo("ABC1 Z");
        assertThat(lower("ABC1 Z")).isEqualTo("abc1 z");
        assertThat(upper("ñandú")).isEqualTo("ÑANDÚ");
        assertThat(lower("ÀÉÎÕÜ")).isEqualTo("àéîõü");
        assertThat(upper("σίσυφος")).isEqualTo("ΣΊΣΥΦΟΣ");
        assertThat(lower("ПРИВЕТ")).isEqualTo("привет");
        assertThat(upper("a😀b")).isEqualTo("A😀B");
        assertThat(upper("")).isEqualTo("");
        Utf8Buffer out = new Utf8Buffer();
        Strings.reverse(padded("añ€😀"), off(), len("añ€😀"), out);
        assertThat(out.toString()).isEqualTo("😀€ña");
    }

    @Test
    void lengthCountsCharactersNotBytes() {
        String s = "añ€😀";
        assertThat(len(s)).isEqualTo(10);
        assertThat(Strings.length(padded(s), off(), len(s))).isEqualTo(4);
        assertThat(Strings.length(padded(""), off(), 0)).isZero();
        Random random = new Random(31);
        for (int i = 0; i < 2000; i++) {
            String r = randomString(random, 20);
            assertThat(Strings.length(padded(r), off(), len(r))).isEqualTo(r.codePointCount(0, r.length()));
        }
    }

    @Test
    void compareIsCodePointOrder() {
        assertThat(compare("a", "b")).isNegative();
        assertThat(compare("ab", "abc")).isNegative();
        assertThat(compare("", "a")).isNegative();
        assertThat(compare("abc", "abc")).isZero();
        assertThat(compare("é", "z")).isPositive();
        // U+FFFF is below U+1F600, although Java's UTF-16 String.compareTo says otherwise.
        assertThat("\uFFFF".compareTo("😀")).isPositive();
        assertThat(compare("\uFFFF", "😀")).isNegative();
        Random random = new Random(32);
        for (int i = 0; i < 20_000; i++) {
            // Half the pairs share a prefix of up to 40 characters: the first difference then lies past a
            // word, where comparing goes a word or more at a time.
            String prefix = random.nextBoolean() ? randomString(random, 40) : "";
            String a = prefix + randomString(random, 6);
            String b = random.nextInt(4) == 0 ? a + randomString(random, 2) : prefix + randomString(random, 6);
            assertThat(compare(a, b)).as("%s vs %s", a, b).isEqualTo(codePointCompare(a, b));
            assertThat(Strings.equals(padded(a), off(), len(a), padded(b), off(), len(b))).isEqualTo(a.equals(b));
        }
    }

    @Test
    void equalsComparesEveryByteOfShortAndLongValues() {
        for (int length = 0; length <= 40; length++) {
            byte[] a = new byte[length + 3];
            for (int i = 0; i < length; i++) {
                a[i + 3] = (byte) ('a' + i % 26);
            }
            byte[] b = java.util.Arrays.copyOf(a, a.length + 5);
            assertThat(Strings.equals(a, 3, length, b, 3, length)).isTrue();
            assertThat(Strings.equals(a, 3, length, b, 3, length + 1)).isFalse();
            for (int at = 0; at < length; at++) {
                byte[] c = b.clone();
                c[at + 3] ^= 1;
                assertThat(Strings.equals(a, 3, length, c, 3, length)).as("length %d, differing at %d", length, at).isFalse();
            }
        }
    }

    @Test
    void truncateKeepsWholeCharacters() {
        byte[] b = padded("ñ€x");
        assertThat(range(b, Strings.truncate(b, off(), len("ñ€x"), 2))).isEqualTo("ñ€");
        assertThat(range(b, Strings.truncate(b, off(), len("ñ€x"), 5))).isEqualTo("ñ€x");
        assertThat(Strings.tooLong(3).sqlState()).isEqualTo("22001");
    }

    static int codePointCompare(String a, String b) {
        int[] x = a.codePoints().toArray();
        int[] y = b.codePoints().toArray();
        for (int i = 0; i < Math.min(x.length, y.length); i++) {
            if (x[i] != y[i]) {
                return Integer.signum(Integer.compare(x[i], y[i]));
            }
        }
        return Integer.signum(Integer.compare(x.length, y.length));
    }

    private static final int[] ALPHABET = {'a', 'b', 'z', ' ', 0xE9, 0xF1, 0x20AC, 0xFFFF, 0x1F600, 0x10FFFF, 0x7F, 0x80};

    static String randomString(Random random, int maxChars) {
        StringBuilder s = new StringBuilder();
        int n = random.nextInt(maxChars + 1);
        for (int i = 0; i < n; i++) {
            s.appendCodePoint(ALPHABET[random.nextInt(ALPHABET.length)]);
        }
        return s.toString();
    }

    @Test
    void indexOfFindsTheFirstOccurrenceAsANaiveSearchDoes() {
        // Word-at-a-time search: needles at every alignment, bytes above 0x7f, the byte 0x80 next to
        // a match, haystacks shorter and longer than a word, and searches starting mid-string.
        Random random = new Random(7);
        byte[] alphabet = {'a', 'b', (byte) 0x80, (byte) 0xff, 0, 'c'};
        for (int round = 0; round < 20_000; round++) {
            byte[] h = new byte[random.nextInt(80)];
            byte[] n = new byte[1 + random.nextInt(random.nextBoolean() ? 4 : 12)];
            for (int k = 0; k < h.length; k++) {
                h[k] = alphabet[random.nextInt(alphabet.length)];
            }
            for (int k = 0; k < n.length; k++) {
                n[k] = alphabet[random.nextInt(alphabet.length)];
            }
            int hoff = random.nextInt(3);
            byte[] hay = new byte[h.length + hoff + 2];
            System.arraycopy(h, 0, hay, hoff, h.length);
            int from = h.length == 0 ? 0 : random.nextInt(h.length + 1);
            String hs = new String(h, StandardCharsets.ISO_8859_1);
            String ns = new String(n, StandardCharsets.ISO_8859_1);
            assertThat(Strings.indexOf(hay, hoff, h.length, n, 0, n.length, from)).as("%s in %s from %d", ns, hs, from)
                    .isEqualTo(hs.indexOf(ns, from));
        }
    }
}
