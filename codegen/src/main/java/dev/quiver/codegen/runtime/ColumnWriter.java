package dev.quiver.codegen.runtime;

import dev.quiver.exec.vector.Kind;
import dev.quiver.exec.vector.OffHeapCopy;
import dev.quiver.planner.type.DataType;
import org.apache.arrow.memory.util.MemoryUtil;
import org.apache.arrow.vector.BaseFixedWidthVector;
import org.apache.arrow.vector.BitVector;
import org.apache.arrow.vector.DecimalVector;
import org.apache.arrow.vector.FieldVector;
import org.apache.arrow.vector.Float4Vector;
import org.apache.arrow.vector.IntervalMonthDayNanoVector;
import org.apache.arrow.vector.VarCharVector;

/**
 * Writes computed values of one column straight into an Arrow vector at the rows' own positions,
 * for generated code. {@link #begin} makes room for a batch (every row NULL), the setters fill
 * selected rows in ascending order, {@link #finish} sets the value count. The layout written is
 * exactly what the interpreter's aligned writes produce.
 */
public abstract class ColumnWriter {
    protected final FieldVector vector;
    protected long validity;
    protected long data;

    protected ColumnWriter(FieldVector vector) {
        this.vector = vector;
    }

    public static ColumnWriter create(FieldVector vector, DataType type) {
        if (vector instanceof VarCharVector v) {
            return new VarCharWriter(v);
        }
        if (vector instanceof BitVector) {
            return new BitWriter(vector);
        }
        if (vector instanceof DecimalVector) {
            return new Decimal128Writer(vector);
        }
        if (vector instanceof IntervalMonthDayNanoVector) {
            return new IntervalWriter(vector);
        }
        if (Kind.of(type) == Kind.DOUBLE) {
            return vector instanceof Float4Vector ? new FloatWriter(vector) : new DoubleWriter(vector);
        }
        return new LongWriter(vector, ((BaseFixedWidthVector) vector).getTypeWidth());
    }

    public FieldVector vector() {
        return vector;
    }

    /** Prepares the vector for a batch of {@code rows} rows, all NULL until set. */
    public void begin(int rows) {
        BaseFixedWidthVector v = (BaseFixedWidthVector) vector;
        if (v.getValueCapacity() < rows) {
            v.allocateNew(Math.max(rows, 1));
        }
        validity = v.getValidityBufferAddress();
        data = v.getDataBufferAddress();
        MemoryUtil.setMemory(validity, (rows + 7) / 8, (byte) 0);
    }

    public void finish(int rows) {
        vector.setValueCount(rows);
    }

    public void setNull(int row) {
        // Rows start NULL in begin(); nothing to write.
    }

    protected final void markValid(int row) {
        long at = validity + (row >>> 3);
        MemoryUtil.putByte(at, (byte) (MemoryUtil.getByte(at) | (1 << (row & 7))));
    }

    public void setLong(int row, long value) {
        throw new UnsupportedOperationException(getClass().getSimpleName());
    }

    public void setBoolean(int row, boolean value) {
        throw new UnsupportedOperationException(getClass().getSimpleName());
    }

    public void setDouble(int row, double value) {
        throw new UnsupportedOperationException(getClass().getSimpleName());
    }

    public void set128(int row, long high, long low) {
        throw new UnsupportedOperationException(getClass().getSimpleName());
    }

    public void setBytes(int row, byte[] bytes, int offset, int length) {
        throw new UnsupportedOperationException(getClass().getSimpleName());
    }

    public void setInterval(int row, int months, int days, long micros) {
        throw new UnsupportedOperationException(getClass().getSimpleName());
    }

    static final class LongWriter extends ColumnWriter {
        private final int width;

        LongWriter(FieldVector vector, int width) {
            super(vector);
            this.width = width;
        }

        @Override
        public void setLong(int row, long value) {
            markValid(row);
            switch (width) {
                case 1 -> MemoryUtil.putByte(data + row, (byte) value);
                case 2 -> MemoryUtil.putShort(data + 2L * row, (short) value);
                case 4 -> MemoryUtil.putInt(data + 4L * row, (int) value);
                default -> MemoryUtil.putLong(data + 8L * row, value);
            }
        }
    }

