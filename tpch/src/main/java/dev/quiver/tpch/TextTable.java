package dev.quiver.tpch;

import java.io.PrintStream;
import java.util.List;
import java.util.Locale;

/**
 * Prints the runner's tables: a header, a rule of dashes, one line per row, columns separated by
 * {@code " | "} and padded to their widest cell; chosen columns (numbers) are aligned right. The
 * last column is not padded, so lines carry no trailing blanks.
 */
final class TextTable {
    private TextTable() {
    }

    /** Prints {@code rows} under {@code header}; {@code right[c]} aligns column {@code c} right. */
    static void print(String[] header, boolean[] right, List<String[]> rows, PrintStream out) {
        if (right.length != header.length) {
            throw new IllegalArgumentException("one alignment per column: " + header.length + " columns, " + right.length + " alignments");
        }
        int[] width = new int[header.length];
        for (int c = 0; c < header.length; c++) {
            width[c] = header[c].length();
            for (String[] row : rows) {
                width[c] = Math.max(width[c], row[c].length());
            }
        }
        out.println(line(header, width, new boolean[header.length]));
        StringBuilder rule = new StringBuilder();
        for (int c = 0; c < header.length; c++) {
            rule.append(c == 0 ? "" : "-+-").append("-".repeat(width[c]));
        }
        out.println(rule);
        for (String[] row : rows) {
            out.println(line(row, width, right));
        }
    }

    /** Milliseconds with one decimal, or empty for NaN (a query that did not run). */
    static String millis(double ms) {
        return Double.isNaN(ms) ? "" : String.format(Locale.ROOT, "%.1f", ms);
    }

    private static String line(String[] cells, int[] width, boolean[] right) {
        StringBuilder s = new StringBuilder();
        for (int c = 0; c < cells.length; c++) {
            if (c > 0) {
                s.append(" | ");
            }
            String pad = " ".repeat(width[c] - cells[c].length());
            s.append(right[c] ? pad + cells[c] : c == cells.length - 1 ? cells[c] : cells[c] + pad);
        }
        return s.toString();
    }
}
