package dev.quiver.cli;

import java.util.Locale;
import java.util.Optional;

/** How query results are printed: aligned table (for people), CSV or JSON (for programs). */
public enum OutputFormat {
    TABLE,
    CSV,
    JSON;

    /** The format with this name (case-insensitive), if any. */
    public static Optional<OutputFormat> parse(String name) {
        for (OutputFormat f : values()) {
            if (f.name().equalsIgnoreCase(name.trim())) {
                return Optional.of(f);
            }
        }
        return Optional.empty();
    }

    /** The name as typed on the command line. */
    public String label() {
        return name().toLowerCase(Locale.ROOT);
    }
}
