package dev.quiver.sqllogic;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.URISyntaxException;
import java.net.URL;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileSystem;
import java.nio.file.FileSystemAlreadyExistsException;
import java.nio.file.FileSystems;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.PathMatcher;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

/**
 * The public SQLite sqllogictest corpus, read from the {@code net.hydromatic:sql-logic-test} jar on
 * the test class path. Files are named by their path in the jar, e.g. {@code test/select1.test},
 * {@code test/random/expr/slt_good_0.test}, and selected with globs over those names
 * ({@code *} within a folder, {@code **} across folders; a glob without the {@code test/} prefix
 * gets it).
 */
public final class SqliteCorpus {
    /** The corpus's top folder inside the jar. */
    public static final String TOP = "test";

    private final Path top;

    private SqliteCorpus(Path top) {
        this.top = top;
    }

    /** The corpus on the class path; fails if the artifact is missing. */
    public static SqliteCorpus onClassPath() {
        URL url = SqliteCorpus.class.getClassLoader().getResource(TOP + "/select1.test");
        if (url == null) {
            throw new IllegalStateException("the sqllogictest corpus (net.hydromatic:sql-logic-test) is not on the class path");
        }
        try {
            URI uri = url.toURI();
            Path select1;
            if (uri.getScheme().equals("jar")) {
                FileSystem fs;
                try {
                    fs = FileSystems.newFileSystem(uri, Map.of());
                } catch (FileSystemAlreadyExistsException e) {
                    fs = FileSystems.getFileSystem(uri);
                }
                select1 = fs.provider().getPath(uri);
            } else {
                select1 = Path.of(uri);
            }
            return new SqliteCorpus(select1.getParent());
        } catch (URISyntaxException | IOException e) {
            throw new IllegalStateException("cannot open the sqllogictest corpus at " + url, e);
        }
    }

    /** The names of the corpus files matching any of the globs, sorted. */
    public List<String> find(List<String> globs) {
        List<PathMatcher> matchers = globs.stream()
                .map(g -> g.startsWith(TOP + "/") ? g : TOP + "/" + g)
                .map(g -> top.getFileSystem().getPathMatcher("glob:" + g))
                .toList();
        try (Stream<Path> paths = Files.walk(top)) {
            return paths.filter(p -> p.getFileName() != null && p.getFileName().toString().endsWith(".test"))
                    .map(this::name)
                    .filter(name -> matchers.stream().anyMatch(m -> m.matches(top.getFileSystem().getPath(name))))
                    .sorted()
                    .toList();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The text of a corpus file named as {@link #find} names it. */
    public String read(String name) {
        try {
            return Files.readString(top.resolveSibling(name), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read corpus file " + name, e);
        }
    }

    /** Parses a corpus file in the SQLite dialect. */
    public SqlLogicScript parse(String name) {
        return SqlLogicParser.parse(name, read(name), SqlLogicDialect.SQLITE);
    }

    private String name(Path p) {
        return TOP + "/" + top.relativize(p).toString().replace('\\', '/');
    }
}
