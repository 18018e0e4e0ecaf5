package dev.quiver.exec.batch;

/** Shared helpers for selection vectors. */
public final class Selections {
    /** Rows per batch produced by scans and materializing operators: small enough for L2, large enough to amortize dispatch. */
    public static final int BATCH_SIZE = 4096;

    private static volatile int[] identity = build(BATCH_SIZE * 4);

    private Selections() {
    }

    /** An array {@code [0, 1, ..., n-1, ...]} of at least n entries; shared and read-only. */
    public static int[] identity(int n) {
        int[] id = identity;
        if (id.length < n) {
            id = build(Math.max(n, id.length * 2));
            identity = id;
        }
        return id;
    }

    private static int[] build(int n) {
        int[] a = new int[n];
        for (int i = 0; i < n; i++) {
            a[i] = i;
        }
        return a;
    }
}
