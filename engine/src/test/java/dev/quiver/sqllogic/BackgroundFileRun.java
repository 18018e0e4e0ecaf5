package dev.quiver.sqllogic;

import static java.util.Objects.requireNonNull;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Executor;

/**
 * One file's records run in order on an executor thread as soon as it is free, while the tests
 * that report them wait for their record's outcome: several files then run at once (one database
 * each) and a record's test still fails with its own message. Every outcome completes, whatever
 * happens to the records before it.
 */
final class BackgroundFileRun {
    private final SqlLogicScript script;
    private final SqlLogicOptions options;
    private final List<CompletableFuture<Optional<SqlLogicFailure>>> outcomes = new ArrayList<>();
    private final CompletableFuture<Long> finished = new CompletableFuture<>();

    BackgroundFileRun(SqlLogicScript script, SqlLogicOptions options, Executor executor) {
        this.script = requireNonNull(script, "script");
        this.options = requireNonNull(options, "options");
        for (int i = 0; i < script.records().size(); i++) {
            outcomes.add(new CompletableFuture<>());
        }
        executor.execute(this::runAll);
    }

    private void runAll() {
        try (SqlLogicRunner runner = new SqlLogicRunner(script.file(), options)) {
            for (int i = 0; i < outcomes.size(); i++) {
                try {
                    runner.run(script.records().get(i));
                    outcomes.get(i).complete(Optional.empty());
                } catch (SqlLogicFailure f) {
                    outcomes.get(i).complete(Optional.of(f));
                } catch (Throwable t) { // NOPMD: any other failure is reported by this record's test
                    outcomes.get(i).completeExceptionally(t);
                }
            }
            try {
                finished.complete(runner.finish());
            } catch (Throwable t) { // NOPMD: reported by the end-of-file test
                finished.completeExceptionally(t);
            }
        } catch (Throwable t) { // NOPMD: closing failed; nothing may wait forever
            outcomes.forEach(o -> o.completeExceptionally(t));
            finished.completeExceptionally(t);
        }
    }

    /** The failure of record {@code index} (of {@link SqlLogicScript#records()}), once it has run; empty if it passed. */
    Optional<SqlLogicFailure> outcome(int index) {
        return await(outcomes.get(index));
    }

    /** The end of the file ({@link SqlLogicRunner#finish()}): throws its failure, if any. */
    long finish() {
        return await(finished);
    }

    private static <T> T await(CompletableFuture<T> future) {
        try {
            return future.get();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new AssertionError("interrupted while waiting for a record", e);
        } catch (ExecutionException e) {
            Throwable cause = e.getCause();
            if (cause instanceof Error error) {
                throw error;
            }
            if (cause instanceof RuntimeException runtime) {
                throw runtime;
            }
            throw new AssertionError(cause);
        }
    }
}
