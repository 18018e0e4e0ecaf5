package dev.quiver.cli;

import static java.util.Objects.requireNonNull;

import dev.quiver.parser.StatementSplitter;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.Path;
import java.util.Locale;
import java.util.Optional;
import org.jline.reader.EOFError;
import org.jline.reader.EndOfFileException;
import org.jline.reader.LineReader;
import org.jline.reader.LineReaderBuilder;
import org.jline.reader.ParsedLine;
import org.jline.reader.UserInterruptException;
import org.jline.reader.impl.DefaultParser;
import org.jline.terminal.Terminal;
import org.jline.terminal.TerminalBuilder;

/**
 * The interactive SQL shell: reads statements with JLine (history in {@code ~/.quiver_history},
 * editing, multi-line input until a statement ends with {@code ;}), runs them, and prints results
 * as aligned tables. Lines starting with {@code .} are shell commands ({@link #HELP}). Ctrl-C
 * clears the input line, or cancels the running statement; Ctrl-D or {@code .quit} leaves.
 */
final class Shell {
    static final String PROMPT = "quiver> ";
    static final String CONTINUATION_PROMPT = "   ...> ";
    static final String HISTORY_FILE = ".quiver_history";

    static final String HELP = """
            Enter SQL statements ending with ';' (they may span lines). Shell commands:
              .help                     this help
              .mode table|csv|json      how results are printed (now: %s)
              .timer on|off             print each statement's elapsed time (now: %s)
              .quit  (or .exit, Ctrl-D) leave the shell
            Ctrl-C clears the line, or cancels a running statement.
            Try: CALL dbgen(sf => 0.1);  then  SELECT l_returnflag, count(*) FROM lineitem GROUP BY 1;
            """;

    private final SqlRunner runner;
    private final PrintStream out;
    private final PrintStream err;

    Shell(SqlRunner runner, PrintStream out, PrintStream err) {
        this.runner = requireNonNull(runner, "runner");
        this.out = requireNonNull(out, "out");
        this.err = requireNonNull(err, "err");
    }

    /** Runs the shell on the system terminal until the user quits; returns the exit status. */
    int run() throws IOException {
        try (Terminal terminal = TerminalBuilder.builder().system(true).build()) {
            LineReader reader = LineReaderBuilder.builder()
                    .terminal(terminal)
                    .appName("quiver")
                    .parser(new StatementLineParser())
                    .variable(LineReader.HISTORY_FILE, Path.of(System.getProperty("user.home"), HISTORY_FILE))
                    .variable(LineReader.SECONDARY_PROMPT_PATTERN, CONTINUATION_PROMPT)
                    // '!' is SQL (!=), not a history reference.
                    .option(LineReader.Option.DISABLE_EVENT_EXPANSION, true)
                    .build();
            out.println("Quiver SQL shell (in-memory database). Type .help for help, .quit to leave.");
            while (true) {
                String input;
                try {
                    input = reader.readLine(PROMPT);
                } catch (UserInterruptException e) {
                    continue;
                } catch (EndOfFileException e) {
                    return 0;
                }
                if (!handle(input, terminal)) {
                    return 0;
                }
            }
        }
    }

    /** Handles one accepted input (statements or a shell command); false when the user quits. */
    boolean handle(String input, Terminal terminal) {
        String text = input.strip();
        if (text.isEmpty()) {
            return true;
        }
        if (text.startsWith(".")) {
            return command(text);
        }
        Terminal.SignalHandler previous = terminal == null ? null
                : terminal.handle(Terminal.Signal.INT, signal -> runner.session().cancel());
        try {
            for (String statement : StatementSplitter.split(input)) {
                if (!runner.runStatement(statement)) {
                    break;
                }
            }
        } finally {
            if (terminal != null) {
                terminal.handle(Terminal.Signal.INT, previous);
            }
        }
        return true;
    }

    /** Runs a shell command; false for .quit. */
    boolean command(String text) {
        String[] words = text.split("\\s+");
        String name = words[0].toLowerCase(Locale.ROOT);
        Optional<String> argument = words.length > 1 ? Optional.of(words[1].toLowerCase(Locale.ROOT).replaceAll(";$", ""))
                : Optional.empty();
        switch (name.replaceAll(";$", "")) {
            case ".quit", ".exit", ".q" -> {
                return false;
            }
            case ".help", ".h", ".?" -> out.print(HELP.formatted(runner.format().label(), runner.timer() ? "on" : "off"));
            case ".timer" -> {
                if (argument.isEmpty() || !(argument.get().equals("on") || argument.get().equals("off"))) {
                    err.println("ERROR: usage: .timer on|off (now " + (runner.timer() ? "on" : "off") + ")");
                } else {
                    runner.setTimer(argument.get().equals("on"));
                }
            }
            case ".mode" -> {
                Optional<OutputFormat> format = argument.flatMap(OutputFormat::parse);
                if (format.isEmpty()) {
                    err.println("ERROR: usage: .mode table|csv|json (now " + runner.format().label() + ")");
                } else {
                    runner.setFormat(format.get());
                }
            }
            default -> err.println("ERROR: unknown command " + words[0] + "; .help lists the commands");
        }
        out.flush();
        err.flush();
        return true;
    }

    /**
     * JLine's view of the input: a line is accepted once it is a shell command or ends with a
     * complete statement (a {@code ;} outside strings and comments); until then JLine asks for
     * more lines with the continuation prompt. Quotes are SQL's, so JLine's own quoting and
     * escapes are off.
     */
    static final class StatementLineParser extends DefaultParser {
        StatementLineParser() {
            setEscapeChars(new char[0]);
            setQuoteChars(new char[0]);
            setEofOnUnclosedQuote(false);
        }

        @Override
        public ParsedLine parse(String line, int cursor, ParseContext context) {
            if (context == ParseContext.ACCEPT_LINE && !acceptable(line)) {
                throw new EOFError(-1, -1, "statement not finished: end it with ;", ";");
            }
            return super.parse(line, cursor, context);
        }

        /** Whether the buffer can be run: empty, a shell command, or ending with a complete statement. */
        static boolean acceptable(String buffer) {
            String text = buffer.strip();
            return text.isEmpty() || text.startsWith(".") || StatementSplitter.isComplete(buffer);
        }
    }
}
