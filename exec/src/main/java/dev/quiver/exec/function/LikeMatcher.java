package dev.quiver.exec.function;

import dev.quiver.error.QuiverException;
import dev.quiver.error.SqlState;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * A compiled LIKE pattern over UTF-8 bytes: {@code %} matches any run of characters, {@code _}
 * exactly one character, the escape character (backslash by default, as in PostgreSQL) makes the
 * next character literal. Patterns made of literal pieces and {@code %} only are matched by plain
 * byte searches; {@code _} falls back to a backtracking walk over characters.
 */
public final class LikeMatcher {
    private enum Shape {
        EXACT, PREFIX, SUFFIX, CONTAINS, GENERAL
    }

    private final Shape shape;
    /** Literal pieces between wildcards (for the byte-search shapes). */
    private final byte[][] pieces;
    /** GENERAL: the pattern as tokens: -1 = %, -2 = _, else index into literal bytes. */
    private final byte[] pattern;
    private final boolean[] literal;
    private final boolean caseInsensitive;

    private LikeMatcher(Shape shape, byte[][] pieces, byte[] pattern, boolean[] literal, boolean caseInsensitive) {
        this.shape = shape;
        this.pieces = pieces;
        this.pattern = pattern;
        this.literal = literal;
        this.caseInsensitive = caseInsensitive;
    }

    /** The escape character an ESCAPE string denotes: its only character, or none (-1) for ''. */
    public static int escapeOf(String escape) {
        return escape.isEmpty() ? -1 : escape.codePointAt(0);
    }

    public static LikeMatcher compile(String pattern, int escape, boolean caseInsensitive) {
        String p = caseInsensitive ? pattern.toLowerCase(Locale.ROOT) : pattern;
        // Tokenize: build bytes plus a parallel "is literal" flag so escaped % and _ stay literal.
        List<Byte> bytes = new ArrayList<>();
        List<Boolean> lit = new ArrayList<>();
        boolean hasUnderscore = false;
        int i = 0;
        while (i < p.length()) {
            int cp = p.codePointAt(i);
            i += Character.charCount(cp);
            if (cp == escape && escape >= 0) {
                if (i >= p.length()) {
                    throw new QuiverException(SqlState.INVALID_ESCAPE_SEQUENCE, "LIKE pattern must not end with escape character");
                }
                int next = p.codePointAt(i);
                i += Character.charCount(next);
                addLiteral(bytes, lit, next);
            } else if (cp == '%') {
                if (bytes.isEmpty() || !(bytes.get(bytes.size() - 1) == '%' && !lit.get(lit.size() - 1))) {
                    bytes.add((byte) '%');
                    lit.add(false);
                }
            } else if (cp == '_') {
                bytes.add((byte) '_');
                lit.add(false);
                hasUnderscore = true;
            } else {
                addLiteral(bytes, lit, cp);
            }
        }
        byte[] pat = new byte[bytes.size()];
        boolean[] isLit = new boolean[bytes.size()];
        for (int k = 0; k < pat.length; k++) {
            pat[k] = bytes.get(k);
            isLit[k] = lit.get(k);
        }
        if (!hasUnderscore) {
            List<byte[]> parts = new ArrayList<>();
            List<Integer> wildcards = new ArrayList<>();
            int start = 0;
            for (int k = 0; k <= pat.length; k++) {
                if (k == pat.length || (!isLit[k] && pat[k] == '%')) {
                    byte[] piece = new byte[k - start];
                    System.arraycopy(pat, start, piece, 0, piece.length);
                    parts.add(piece);
                    if (k < pat.length) {
                        wildcards.add(k);
                    }
                    start = k + 1;
                }
            }
            if (wildcards.isEmpty()) {
                return new LikeMatcher(Shape.EXACT, new byte[][] {parts.get(0)}, pat, isLit, caseInsensitive);
            }
            if (wildcards.size() == 1 && parts.get(1).length == 0) {
                return new LikeMatcher(Shape.PREFIX, new byte[][] {parts.get(0)}, pat, isLit, caseInsensitive);
            }
            if (wildcards.size() == 1 && parts.get(0).length == 0) {
                return new LikeMatcher(Shape.SUFFIX, new byte[][] {parts.get(1)}, pat, isLit, caseInsensitive);
            }
            if (parts.get(0).length == 0 && parts.get(parts.size() - 1).length == 0) {
                return new LikeMatcher(Shape.CONTAINS, parts.subList(1, parts.size() - 1).toArray(new byte[0][]), pat, isLit,
                        caseInsensitive);
            }
        }
        return new LikeMatcher(Shape.GENERAL, null, pat, isLit, caseInsensitive);
    }

