package dev.quiver.sqllogic;

import static org.junit.jupiter.api.DynamicContainer.dynamicContainer;
import static org.junit.jupiter.api.DynamicTest.dynamicTest;

import java.io.IOException;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import java.util.stream.Stream;
import org.junit.jupiter.api.DynamicNode;
import org.junit.jupiter.api.TestFactory;

/**
 * The SQL logic test suite: one dynamic container per {@code .test} file under
 * {@code src/test/resources/sql/} (except {@code pending/}), one dynamic test per record, run in
 * order against the file's own database, then a test that drops every table, requires zero bytes
 * of Arrow memory and closes the database. A last test checks that every file's database ended
 * with zero outstanding bytes.
 *
 * <p>{@code -Dsqllogic.filter=aggregates/} runs only the files whose path contains the text;
 * {@code -Dsqllogic.pending=true} runs the files under {@code pending/} instead (they describe
 * correct PostgreSQL behaviour Quiver lacks today, so they are expected to fail until fixed).
 */
class SqlLogicTest {
    @TestFactory
    Stream<DynamicNode> sqlLogicTests() {
        Path root = SqlLogicFiles.root();
        List<Path> files = SqlLogicFiles.find(root, System.getProperty("sqllogic.filter"), Boolean.getBoolean("sqllogic.pending"));
        AtomicInteger closed = new AtomicInteger();
        AtomicLong outstanding = new AtomicLong();
        List<DynamicNode> nodes = new ArrayList<>();
        for (Path file : files) {
            nodes.add(container(root, file, closed, outstanding));
        }
        nodes.add(dynamicTest("zero Arrow bytes outstanding after every file", () -> {
            if (closed.get() != files.size()) {
                throw new AssertionError(closed.get() + " of " + files.size() + " files closed their database cleanly");
            }
            if (outstanding.get() != 0) {
                throw new AssertionError(outstanding.get() + " bytes outstanding over all files");
            }
        }));
        return nodes.stream();
    }

    private static DynamicNode container(Path root, Path file, AtomicInteger closed, AtomicLong outstanding) {
        String name = SqlLogicFiles.relative(root, file);
        URI source = sourceUri(root, file);
        List<SqlLogicRecord> records;
        try {
            records = SqlLogicParser.parse(name, Files.readString(file, StandardCharsets.UTF_8));
        } catch (IOException | RuntimeException e) {
            return dynamicTest(name + ": cannot be read", source, () -> {
                throw new AssertionError(name + ": " + e.getMessage(), e);
            });
        }
        SqlLogicRunner runner = new SqlLogicRunner(name);
        List<DynamicNode> tests = new ArrayList<>();
        for (SqlLogicRecord r : records) {
            tests.add(dynamicTest(title(r), URI.create(source + "?line=" + r.line()), () -> runner.run(r)));
        }
        tests.add(dynamicTest("drop all tables, zero bytes left, close", source, () -> {
            outstanding.addAndGet(runner.finish());
            closed.incrementAndGet();
        }));
        return dynamicContainer(name, source, tests.stream());
    }

    /** A test's display name: the record's line, kind and SQL on one shortened line. */
    static String title(SqlLogicRecord r) {
        String sql;
        String kind;
        if (r instanceof SqlLogicRecord.Statement s) {
            sql = s.sql();
            kind = s.expectError() ? "statement error" : "statement ok";
        } else if (r instanceof SqlLogicRecord.Query q) {
            sql = q.sql();
            kind = "query";
        } else {
            sql = "";
            kind = "hash-threshold";
        }
        String oneLine = sql.replaceAll("\\s+", " ").strip();
        if (oneLine.length() > 80) {
            oneLine = oneLine.substring(0, 77) + "...";
        }
        return "line " + r.line() + ": " + kind + (oneLine.isEmpty() ? "" : " " + oneLine);
    }

    /** The source file (src/test/resources when run from the module directory) for IDE navigation. */
    private static URI sourceUri(Path root, Path file) {
        Path src = Path.of("src/test/resources/sql").resolve(root.relativize(file));
        return (Files.exists(src) ? src.toAbsolutePath() : file).toUri();
    }
}