    static final class DoubleWriter extends ColumnWriter {
        DoubleWriter(FieldVector vector) {
            super(vector);
        }

        @Override
        public void setDouble(int row, double value) {
            markValid(row);
            MemoryUtil.putLong(data + 8L * row, Double.doubleToRawLongBits(value));
        }
    }

    static final class FloatWriter extends ColumnWriter {
        FloatWriter(FieldVector vector) {
            super(vector);
        }

        @Override
        public void setDouble(int row, double value) {
            markValid(row);
            MemoryUtil.putInt(data + 4L * row, Float.floatToRawIntBits((float) value));
        }
    }

    static final class BitWriter extends ColumnWriter {
        BitWriter(FieldVector vector) {
            super(vector);
        }

        @Override
        public void begin(int rows) {
            super.begin(rows);
            MemoryUtil.setMemory(data, (rows + 7) / 8, (byte) 0);
        }

        @Override
        public void setBoolean(int row, boolean value) {
            markValid(row);
            if (value) {
                long at = data + (row >>> 3);
                MemoryUtil.putByte(at, (byte) (MemoryUtil.getByte(at) | (1 << (row & 7))));
            }
        }
    }

    static final class Decimal128Writer extends ColumnWriter {
        Decimal128Writer(FieldVector vector) {
            super(vector);
        }

        @Override
        public void set128(int row, long high, long low) {
            markValid(row);
            MemoryUtil.putLong(data + 16L * row, low);
            MemoryUtil.putLong(data + 16L * row + 8, high);
        }
    }

    static final class IntervalWriter extends ColumnWriter {
        IntervalWriter(FieldVector vector) {
            super(vector);
        }

        @Override
        public void setInterval(int row, int months, int days, long micros) {
            markValid(row);
            long at = data + 16L * row;
            MemoryUtil.putInt(at, months);
            MemoryUtil.putInt(at + 4, days);
            MemoryUtil.putLong(at + 8, micros * 1000);
        }
    }

    /** Strings: offsets for skipped rows are filled as empty entries so offsets stay monotone. */
    static final class VarCharWriter extends ColumnWriter {
        /** Initial data bytes per row reserved for a batch of strings; the buffer doubles when short. */
        static final int INITIAL_BYTES_PER_ROW = 16;

        private final VarCharVector strings;
        private long offsets;
        private int nextRow;
        private int used;

        VarCharWriter(VarCharVector vector) {
            super(vector);
            this.strings = vector;
        }

        @Override
        public void begin(int rows) {
            if (strings.getValueCapacity() < rows) {
                strings.allocateNew((long) Math.max(rows, 1) * INITIAL_BYTES_PER_ROW, Math.max(rows, 1));
            }
            validity = strings.getValidityBufferAddress();
            offsets = strings.getOffsetBufferAddress();
            data = strings.getDataBufferAddress();
            MemoryUtil.setMemory(validity, (rows + 7) / 8, (byte) 0);
            MemoryUtil.putInt(offsets, 0);
            nextRow = 0;
            used = 0;
        }

        private void fillTo(int row) {
            while (nextRow < row) {
                MemoryUtil.putInt(offsets + 4L * (++nextRow), used);
            }
        }

        @Override
        public void setBytes(int row, byte[] bytes, int offset, int length) {
            fillTo(row);
            while (strings.getDataBuffer().capacity() < (long) used + length) {
                strings.reallocDataBuffer();
                data = strings.getDataBufferAddress();
            }
            markValid(row);
            OffHeapCopy.toMemory(bytes, offset, data + used, length);
            used += length;
            MemoryUtil.putInt(offsets + 4L * (++nextRow), used);
        }

        @Override
        public void finish(int rows) {
            fillTo(rows);
            strings.setLastSet(rows - 1);
            strings.setValueCount(rows);
        }
    }
}