    private static void addLiteral(List<Byte> bytes, List<Boolean> lit, int cp) {
        for (byte b : new String(Character.toChars(cp)).getBytes(StandardCharsets.UTF_8)) {
            bytes.add(b);
            lit.add(true);
        }
    }

    public boolean matches(byte[] b, int off, int len) {
        if (caseInsensitive) {
            byte[] lower = new String(b, off, len, StandardCharsets.UTF_8).toLowerCase(Locale.ROOT).getBytes(StandardCharsets.UTF_8);
            return matchesExact(lower, 0, lower.length);
        }
        return matchesExact(b, off, len);
    }

    /**
     * Whether {@link #matchesMemory} can test this pattern: a case-sensitive exact, prefix, suffix
     * or contains pattern (the shapes TPC-H and most filters use), on a little-endian platform.
     */
    public boolean matchesInMemory() {
        return !caseInsensitive && shape != Shape.GENERAL && Strings.NATIVE_LITTLE_ENDIAN;
    }

    /**
     * Whether the UTF-8 value of {@code len} bytes at off-heap {@code address} (an Arrow string, read
     * where it lies) matches: the same answer as {@link #matches} on a copy of the bytes. Only for a
     * matcher whose {@link #matchesInMemory} is true.
     */
    public boolean matchesMemory(long address, int len) {
        switch (shape) {
            case EXACT:
                return len == pieces[0].length && Strings.equalsMemory(address, pieces[0], 0, len);
            case PREFIX:
                return len >= pieces[0].length && Strings.equalsMemory(address, pieces[0], 0, pieces[0].length);
            case SUFFIX: {
                int n = pieces[0].length;
                return len >= n && Strings.equalsMemory(address + len - n, pieces[0], 0, n);
            }
            case CONTAINS: {
                int from = 0;
                for (byte[] piece : pieces) {
                    int at = Strings.indexOfMemory(address, len, piece, from);
                    if (at < 0) {
                        return false;
                    }
                    from = at + piece.length;
                }
                return true;
            }
            default:
                throw new IllegalStateException("pattern " + new String(pattern, StandardCharsets.UTF_8) + " is not matched in memory");
        }
    }

    private boolean matchesExact(byte[] b, int off, int len) {
        switch (shape) {
            case EXACT:
                return Strings.equals(b, off, len, pieces[0], 0, pieces[0].length);
            case PREFIX:
                return len >= pieces[0].length && Strings.equals(b, off, pieces[0].length, pieces[0], 0, pieces[0].length);
            case SUFFIX: {
                int n = pieces[0].length;
                return len >= n && Strings.equals(b, off + len - n, n, pieces[0], 0, n);
            }
            case CONTAINS: {
                int from = 0;
                for (byte[] piece : pieces) {
                    int at = Strings.indexOf(b, off, len, piece, 0, piece.length, from);
                    if (at < 0) {
                        return false;
                    }
                    from = at + piece.length;
                }
                return true;
            }
            default:
                return general(b, off, off + len, 0) == MATCH;
        }
    }

    private static final int NO_MATCH = 0;
    private static final int MATCH = 1;
    /** The text ran out: no later start for an enclosing % can match either (PostgreSQL's LIKE_ABORT). */
    private static final int ABORT = -1;

    /**
     * Backtracking match of pattern[p..] against b[s, end). Returning ABORT when the text runs out
     * keeps a pattern with several % linear instead of O(n^k), as PostgreSQL's MatchText does.
     */
    private int general(byte[] b, int s, int end, int p) {
        while (p < pattern.length) {
            if (!literal[p] && pattern[p] == '%') {
                if (p == pattern.length - 1) {
                    return MATCH;
                }
                // What follows a % is never another % and needs at least one character.
                for (int t = s; t < end; t++) {
                    if ((b[t] & 0xC0) != 0x80) {
                        int r = general(b, t, end, p + 1);
                        if (r != NO_MATCH) {
                            return r;
                        }
                    }
                }
                return ABORT;
            }
            if (s >= end) {
                return ABORT;
            }
            if (!literal[p] && pattern[p] == '_') {
                s++;
                while (s < end && (b[s] & 0xC0) == 0x80) {
                    s++;
                }
                p++;
                continue;
            }
            if (b[s] != pattern[p]) {
                return NO_MATCH;
            }
            s++;
            p++;
        }
        return s == end ? MATCH : NO_MATCH;
    }
}
