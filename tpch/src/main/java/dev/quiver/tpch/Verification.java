package dev.quiver.tpch;

import static java.util.Objects.requireNonNull;

import java.util.Optional;

/**
 * The outcome of comparing a query's result with its reference answer: whether they match and,
 * if not, what differs first. Rows are rendered in the answer-file format ({@code a|b|c}, NULL
 * empty); a missing or extra row shows as empty on the side that lacks it.
 */
public record Verification(boolean matches, String message, Optional<String> expectedRow, Optional<String> actualRow) {
    public Verification {
        requireNonNull(message, "message");
        requireNonNull(expectedRow, "expectedRow");
        requireNonNull(actualRow, "actualRow");
    }

    static Verification match(int rows) {
        return new Verification(true, rows + " rows match", Optional.empty(), Optional.empty());
    }

    static Verification mismatch(String message, Optional<String> expectedRow, Optional<String> actualRow) {
        return new Verification(false, message, expectedRow, actualRow);
    }
}
