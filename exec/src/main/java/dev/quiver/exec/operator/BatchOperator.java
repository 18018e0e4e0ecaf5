package dev.quiver.exec.operator;

import dev.quiver.exec.batch.Batch;

/** A streaming, thread-local operator in an interpreted pipeline: batch in, batch out. */
public interface BatchOperator extends AutoCloseable {
    /** The transformed batch (borrowed: valid until the next call). */
    Batch process(Batch input);

    /** Frees owned vectors. Never throws. */
    @Override
    void close();
}
