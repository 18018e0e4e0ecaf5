package dev.quiver.plans;

import static org.assertj.core.api.Assertions.assertThat;

import dev.quiver.Database;
import dev.quiver.Quiver;
import dev.quiver.Result;
import dev.quiver.Session;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Golden plans per optimizer rule: each file {@code plans/rules/<Rule>.test} holds targeted
 * queries where the rule fires and where its guard forbids it, each followed by its {@code EXPLAIN
 * (RULES)} output (the plan and the rules that fired, timings masked). The test replays every file
 * on a fresh database and compares.
 *
 * <p>A file is a sequence of blocks separated by blank lines; lines starting with {@code #} are
 * comments. {@code statement} followed by SQL runs it (setup, {@code SET disabled_rules = ...});
 * {@code plan} followed by a query, a line {@code ----} and the expected output (up to the next
 * blank line) checks the query's plan.
 *
 * <p>Regenerate the expected outputs, never edit them by hand:
 * {@code mvn -pl engine test -Dtest=RulePlanGoldenTest -Dgolden.update=true}.
 */
class RulePlanGoldenTest {
    /** Where the files live in the source tree (the module directory is the working directory of tests). */
    private static final Path SOURCE = Path.of("src/test/resources/plans/rules");
    /** What separates a query from its expected output. */
    private static final String SEPARATOR = "----";

    static List<String> files() throws IOException {
        try (Stream<Path> files = Files.list(SOURCE)) {
            return files.map(p -> p.getFileName().toString()).filter(n -> n.endsWith(".test")).sorted().toList();
        }
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("files")
    void plansMatchTheGoldenFile(String name) throws IOException {
        Path file = SOURCE.resolve(name);
        String expected = Files.readString(file, StandardCharsets.UTF_8);
        String actual = replay(expected);
        if (Boolean.getBoolean("golden.update")) {
            Files.writeString(file, actual, StandardCharsets.UTF_8);
            return;
        }
        assertThat(actual).as("%s differs; if the change is intended, regenerate with -Dgolden.update=true", name).isEqualTo(expected);
    }

    /** The file's text with each plan block's expected output replaced by what the database now says. */
    private static String replay(String text) {
        List<String> out = new ArrayList<>();
        try (Database db = Quiver.openInMemory(); Session session = db.connect()) {
            List<String> lines = List.of(text.split("\n", -1));
            int i = 0;
            while (i < lines.size()) {
                String line = lines.get(i);
                if (!line.equals("statement") && !line.equals("plan")) {
                    out.add(line);
                    i++;
                    continue;
                }
                out.add(line);
                List<String> sql = new ArrayList<>();
                i++;
                while (i < lines.size() && !lines.get(i).isBlank() && !lines.get(i).equals(SEPARATOR)) {
                    sql.add(lines.get(i));
                    out.add(lines.get(i));
                    i++;
                }
                String statement = String.join("\n", sql);
                if (line.equals("statement")) {
                    session.execute(statement).close();
                    continue;
                }
                // skip the old expected output
                if (i < lines.size() && lines.get(i).equals(SEPARATOR)) {
                    i++;
                    while (i < lines.size() && !lines.get(i).isBlank()) {
                        i++;
                    }
                }
                out.add(SEPARATOR);
                out.addAll(explain(session, statement));
            }
        }
        return String.join("\n", out);
    }

    /** The query's EXPLAIN (RULES) lines, blank lines dropped and times masked. */
    private static List<String> explain(Session session, String query) {
        try (Result r = session.execute("EXPLAIN (RULES) " + query)) {
            return r.rows().stream().map(row -> String.valueOf(row.get(0))).filter(l -> !l.isBlank())
                    .map(l -> l.replaceAll("\\d+(\\.\\d+)? ms", "_ ms")).collect(Collectors.toList());
        }
    }
}
