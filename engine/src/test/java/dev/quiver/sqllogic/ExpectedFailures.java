package dev.quiver.sqllogic;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;

/**
 * The records of one corpus file that are known to fail today, each with its reason, read from the
 * test resource {@code sqllogic-corpus/<path below test/ without .test>.failures}: one record a line,
 * {@code <line of the record's header> <reason>}; {@code #} starts a comment. A missing list means
 * every record must pass.
 */
public record ExpectedFailures(String resource, Map<Integer, String> reasons) {
    /** Folder of the lists on the test class path. */
    public static final String FOLDER = "sqllogic-corpus";

    public ExpectedFailures {
        reasons = Map.copyOf(reasons);
    }

    /** The resource name of a corpus file's list, e.g. {@code sqllogic-corpus/evidence/in1.failures}. */
    public static String resourceFor(String corpusFile) {
        String below = corpusFile.startsWith(SqliteCorpus.TOP + "/") ? corpusFile.substring(SqliteCorpus.TOP.length() + 1) : corpusFile;
        return FOLDER + "/" + (below.endsWith(".test") ? below.substring(0, below.length() - ".test".length()) : below) + ".failures";
    }

    /** The list of a corpus file (empty if it has none); malformed lines are an error naming the line. */
    public static ExpectedFailures load(String corpusFile) {
        String resource = resourceFor(corpusFile);
        try (InputStream in = ExpectedFailures.class.getClassLoader().getResourceAsStream(resource)) {
            return in == null ? new ExpectedFailures(resource, Map.of())
                    : parse(resource, new String(in.readAllBytes(), StandardCharsets.UTF_8));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static ExpectedFailures parse(String resource, String text) {
        Map<Integer, String> reasons = new TreeMap<>();
        String[] lines = text.split("\n", -1);
        for (int i = 0; i < lines.length; i++) {
            String line = lines[i].strip();
            if (line.isEmpty() || line.startsWith("#")) {
                continue;
            }
            String[] parts = line.split("\\s+", 2);
            if (parts.length < 2 || !parts[0].matches("\\d+")) {
                throw new IllegalArgumentException(resource + ":" + (i + 1) + ": expected \"<record line> <reason>\", got: " + line);
            }
            if (reasons.put(Integer.parseInt(parts[0]), parts[1]) != null) {
                throw new IllegalArgumentException(resource + ":" + (i + 1) + ": record line " + parts[0] + " listed twice");
            }
        }
        return new ExpectedFailures(resource, reasons);
    }

    /** Why the record whose header is on {@code line} fails, if it is listed. */
    public Optional<String> reason(int line) {
        return Optional.ofNullable(reasons.get(line));
    }
}
