package dev.quiver.fuzz;

import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A lenient SQL tokenizer for the mutation fuzzer: splits text into words, numbers, string
 * literals, quoted identifiers, operators and single other characters, dropping whitespace and
 * comments. It never fails: anything it does not recognize is a one-character token.
 */
final class SqlTokens {
    private static final Pattern TOKEN = Pattern.compile(String.join("|",
            "(?<space>\\s+|--[^\\n]*)",
            "(?<string>'(?:[^']|'')*'?)",
            "(?<quoted>\"(?:[^\"]|\"\")*\"?)",
            "(?<number>(?:\\d+\\.?\\d*|\\.\\d+)(?:[eE][+-]?\\d+)?)",
            "(?<word>[A-Za-z_][A-Za-z_0-9$]*)",
            "(?<operator>::|<=|>=|<>|!=|\\|\\||=>)",
            "(?<other>.)"), Pattern.DOTALL);

    /** What a token is. */
    enum Kind { WORD, NUMBER, STRING, QUOTED, OPERATOR, OTHER }

    /** One token and its kind. */
    record Token(String text, Kind kind) {
        boolean isLiteral() {
            return kind == Kind.NUMBER || kind == Kind.STRING;
        }
    }

    private SqlTokens() {
    }

    static List<Token> tokenize(String sql) {
        List<Token> tokens = new ArrayList<>();
        Matcher m = TOKEN.matcher(sql);
        while (m.find()) {
            if (m.group("space") != null) {
                continue;
            }
            Kind kind = m.group("string") != null ? Kind.STRING : m.group("quoted") != null ? Kind.QUOTED
                    : m.group("number") != null ? Kind.NUMBER : m.group("word") != null ? Kind.WORD
                    : m.group("operator") != null ? Kind.OPERATOR : Kind.OTHER;
            tokens.add(new Token(m.group(), kind));
        }
        return tokens;
    }

    /** The tokens as SQL text, separated by single spaces. */
    static String join(List<Token> tokens) {
        StringBuilder s = new StringBuilder();
        for (Token t : tokens) {
            if (s.length() > 0) {
                s.append(' ');
            }
            s.append(t.text());
        }
        return s.toString();
    }
}
