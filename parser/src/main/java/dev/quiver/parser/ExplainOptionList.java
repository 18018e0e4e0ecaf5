package dev.quiver.parser;

import static java.util.Objects.requireNonNull;

import dev.quiver.error.SqlState;
import dev.quiver.parser.ast.ExplainFormat;
import dev.quiver.parser.ast.Identifier;
import java.util.HashSet;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;

/**
 * Reads the option list of {@code EXPLAIN (option [, ...]) statement}, as PostgreSQL spells it:
 * {@code ANALYZE [boolean]}, {@code FORMAT {TEXT | JSON}} and {@code RULES [boolean]}, where a
 * boolean is TRUE, FALSE, ON or OFF and an omitted one means TRUE. An unknown option or one given
 * twice is a syntax error (42601), a value the option does not take is 22023; each points at the
 * offending word.
 */
final class ExplainOptionList {
    /** A value as written: its text (a string literal without its quotes) and where it starts. */
    record Value(String text, int offset) {
        Value {
            requireNonNull(text, "text");
        }
    }

    private static final Set<String> OPTIONS = Set.of("analyze", "format", "rules");

    private final SourceText source;
    private final Set<String> seen = new HashSet<>();
    private boolean analyze;
    private ExplainFormat format = ExplainFormat.TEXT;
    private boolean rules;

    ExplainOptionList(SourceText source) {
        this.source = requireNonNull(source, "source");
    }

    /** Adds one option; {@code nameOffset} is where its name starts. */
    void add(Identifier name, int nameOffset, Optional<Value> value) {
        // Unquoted names are folded to lower case, so this matches them in any case (and "analyze" quoted).
        if (!OPTIONS.contains(name.value())) {
            throw source.syntaxError("unrecognized EXPLAIN option " + name.display()
                    + "; the options are ANALYZE, FORMAT and RULES", nameOffset);
        }
        String option = name.value().toUpperCase(Locale.ROOT);
        if (!seen.add(option)) {
            throw source.syntaxError("EXPLAIN option " + option + " is given more than once", nameOffset);
        }
        switch (option) {
            case "ANALYZE" -> analyze = bool(option, value);
            case "RULES" -> rules = bool(option, value);
            default -> format = format(value.orElseThrow(() ->
                    source.syntaxError("EXPLAIN option FORMAT needs a value: TEXT or JSON", nameOffset)));
        }
    }

    boolean analyze() {
        return analyze;
    }

    ExplainFormat format() {
        return format;
    }

    boolean rules() {
        return rules;
    }

    private boolean bool(String option, Optional<Value> value) {
        if (value.isEmpty()) {
            return true;
        }
        return switch (value.get().text().toUpperCase(Locale.ROOT)) {
            case "TRUE", "ON" -> true;
            case "FALSE", "OFF" -> false;
            default -> throw badValue(option, value.get(), "TRUE, FALSE, ON or OFF (or nothing, meaning TRUE)");
        };
    }

    private ExplainFormat format(Value value) {
        return switch (value.text().toUpperCase(Locale.ROOT)) {
            case "TEXT" -> ExplainFormat.TEXT;
            case "JSON" -> ExplainFormat.JSON;
            default -> throw badValue("FORMAT", value, "TEXT or JSON");
        };
    }

    private SqlSyntaxException badValue(String option, Value value, String expected) {
        return source.error(SqlState.INVALID_PARAMETER_VALUE, "invalid value for EXPLAIN option " + option + ": \""
                + value.text() + "\"; expected " + expected, value.offset(), null);
    }
}
