package dev.quiver.planner.explain;

import static java.util.Objects.requireNonNull;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * A JSON value, as EXPLAIN (FORMAT JSON) builds it: immutable, objects keep their members in the
 * order given, and {@link #render()} writes standard JSON (RFC 8259) indented by two spaces per
 * level. Strings are escaped (quote, backslash, control characters and unpaired surrogates), and a
 * number that JSON cannot hold (NaN, infinity) becomes {@code null}. Written by hand so that the
 * planner needs no JSON library.
 */
public sealed interface Json permits Json.JsonObject, Json.JsonArray, Json.JsonString, Json.JsonNumber, Json.JsonBoolean, Json.JsonNull {
    /** JSON's {@code null}. */
    JsonNull NULL = new JsonNull();

    static JsonString string(String value) {
        return new JsonString(value);
    }

    static JsonNumber number(long value) {
        return new JsonNumber(Long.toString(value));
    }

    /** The number, written without a fraction when it is whole; {@code null} when it is NaN or infinite. */
    static Json number(double value) {
        if (!Double.isFinite(value)) {
            return NULL;
        }
        if (value == Math.rint(value) && Math.abs(value) < 1e15) {
            return number((long) value);
        }
        return new JsonNumber(Double.toString(value));
    }

    /** The number rounded to {@code decimals} places (times in milliseconds, costs). */
    static Json number(double value, int decimals) {
        double scale = Math.pow(10, decimals);
        return number(Double.isFinite(value) ? Math.round(value * scale) / scale : value);
    }

    static JsonBoolean bool(boolean value) {
        return value ? JsonBoolean.TRUE : JsonBoolean.FALSE;
    }

    static JsonArray array(List<? extends Json> items) {
        return new JsonArray(List.copyOf(items));
    }

    static JsonObject.Builder object() {
        return new JsonObject.Builder();
    }

    /** The value as JSON text, indented; a document ends without a newline. */
    default String render() {
        StringBuilder s = new StringBuilder();
        write(this, 0, s);
        return s.toString();
    }

    private static void write(Json value, int depth, StringBuilder s) {
        if (value instanceof JsonObject o) {
            List<String> names = o.members().stream().map(JsonObject.Member::name).toList();
            writeAll(names, o.members().stream().map(JsonObject.Member::value).toList(), '{', '}', depth, s);
        } else if (value instanceof JsonArray a) {
            writeAll(List.of(), a.items(), '[', ']', depth, s);
        } else if (value instanceof JsonString t) {
            quote(t.value(), s);
        } else if (value instanceof JsonNumber n) {
            s.append(n.text());
        } else if (value instanceof JsonBoolean b) {
            s.append(b.value());
        } else {
            s.append("null");
        }
    }

    /** An object's members (with their {@code names}) or an array's items (no names), one per line. */
    private static void writeAll(List<String> names, List<Json> values, char open, char close, int depth, StringBuilder s) {
        s.append(open);
        if (values.isEmpty()) {
            s.append(close);
            return;
        }
        for (int i = 0; i < values.size(); i++) {
            s.append(i == 0 ? "\n" : ",\n").append("  ".repeat(depth + 1));
            if (!names.isEmpty()) {
                quote(names.get(i), s);
                s.append(": ");
            }
            write(values.get(i), depth + 1, s);
        }
        s.append('\n').append("  ".repeat(depth)).append(close);
    }

    private static void quote(String text, StringBuilder s) {
        s.append('"');
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            switch (c) {
                case '"' -> s.append("\\\"");
                case '\\' -> s.append("\\\\");
                case '\n' -> s.append("\\n");
                case '\r' -> s.append("\\r");
                case '\t' -> s.append("\\t");
                case '\b' -> s.append("\\b");
                case '\f' -> s.append("\\f");
                default -> {
                    boolean pairedHigh = Character.isHighSurrogate(c) && i + 1 < text.length() && Character.isLowSurrogate(text.charAt(i + 1));
                    boolean pairedLow = Character.isLowSurrogate(c) && i > 0 && Character.isHighSurrogate(text.charAt(i - 1));
                    if (c < 0x20 || (Character.isSurrogate(c) && !pairedHigh && !pairedLow)) {
                        s.append(String.format(Locale.ROOT, "\\u%04x", (int) c));
                    } else {
                        s.append(c);
                    }
                }
            }
        }
        s.append('"');
    }

    /** An object: named members in order; names are unique. */
    record JsonObject(List<Member> members) implements Json {
        public JsonObject {
            members = List.copyOf(members);
            if (members.stream().map(Member::name).distinct().count() != members.size()) {
                throw new IllegalArgumentException("duplicate member names in " + members);
            }
        }

        /** The member's value, if the object has it. */
        public Optional<Json> get(String name) {
            return members.stream().filter(m -> m.name().equals(name)).map(Member::value).findFirst();
        }

        /** One named value of an object. */
        public record Member(String name, Json value) {
            public Member {
                requireNonNull(name, "name");
                requireNonNull(value, "value");
            }
        }

        /** Collects members in order. */
        public static final class Builder {
            private final List<Member> members = new ArrayList<>();

            private Builder() {
            }

            public Builder put(String name, Json value) {
                members.add(new Member(name, value));
                return this;
            }

            public Builder put(String name, String value) {
                return put(name, string(value));
            }

            public Builder put(String name, long value) {
                return put(name, number(value));
            }

            public Builder put(String name, boolean value) {
                return put(name, bool(value));
            }

            public Builder putAll(List<Member> more) {
                members.addAll(more);
                return this;
            }

            public JsonObject build() {
                return new JsonObject(members);
            }
        }
    }

    record JsonArray(List<Json> items) implements Json {
        public JsonArray {
            items = List.copyOf(items);
        }
    }

    record JsonString(String value) implements Json {
        public JsonString {
            requireNonNull(value, "value");
        }
    }

    /** A number as JSON writes it; the text must be a JSON number. */
    record JsonNumber(String text) implements Json {
        private static final Pattern SYNTAX = Pattern.compile("-?(0|[1-9][0-9]*)(\\.[0-9]+)?([eE][+-]?[0-9]+)?");

        public JsonNumber {
            if (!SYNTAX.matcher(text).matches()) {
                throw new IllegalArgumentException("not a JSON number: " + text);
            }
        }
    }

    record JsonBoolean(boolean value) implements Json {
        static final JsonBoolean TRUE = new JsonBoolean(true);
        static final JsonBoolean FALSE = new JsonBoolean(false);
    }

    record JsonNull() implements Json {
    }
}
