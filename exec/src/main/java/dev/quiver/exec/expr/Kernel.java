package dev.quiver.exec.expr;

import dev.quiver.exec.vector.ValueVector;

/**
 * The vectorized body of a scalar function for fixed argument and result types. Called with the
 * rows {@code sel[0..n)} at which every argument is non-NULL (the caller handles NULLs of strict
 * functions); writes the result at the same positions of {@code out}. May throw a
 * {@code QuiverException} for a row's value (division by zero, overflow); the caller adds the
 * position in the SQL text.
 */
@FunctionalInterface
public interface Kernel {
    void apply(ValueVector[] args, int[] sel, int n, ValueVector out);
}
