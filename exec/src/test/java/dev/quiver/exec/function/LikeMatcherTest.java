package dev.quiver.exec.function;

import static dev.quiver.exec.testing.Errors.assertSqlState;
import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Random;
import java.util.regex.Pattern;
import org.apache.arrow.memory.ArrowBuf;
import org.apache.arrow.memory.BufferAllocator;
import org.apache.arrow.memory.RootAllocator;
import org.junit.jupiter.api.Test;

/** LIKE and ILIKE, against a regular-expression translation of the pattern as the reference. */
class LikeMatcherTest {
    private static final int BACKSLASH = '\\';

    static boolean like(String text, String pattern) {
        return like(text, pattern, BACKSLASH, false);
    }

    static boolean like(String text, String pattern, int escape, boolean caseInsensitive) {
        byte[] b = ("xx" + text + "yy").getBytes(StandardCharsets.UTF_8);
        int len = text.getBytes(StandardCharsets.UTF_8).length;
        return LikeMatcher.compile(pattern, escape, caseInsensitive).matches(b, 2, len);
    }

    /** The reference: % is .*, _ is one code point, an escaped character is literal. */
    static boolean reference(String text, String pattern, int escape) {
        StringBuilder regex = new StringBuilder();
        int i = 0;
        while (i < pattern.length()) {
            int cp = pattern.codePointAt(i);
            i += Character.charCount(cp);
            if (escape >= 0 && cp == escape) {
                int next = pattern.codePointAt(i);
                i += Character.charCount(next);
                regex.append(Pattern.quote(new String(Character.toChars(next))));
            } else if (cp == '%') {
                regex.append(".*");
            } else if (cp == '_') {
                regex.append('.');
            } else {
                regex.append(Pattern.quote(new String(Character.toChars(cp))));
            }
        }
        return Pattern.compile(regex.toString(), Pattern.DOTALL).matcher(text).matches();
    }

    @Test
    void wildcards() {
        assertThat(like("abc", "abc")).isTrue();
        assertThat(like("abc", "ab")).isFalse();
        assertThat(like("abc", "a%")).isTrue();
        assertThat(like("abc", "%c")).isTrue();
        assertThat(like("abc", "%b%")).isTrue();
        assertThat(like("abc", "%d%")).isFalse();
        assertThat(like("abc", "a_c")).isTrue();
        assertThat(like("abc", "a__c")).isFalse();
        assertThat(like("abc", "___")).isTrue();
        assertThat(like("abc", "__")).isFalse();
        assertThat(like("abc", "%")).isTrue();
        assertThat(like("", "%")).isTrue();
        assertThat(like("", "")).isTrue();
        assertThat(like("a", "")).isFalse();
        assertThat(like("", "_")).isFalse();
        assertThat(like("abcabc", "%b%b%")).isTrue();
        assertThat(like("abcac", "%b%b%")).isFalse();
        assertThat(like("abc", "a%%%c")).isTrue();
        assertThat(like("ab", "a%b%")).isTrue();
        assertThat(like("a\nb", "a_b")).isTrue();
        assertThat(like("aXbXc", "a%b%c")).isTrue();
        assertThat(like("aXbX", "a%b%c")).isFalse();
    }

    @Test
    void underscoreMatchesOneMultiByteCharacter() {
        assertThat(like("ñ", "_")).isTrue();
        assertThat(like("ñ", "__")).isFalse();
        assertThat(like("€", "_")).isTrue();
        assertThat(like("😀", "_")).isTrue();
        assertThat(like("a😀b", "a_b")).isTrue();
        assertThat(like("a😀€b", "a__b")).isTrue();
        assertThat(like("a😀€b", "a_b")).isFalse();
        assertThat(like("x€y", "%€%")).isTrue();
        assertThat(like("x€y", "%_y")).isTrue();
        assertThat(like("ñ€", "ñ_")).isTrue();
    }

    @Test
    void escapes() {
        assertThat(like("a%c", "a\\%c")).isTrue();
        assertThat(like("abc", "a\\%c")).isFalse();
        assertThat(like("a_c", "a\\_c")).isTrue();
        assertThat(like("abc", "a\\_c")).isFalse();
        assertThat(like("a\\c", "a\\\\c")).isTrue();
        assertThat(like("abc", "a\\bc")).isTrue(); // an escaped ordinary character is itself
        assertThat(like("50%", "%\\%")).isTrue();
        assertThat(like("50", "%\\%")).isFalse();
        assertThat(like("%x", "\\%%")).isTrue();
        assertThat(like("x%", "\\%%")).isFalse();
        // ESCAPE '#'
        assertThat(like("a_b", "a#_b", '#', false)).isTrue();
        assertThat(like("axb", "a#_b", '#', false)).isFalse();
        assertThat(like("a\\xb", "a\\_b", '#', false)).isTrue();
        // ESCAPE '' (none): the backslash is an ordinary character
        int none = LikeMatcher.escapeOf("");
        assertThat(none).isEqualTo(-1);
        assertThat(like("a\\xyz", "a\\%", none, false)).isTrue();
        assertThat(like("a%", "a\\%", none, false)).isFalse();
        assertThat(LikeMatcher.escapeOf("€")).isEqualTo(0x20AC);
        assertThat(like("a_b", "a€_b", 0x20AC, false)).isTrue();
        assertThat(like("axb", "a€_b", 0x20AC, false)).isFalse();
        assertSqlState("22025", () -> LikeMatcher.compile("abc\\", BACKSLASH, false));
        assertSqlState("22025", () -> LikeMatcher.compile("a#", '#', false));
    }

