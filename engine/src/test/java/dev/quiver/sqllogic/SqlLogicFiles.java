package dev.quiver.sqllogic;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URISyntaxException;
import java.net.URL;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Collectors;
import java.util.stream.Stream;

/** Finds the suite's {@code .test} files: every one under the {@code sql/} resource folder except {@code pending/}. */
public final class SqlLogicFiles {
    /** Folder (relative to {@code sql/}) of tests that expect correct behaviour not implemented yet; never run. */
    public static final String PENDING = "pending";

    private SqlLogicFiles() {
    }

    /** The {@code sql/} folder on the test class path. */
    public static Path root() {
        URL url = SqlLogicFiles.class.getClassLoader().getResource("sql");
        if (url == null) {
            throw new IllegalStateException("no sql/ folder on the test class path");
        }
        try {
            return Path.of(url.toURI());
        } catch (URISyntaxException e) {
            throw new IllegalStateException(e);
        }
    }

    /** The files to run, sorted by path, optionally only those whose relative path contains {@code filter}. */
    public static List<Path> find(Path root, String filter) {
        return find(root, filter, false);
    }

    /** As {@link #find(Path, String)}; with {@code pending} only the files under {@code pending/} instead. */
    public static List<Path> find(Path root, String filter, boolean pending) {
        try (Stream<Path> paths = Files.walk(root)) {
            return paths.filter(Files::isRegularFile)
                    .filter(p -> p.getFileName().toString().endsWith(".test"))
                    .filter(p -> root.relativize(p).getName(0).toString().equals(PENDING) == pending)
                    .filter(p -> filter == null || filter.isEmpty() || relative(root, p).contains(filter))
                    .sorted()
                    .collect(Collectors.toList());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The path relative to {@code root}, with forward slashes. */
    public static String relative(Path root, Path file) {
        return root.relativize(file).toString().replace('\\', '/');
    }
}
