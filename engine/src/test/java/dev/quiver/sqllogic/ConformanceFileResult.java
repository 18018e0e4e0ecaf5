package dev.quiver.sqllogic;

import static java.util.Objects.requireNonNull;

import java.util.Map;
import java.util.TreeMap;

/**
 * The outcome of one corpus file: records run, passed and failed, records a {@code skipif}/{@code onlyif}
 * condition excluded, failures counted by {@link ConformanceReport#group(String) grouped} summary,
 * and the wall time. A file that could not be parsed or cleaned up counts as one failed record.
 */
public record ConformanceFileResult(String file, int run, int passed, int skipped, Map<String, Integer> errors, long nanos) {
    public ConformanceFileResult {
        requireNonNull(file, "file");
        errors = Map.copyOf(errors);
        if (passed > run || skipped < 0) {
            throw new IllegalArgumentException(file + ": passed " + passed + " of " + run + ", skipped " + skipped);
        }
    }

    public int failed() {
        return run - passed;
    }

    /** The folder the file is in, e.g. {@code test/random/expr}. */
    public String directory() {
        int slash = file.lastIndexOf('/');
        return slash < 0 ? "." : file.substring(0, slash);
    }

    /** Counts failures while a file runs. */
    static final class Builder {
        private final String file;
        private int run;
        private int passed;
        private int skipped;
        private final Map<String, Integer> errors = new TreeMap<>();

        Builder(String file) {
            this.file = file;
        }

        void skipped(int n) {
            skipped += n;
        }

        void passed() {
            run++;
            passed++;
        }

        void failed(String summary) {
            run++;
            errors.merge(ConformanceReport.group(summary), 1, Integer::sum);
        }

        ConformanceFileResult build(long nanos) {
            return new ConformanceFileResult(file, run, passed, skipped, errors, nanos);
        }
    }
}
