package dev.quiver.cli;

import static java.util.Objects.requireNonNull;

import dev.quiver.Result;
import dev.quiver.Row;
import dev.quiver.planner.explain.Json;
import dev.quiver.planner.type.DataType;
import java.io.PrintStream;
import java.util.ArrayList;
import java.util.List;

/**
 * Prints a statement's result in one {@link OutputFormat}. A query prints its rows; in table
 * format any other statement prints its status (e.g. {@code CREATE TABLE}, {@code INSERT 0 5}),
 * while CSV and JSON print nothing for it, so their output stays machine-readable.
 *
 * <ul>
 *   <li>table: a header, a rule, one line per row, columns aligned, numbers right-aligned,
 *       NULL shown as {@code NULL}, and a row count;</li>
 *   <li>csv: RFC 4180, a header line, NULL as an empty field;</li>
 *   <li>json: an array of objects, one per row, numbers as JSON numbers, NULL as null.</li>
 * </ul>
 */
public final class ResultPrinter {
    static final String NULL_TEXT = "NULL";

    private ResultPrinter() {
    }

    /** Prints {@code result} to {@code out} in {@code format}. */
    public static void print(Result result, OutputFormat format, PrintStream out) {
        requireNonNull(result, "result");
        requireNonNull(format, "format");
        requireNonNull(out, "out");
        if (!result.hasRows()) {
            if (format == OutputFormat.TABLE) {
                out.println(result.status());
            }
            return;
        }
        List<String> names = result.columnNames();
        List<Row> rows = result.rows();
        switch (format) {
            case TABLE -> printTable(names, numericColumns(result.columnTypes()), rows, out);
            case CSV -> printCsv(names, rows, out);
            case JSON -> printJson(names, rows, out);
            default -> throw new IllegalStateException("format " + format);
        }
        out.flush();
    }

    private static boolean[] numericColumns(List<DataType> types) {
        boolean[] numeric = new boolean[types.size()];
        for (int c = 0; c < numeric.length; c++) {
            numeric[c] = types.get(c).isNumeric() && !types.get(c).isUnknown();
        }
        return numeric;
    }

    static void printTable(List<String> names, boolean[] numeric, List<Row> rows, PrintStream out) {
        int columns = names.size();
        List<String[]> cells = new ArrayList<>(rows.size());
        int[] width = new int[columns];
        for (int c = 0; c < columns; c++) {
            width[c] = names.get(c).length();
        }
        for (Row row : rows) {
            String[] line = new String[columns];
            for (int c = 0; c < columns; c++) {
                Object v = row.get(c);
                line[c] = v == null ? NULL_TEXT : Values.text(v);
                width[c] = Math.max(width[c], line[c].length());
            }
            cells.add(line);
        }
        out.println(line(names.toArray(new String[0]), width, numeric));
        StringBuilder rule = new StringBuilder();
        for (int c = 0; c < columns; c++) {
            rule.append(c == 0 ? "-" : "-+-").append("-".repeat(width[c]));
        }
        out.println(rule.append('-'));
        for (String[] line : cells) {
            out.println(line(line, width, numeric));
        }
        out.println("(" + rows.size() + (rows.size() == 1 ? " row)" : " rows)"));
    }

    private static String line(String[] cells, int[] width, boolean[] rightAligned) {
        StringBuilder s = new StringBuilder(" ");
        for (int c = 0; c < cells.length; c++) {
            if (c > 0) {
                s.append(" | ");
            }
            String pad = " ".repeat(width[c] - cells[c].length());
            if (rightAligned[c]) {
                s.append(pad).append(cells[c]);
            } else {
                s.append(cells[c]).append(pad);
            }
        }
        // No trailing blanks after the last column.
        int end = s.length();
        while (end > 0 && s.charAt(end - 1) == ' ') {
            end--;
        }
        return s.substring(0, end);
    }

    static void printCsv(List<String> names, List<Row> rows, PrintStream out) {
        StringBuilder s = new StringBuilder();
        for (int c = 0; c < names.size(); c++) {
            s.append(c == 0 ? "" : ",").append(csvField(names.get(c)));
        }
        out.print(s.append("\r\n"));
        for (Row row : rows) {
            s.setLength(0);
            for (int c = 0; c < row.size(); c++) {
                Object v = row.get(c);
                s.append(c == 0 ? "" : ",").append(v == null ? "" : csvField(Values.text(v)));
            }
            out.print(s.append("\r\n"));
        }
    }

    private static String csvField(String text) {
        boolean quote = text.isEmpty() || text.indexOf(',') >= 0 || text.indexOf('"') >= 0 || text.indexOf('\n') >= 0
                || text.indexOf('\r') >= 0;
        // An empty string is quoted so that it differs from NULL (an empty field).
        return quote ? "\"" + text.replace("\"", "\"\"") + "\"" : text;
    }

    static void printJson(List<String> names, List<Row> rows, PrintStream out) {
        StringBuilder s = new StringBuilder("[");
        for (int r = 0; r < rows.size(); r++) {
            s.append(r == 0 ? "\n  {" : ",\n  {");
            Row row = rows.get(r);
            for (int c = 0; c < names.size(); c++) {
                if (c > 0) {
                    s.append(", ");
                }
                jsonString(names.get(c), s);
                s.append(": ");
                Object v = row.get(c);
                if (v == null) {
                    s.append("null");
                } else if (v instanceof Boolean) {
                    s.append(v);
                } else if (Values.isJsonNumber(v)) {
                    s.append(Values.text(v));
                } else {
                    jsonString(Values.text(v), s);
                }
            }
            s.append('}');
        }
        out.println(s.append(rows.isEmpty() ? "]" : "\n]"));
    }

    private static void jsonString(String text, StringBuilder s) {
        s.append(Json.string(text).render());
    }
}
