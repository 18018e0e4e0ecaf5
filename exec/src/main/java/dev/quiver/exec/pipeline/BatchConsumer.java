package dev.quiver.exec.pipeline;

import dev.quiver.exec.batch.Batch;

/** Receives the batches of a morsel; returns false to tell the source to stop the morsel early. */
@FunctionalInterface
public interface BatchConsumer {
    boolean accept(Batch batch);
}
