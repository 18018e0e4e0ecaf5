package dev.quiver.sqllogic;

import dev.quiver.sqllogic.SqlLogicRecord.SortMode;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Parses the sqllogictest format (as SQLite and DuckDB use it). Records are separated by blank
 * lines; {@code #} starts a comment line; {@code skipif X} / {@code onlyif X} lines before a record
 * condition it on the database name ({@link #IDENTITIES} are ours); {@code halt} ends the file.
 *
 * <p>Expected query results follow {@code ----}. They are either one value per line (the classic
 * form) or one row per line, values separated by tabs (DuckDB's form) or, when no value holds a
 * space, by runs of spaces. A record is read as rows when every line splits into exactly as many
 * values as the query has columns; otherwise as one value per line. {@code N values hashing to H}
 * gives a count and the MD5 of the values instead.
 *
 * <p>{@code statement error [fragment]} expects a failure whose message contains the fragment; a
 * fragment starting with a bracketed SQLSTATE ({@code statement error [22012] division by zero})
 * must match the SQLSTATE too. DuckDB's form, the expected message after {@code ----}, works as well.
 *
 * <p>In the {@link SqlLogicDialect#SQLITE} dialect (the public corpus) every expected line is one
 * value, whatever it holds, as SQLite's runner reads it.
 */
public final class SqlLogicParser {
    /** The names {@code skipif}/{@code onlyif} match: Quiver follows PostgreSQL's semantics. */
    public static final Set<String> IDENTITIES = Set.of("quiver", "postgresql");

    private static final Pattern HASH = Pattern.compile("^(\\d+) values hashing to ([0-9a-fA-F]{32})$");
    private static final Pattern TYPES = Pattern.compile("^[ITR]+$");

    private final String file;
    private final SqlLogicDialect dialect;
    private final List<String> lines;
    private int at; // index of the next line to read
    private int skipped; // records skipped by a skipif/onlyif condition

    private SqlLogicParser(String file, String text, SqlLogicDialect dialect) {
        this.file = file;
        this.dialect = dialect;
        this.lines = List.of(text.replace("\r\n", "\n").split("\n", -1));
    }

    /** Parses a whole file of Quiver's own suite; {@code file} names it in error messages. */
    public static List<SqlLogicRecord> parse(String file, String text) {
        return parse(file, text, SqlLogicDialect.QUIVER).records();
    }

    /** Parses a whole file in the given dialect; {@code file} names it in error messages. */
    public static SqlLogicScript parse(String file, String text, SqlLogicDialect dialect) {
        SqlLogicParser parser = new SqlLogicParser(file, text, dialect);
        List<SqlLogicRecord> records = parser.records();
        return new SqlLogicScript(file, dialect, records, parser.skipped);
    }

    private List<SqlLogicRecord> records() {
        List<SqlLogicRecord> records = new ArrayList<>();
        while (at < lines.size()) {
            String line = lines.get(at);
            String trimmed = line.strip();
            if (trimmed.isEmpty() || trimmed.startsWith("#")) {
                at++;
                continue;
            }
            boolean skip = false;
            // Conditions apply to the record that follows them.
            while (trimmed.startsWith("skipif ") || trimmed.startsWith("onlyif ")) {
                String[] parts = trimmed.split("\\s+");
                String db = parts.length > 1 ? parts[1].toLowerCase(Locale.ROOT) : "";
                boolean ours = IDENTITIES.contains(db);
                if (parts[0].equals("skipif") ? ours : !ours) {
                    skip = true;
                }
                at++;
                if (at >= lines.size()) {
                    throw error(at, "condition at end of file without a record");
                }
                trimmed = lines.get(at).strip();
            }
            int headerLine = at + 1;
            String[] words = trimmed.split("\\s+");
            switch (words[0]) {
                case "halt":
                    if (!skip) {
                        return records;
                    }
                    at++;
                    break;
                case "hash-threshold":
                    if (words.length != 2 || !words[1].matches("\\d+")) {
                        throw error(headerLine, "expected hash-threshold <N>");
                    }
                    at++;
                    if (!skip) {
                        records.add(new SqlLogicRecord.HashThreshold(headerLine, Integer.parseInt(words[1])));
                    }
                    break;
                case "statement": {
                    SqlLogicRecord r = statement(trimmed, headerLine);
                    if (skip) {
                        skipped++;
                    } else {
                        records.add(r);
                    }
                    break;
                }
                case "query": {
                    SqlLogicRecord r = query(words, headerLine);
                    if (skip) {
                        skipped++;
                    } else {
                        records.add(r);
                    }
                    break;
                }
                case "require":
                case "mode":
                case "load":
                    // DuckDB runner directives without meaning here: skip the line.
                    at++;
                    break;
                default:
                    throw error(headerLine, "unknown record \"" + trimmed + "\"");
            }
        }
        return records;
    }

    private SqlLogicRecord statement(String header, int headerLine) {
        String rest = header.substring("statement".length()).strip();
        boolean expectError;
        Optional<String> fragment = Optional.empty();
        if (rest.equals("ok")) {
            expectError = false;
        } else if (rest.equals("error") || rest.startsWith("error ")) {
            expectError = true;
            String f = rest.substring("error".length()).strip();
            if (!f.isEmpty()) {
                fragment = Optional.of(f);
            }
        } else {
            throw error(headerLine, "expected \"statement ok\" or \"statement error [message]\"");
        }
        at++;
        String sql = sqlLines(headerLine);
        if (at < lines.size() && lines.get(at).strip().equals("----")) {
            // DuckDB style: the expected message follows ----, up to a blank line.
            if (!expectError) {
                throw error(at + 1, "\"----\" after \"statement ok\"");
            }
            at++;
            List<String> message = new ArrayList<>();
            while (at < lines.size() && !lines.get(at).strip().isEmpty()) {
                message.add(lines.get(at));
                at++;
            }
            if (!message.isEmpty()) {
                fragment = Optional.of(String.join("\n", message));
            }
        }
        return new SqlLogicRecord.Statement(headerLine, sql, expectError, fragment);
    }

    private SqlLogicRecord query(String[] words, int headerLine) {
        if (words.length < 2 || !TYPES.matcher(words[1]).matches()) {
            throw error(headerLine, "expected \"query <types>\" with type letters I, T, R");
        }
        String types = words[1];
        SortMode sort = SortMode.NOSORT;
        Optional<String> label = Optional.empty();
        for (int i = 2; i < words.length; i++) {
            switch (words[i]) {
                case "nosort" -> sort = SortMode.NOSORT;
                case "rowsort" -> sort = SortMode.ROWSORT;
                case "valuesort" -> sort = SortMode.VALUESORT;
                default -> {
                    if (label.isPresent()) {
                        throw error(headerLine, "unexpected \"" + words[i] + "\" in query header");
                    }
                    label = Optional.of(words[i]);
                }
            }
        }
        at++;
        String sql = sqlLines(headerLine);
        if (at >= lines.size() || !lines.get(at).strip().equals("----")) {
            if (dialect == SqlLogicDialect.SQLITE) {
                // The corpus omits "----" before an empty result once (the last record of
                // index/commute/10/slt_good_10.test, whose label's other queries return no rows).
                return new SqlLogicRecord.Query(headerLine, sql, types, sort, label, Optional.of(List.of()), 0, Optional.empty(), at + 1);
            }
            throw error(at + 1, "expected \"----\" after the query's SQL");
        }
        at++;
        int resultLine = at + 1;
        List<String> resultLines = new ArrayList<>();
        while (at < lines.size() && !lines.get(at).isBlank()) {
            resultLines.add(lines.get(at));
            at++;
        }
        if (resultLines.size() == 1) {
            Matcher m = HASH.matcher(resultLines.get(0).strip());
            if (m.matches()) {
                return new SqlLogicRecord.Query(headerLine, sql, types, sort, label, Optional.empty(),
                        Integer.parseInt(m.group(1)), Optional.of(m.group(2).toLowerCase(Locale.ROOT)), resultLine);
            }
        }
        List<String> values = values(resultLines, types.length(), resultLine);
        return new SqlLogicRecord.Query(headerLine, sql, types, sort, label, Optional.of(values), values.size(),
                Optional.empty(), resultLine);
    }

    /** Flattens the expected lines into values, reading them as rows or as one value per line. */
    private List<String> values(List<String> resultLines, int columns, int firstLine) {
        if (!dialect.rowsPerLine()) {
            return List.copyOf(resultLines); // a count that does not fill rows is a wrong result, found when run
        }
        List<String> values = new ArrayList<>();
        if (columns == 1) {
            for (int i = 0; i < resultLines.size(); i++) {
                if (resultLines.get(i).indexOf('\t') >= 0) {
                    throw error(firstLine + i, "a tab in the result of a one-column query (one type letter)");
                }
            }
            values.addAll(resultLines);
            return values;
        }
        List<String[]> rows = new ArrayList<>();
        boolean asRows = true;
        for (String l : resultLines) {
            String[] fields = l.indexOf('\t') >= 0 ? l.split("\t", -1) : l.strip().split(" +");
            if (fields.length != columns) {
                asRows = false;
                break;
            }
            rows.add(fields);
        }
        if (asRows) {
            rows.forEach(r -> values.addAll(List.of(r)));
            return values;
        }
        for (int i = 0; i < resultLines.size(); i++) {
            if (resultLines.get(i).indexOf('\t') >= 0) {
                throw error(firstLine + i, "a tab-separated row must have " + columns + " values (one per type letter)");
            }
        }
        if (resultLines.size() % columns != 0) {
            throw error(firstLine, resultLines.size() + " expected values do not fill rows of " + columns + " columns");
        }
        values.addAll(resultLines);
        return values;
    }

    /** Reads SQL lines up to a blank line or {@code ----}. */
    private String sqlLines(int headerLine) {
        List<String> sql = new ArrayList<>();
        while (at < lines.size() && !lines.get(at).isBlank() && !lines.get(at).strip().equals("----")) {
            sql.add(lines.get(at));
            at++;
        }
        if (sql.isEmpty()) {
            throw error(headerLine, "record has no SQL");
        }
        return String.join("\n", sql);
    }

    private IllegalArgumentException error(int line, String message) {
        return new IllegalArgumentException(file + ":" + line + ": " + message);
    }
}
