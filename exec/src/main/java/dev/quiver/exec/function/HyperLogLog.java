package dev.quiver.exec.function;

/**
 * A HyperLogLog sketch of the distinct values seen (Flajolet, Fusy, Gandouet and Meunier, "HyperLogLog:
 * the analysis of a near-optimal cardinality estimation algorithm", AofA 2007), fed with 64-bit
 * hashes, with the small-range correction by linear counting. Sketches merge by taking the larger
 * register, so per-chunk sketches combine into a table's.
 */
public final class HyperLogLog {
    /** log2 of the register count: 4,096 one-byte registers, about 1.6% standard error (1.04 / sqrt(m)). */
    static final int PRECISION = 12;
    private static final int REGISTERS = 1 << PRECISION;
    /** The bias correction constant alpha_m for m >= 128. */
    private static final double ALPHA = 0.7213 / (1 + 1.079 / REGISTERS);

    private final byte[] registers = new byte[REGISTERS];

    /** An independent sketch of the same values. */
    public HyperLogLog copy() {
        HyperLogLog c = new HyperLogLog();
        System.arraycopy(registers, 0, c.registers, 0, REGISTERS);
        return c;
    }

    /** Adds one value by its hash (which must be well mixed, as {@link Hashing}'s are). */
    public void add(long hash) {
        int index = (int) (hash >>> (64 - PRECISION));
        // Rank of the first 1 bit in the remaining bits (the index bits shifted out), counting from 1.
        long rest = hash << PRECISION | (1L << (PRECISION - 1));
        int rank = Long.numberOfLeadingZeros(rest) + 1;
        if (rank > registers[index]) {
            registers[index] = (byte) rank;
        }
    }

    /** Folds another sketch into this one: the sketch of the union of both inputs. */
    public void merge(HyperLogLog other) {
        for (int i = 0; i < REGISTERS; i++) {
            if (other.registers[i] > registers[i]) {
                registers[i] = other.registers[i];
            }
        }
    }

    /** The estimated number of distinct values added. */
    public long estimate() {
        double sum = 0;
        int zeros = 0;
        for (byte r : registers) {
            sum += Math.scalb(1.0, -r);
            if (r == 0) {
                zeros++;
            }
        }
        double raw = ALPHA * REGISTERS * REGISTERS / sum;
        if (raw <= 2.5 * REGISTERS && zeros > 0) {
            raw = REGISTERS * Math.log((double) REGISTERS / zeros);
        }
        return Math.round(raw);
    }
}
