package dev.quiver.tpch;

import static java.util.Objects.requireNonNull;

import dev.quiver.error.QuiverException;
import dev.quiver.error.SqlState;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.List;
import java.util.Optional;

/**
 * A reference answer to a TPC-H query: column names and rows of text. The file format is one
 * header line, then one line per row, fields separated by {@code |}, an empty field meaning NULL
 * (so a row of one empty field is a single NULL). TPC-H text never contains {@code |}.
 *
 * <p>The answers for SF 0.01, 0.1 and 1 ship on the class path under
 * {@code dev/quiver/tpch/answers/sf<SF>/qNN.csv}.
 */
public record ExpectedResult(List<String> columnNames, List<List<String>> rows) {
    private static final String RESOURCE_DIRECTORY = "/dev/quiver/tpch/answers/";

    public ExpectedResult {
        columnNames = List.copyOf(columnNames);
        List<List<String>> copy = new ArrayList<>(rows.size());
        for (List<String> row : rows) {
            // Rows hold nulls for NULL, so List.copyOf cannot be used.
            copy.add(Collections.unmodifiableList(new ArrayList<>(row)));
        }
        rows = Collections.unmodifiableList(copy);
    }

    /** Parses an answer file's text. */
    public static ExpectedResult parse(String text) {
        requireNonNull(text, "text");
        List<String> lines = new ArrayList<>(Arrays.asList(text.replace("\r\n", "\n").split("\n", -1)));
        if (!lines.isEmpty() && lines.get(lines.size() - 1).isEmpty()) {
            lines.remove(lines.size() - 1);
        }
        if (lines.isEmpty()) {
            throw new QuiverException(SqlState.INVALID_PARAMETER_VALUE, "answer file is empty; it needs at least a header line");
        }
        List<String> header = List.of(lines.get(0).split("\\|", -1));
        List<List<String>> rows = new ArrayList<>();
        for (int i = 1; i < lines.size(); i++) {
            String[] fields = lines.get(i).split("\\|", -1);
            if (fields.length != header.size()) {
                throw new QuiverException(SqlState.INVALID_PARAMETER_VALUE, "answer line " + (i + 1) + " has " + fields.length
                        + " fields but the header has " + header.size());
            }
            List<String> row = new ArrayList<>(fields.length);
            for (String field : fields) {
                row.add(field.isEmpty() ? null : field);
            }
            rows.add(row);
        }
        return new ExpectedResult(header, rows);
    }

    /** The shipped answer to query {@code query} at {@code scaleFactor}, if answers for that scale factor ship. */
    public static Optional<ExpectedResult> forQuery(double scaleFactor, int query) {
        TpchQueries.checkNumber(query);
        String resource = RESOURCE_DIRECTORY + "sf" + TpchDataGenerator.formatScaleFactor(scaleFactor) + "/" + fileName(query);
        try (InputStream in = ExpectedResult.class.getResourceAsStream(resource)) {
            if (in == null) {
                return Optional.empty();
            }
            return Optional.of(parse(new String(in.readAllBytes(), StandardCharsets.UTF_8)));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The answer to query {@code query} in {@code directory} (files named {@code qNN.csv}), if present. */
    public static Optional<ExpectedResult> forQuery(Path directory, int query) {
        TpchQueries.checkNumber(query);
        Path file = directory.resolve(fileName(query));
        if (!Files.isRegularFile(file)) {
            return Optional.empty();
        }
        try {
            return Optional.of(parse(Files.readString(file, StandardCharsets.UTF_8)));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static String fileName(int query) {
        return String.format("q%02d.csv", query);
    }
}
