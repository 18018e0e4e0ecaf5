package dev.quiver.sqllogic;

import static org.junit.jupiter.api.DynamicContainer.dynamicContainer;
import static org.junit.jupiter.api.DynamicTest.dynamicTest;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.junit.jupiter.api.DynamicNode;
import org.junit.jupiter.api.TestFactory;

/**
 * The part of the SQLite sqllogictest corpus in the default suite: {@code test/select1.test} …
 * {@code select5.test} and {@code test/evidence/*.test}, every record that applies to
 * {@code postgresql} run in verify mode, one dynamic test per record, then the end-of-file clean-up
 * check. Records listed in the file's {@link ExpectedFailures} must fail (so a fix shows up as a
 * failing test until the list shrinks); every other record must pass. The files run in the
 * background, one per core at a time ({@link BackgroundFileRun}); each record's test reports its
 * record's outcome.
 *
 * <p>{@code -Dsqllogic.filter=evidence/} runs only the files whose name contains the text;
 * {@code -Dsqllogic.pending=true} (a run of Quiver's pending files) runs none of these.
 */
class SqliteCorpusTest {
    /** The corpus files of the default suite. */
    static final List<String> FILES = List.of("test/select?.test", "test/evidence/*.test");

    @TestFactory
    Stream<DynamicNode> sqliteCorpus() {
        if (Boolean.getBoolean("sqllogic.pending")) {
            return Stream.empty();
        }
        SqliteCorpus corpus = SqliteCorpus.onClassPath();
        String filter = System.getProperty("sqllogic.filter", "");
        ExecutorService pool = Executors.newFixedThreadPool(Runtime.getRuntime().availableProcessors(), r -> {
            Thread t = new Thread(r, "sqlite-corpus");
            t.setDaemon(true);
            return t;
        });
        List<DynamicNode> nodes = new ArrayList<>();
        for (String file : corpus.find(FILES)) {
            if (file.contains(filter)) {
                nodes.add(container(corpus, file, pool));
            }
        }
        pool.shutdown(); // the files already queued still run
        return nodes.stream();
    }

    private static DynamicNode container(SqliteCorpus corpus, String file, ExecutorService pool) {
        SqlLogicScript script;
        ExpectedFailures expected;
        try {
            script = corpus.parse(file);
            expected = ExpectedFailures.load(file);
        } catch (RuntimeException e) {
            return dynamicTest(file + ": cannot be read", () -> {
                throw new AssertionError(file + ": " + e.getMessage(), e);
            });
        }
        BackgroundFileRun run = new BackgroundFileRun(script, SqlLogicOptions.corpus(), pool);
        List<DynamicNode> tests = new ArrayList<>();
        tests.add(dynamicTest("the expected-failure list names only records of the file", () -> checkListed(script, expected)));
        for (int i = 0; i < script.records().size(); i++) {
            SqlLogicRecord r = script.records().get(i);
            int index = i;
            Optional<String> reason = expected.reason(r.line());
            if (reason.isEmpty()) {
                tests.add(dynamicTest(SqlLogicTest.title(r), () -> {
                    Optional<SqlLogicFailure> failure = run.outcome(index);
                    if (failure.isPresent()) {
                        throw failure.get();
                    }
                }));
            } else {
                tests.add(dynamicTest(SqlLogicTest.title(r) + " [fails: " + reason.get() + "]", () -> {
                    if (run.outcome(index).isEmpty()) {
                        throw new AssertionError(file + ":" + r.line() + " passes now but is listed as failing (" + reason.get()
                                + "): remove the line from " + expected.resource());
                    }
                }));
            }
        }
        tests.add(dynamicTest("drop all tables, zero bytes left, close", run::finish));
        return dynamicContainer(file, tests.stream());
    }

    private static void checkListed(SqlLogicScript script, ExpectedFailures expected) {
        Set<Integer> records = script.records().stream()
                .filter(r -> !(r instanceof SqlLogicRecord.HashThreshold))
                .map(SqlLogicRecord::line)
                .collect(Collectors.toSet());
        Set<Integer> unknown = new TreeSet<>(expected.reasons().keySet());
        unknown.removeAll(records);
        if (!unknown.isEmpty()) {
            throw new AssertionError(expected.resource() + " lists lines " + unknown + ", which are not records of "
                    + script.file() + " that apply to postgresql");
        }
    }
}