    @Test
    void ilikeIgnoresCase() {
        assertThat(like("ABC", "a%c", BACKSLASH, true)).isTrue();
        assertThat(like("abc", "A_C", BACKSLASH, true)).isTrue();
        assertThat(like("ÑANDÚ", "ñandú", BACKSLASH, true)).isTrue();
        assertThat(like("ñandú", "%NDÚ", BACKSLASH, true)).isTrue();
        assertThat(like("ABC", "a%d", BACKSLASH, true)).isFalse();
        assertThat(like("ABC", "a%c", BACKSLASH, false)).isFalse();
        assertThat(like("A%C", "a\\%c", BACKSLASH, true)).isTrue();
        assertThat(like("ABC", "a\\%c", BACKSLASH, true)).isFalse();
    }

    @Test
    void randomPatternsAgreeWithTheReference() {
        Random random = new Random(41);
        String[] textChars = {"a", "b", "ñ", "€", "😀", "%", "_", "\\"};
        String[] patternChars = {"a", "b", "ñ", "€", "😀", "%", "_", "%", "_", "\\"};
        int matches = 0;
        for (int i = 0; i < 30_000; i++) {
            StringBuilder text = new StringBuilder();
            for (int k = random.nextInt(9); k > 0; k--) {
                text.append(textChars[random.nextInt(textChars.length)]);
            }
            StringBuilder pattern = new StringBuilder();
            for (int k = random.nextInt(7); k > 0; k--) {
                pattern.append(patternChars[random.nextInt(patternChars.length)]);
            }
            String p = pattern.toString();
            boolean danglingEscape = p.endsWith("\\") && (p.length() - p.replaceAll("\\\\+$", "").length()) % 2 == 1;
            if (danglingEscape) {
                continue;
            }
            boolean expected = reference(text.toString(), p, BACKSLASH);
            matches += expected ? 1 : 0;
            assertThat(like(text.toString(), p)).as("'%s' LIKE '%s'", text, p).isEqualTo(expected);
            // Without an escape character the backslash is literal.
            assertThat(like(text.toString(), p, -1, false)).as("'%s' LIKE '%s' ESCAPE ''", text, p)
                    .isEqualTo(reference(text.toString(), p, -1));
        }
        assertThat(matches).isGreaterThan(1000);
    }

    @Test
    void patternsMatchValuesInMemoryAsTheyMatchHeapCopies() {
        Random random = new Random(43);
        String[] textChars = {"a", "b", "c", "ñ", "€", "%", "ab", "abc"};
        String[] patternChars = {"a", "b", "c", "ñ", "%", "%", "ab", "bc", "\\%"};
        int inMemory = 0;
        int matches = 0;
        try (BufferAllocator allocator = new RootAllocator(); ArrowBuf buffer = allocator.buffer(256)) {
            for (int i = 0; i < 30_000; i++) {
                StringBuilder text = new StringBuilder();
                for (int k = random.nextInt(24); k > 0; k--) {
                    text.append(textChars[random.nextInt(textChars.length)]);
                }
                StringBuilder pattern = new StringBuilder();
                for (int k = random.nextInt(6); k > 0; k--) {
                    pattern.append(patternChars[random.nextInt(patternChars.length)]);
                }
                LikeMatcher matcher = LikeMatcher.compile(pattern.toString(), BACKSLASH, false);
                if (!matcher.matchesInMemory()) {
                    continue;
                }
                inMemory++;
                byte[] bytes = text.toString().getBytes(StandardCharsets.UTF_8);
                // The value ends at the buffer's last byte: a read past it would show as a mismatch or a crash.
                long at = buffer.capacity() - bytes.length;
                buffer.setBytes(at, bytes);
                boolean expected = matcher.matches(bytes, 0, bytes.length);
                matches += expected ? 1 : 0;
                assertThat(matcher.matchesMemory(buffer.memoryAddress() + at, bytes.length)).as("'%s' LIKE '%s'", text, pattern)
                        .isEqualTo(expected);
            }
        }
        assertThat(inMemory).isGreaterThan(10_000);
        assertThat(matches).isGreaterThan(1_000);
    }

    @Test
    void onlyCaseSensitivePatternsWithoutUnderscoresMatchInMemory() {
        assertThat(LikeMatcher.compile("%ab%c%", BACKSLASH, false).matchesInMemory()).isTrue();
        assertThat(LikeMatcher.compile("ab%", BACKSLASH, false).matchesInMemory()).isTrue();
        assertThat(LikeMatcher.compile("a_b%", BACKSLASH, false).matchesInMemory()).isFalse();
        assertThat(LikeMatcher.compile("a%b", BACKSLASH, false).matchesInMemory()).isFalse();
        assertThat(LikeMatcher.compile("%ab%", BACKSLASH, true).matchesInMemory()).isFalse();
    }

    @Test
    void pathologicalPatternsFinishFast() {
        String text = "a".repeat(20_000);
        assertTimeoutPreemptively(Duration.ofSeconds(5), () -> {
            assertThat(like(text, "%a%a%a%a%a%a%a%a%a%a%b")).isFalse();
            assertThat(like(text, "%_a%_a%_a%_a%_a%_a%_b")).isFalse();
            assertThat(like(text, "%a_%a_%a_%a_%a_%a_%a_b%")).isFalse();
            assertThat(like(text + "b", "%a%a%a%a%a%a%a%a%a%a%b")).isTrue();
            assertThat(like(text, "%a%a%a%a%a%a%a%a%a%a%")).isTrue();
            assertThat(like(text, "_%_%_%_%_%_%_%_%_%_%_%_%c")).isFalse();
            String ab = "ab".repeat(10_000);
            assertThat(like(ab, "%ab%ab%ab%ab%ab%ab%ac%")).isFalse();
            assertThat(like(ab, "%a_a%b_b%a_a%b_b%a_c")).isFalse();
        });
    }
}
