package dev.quiver.tpch;

import static java.util.Objects.requireNonNull;

import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.function.Function;
import java.util.function.ToIntFunction;
import java.util.function.ToLongFunction;
import org.apache.arrow.memory.ArrowBuf;
import org.apache.arrow.vector.BaseVariableWidthVector;
import org.apache.arrow.vector.BigIntVector;
import org.apache.arrow.vector.DateDayVector;
import org.apache.arrow.vector.DecimalVector;
import org.apache.arrow.vector.FieldVector;
import org.apache.arrow.vector.IntVector;
import org.apache.arrow.vector.VarCharVector;

/**
 * One column of a TPC-H table: its name, its SQL type, and how to copy it from generated rows of
 * type {@code E} into the column's Arrow vector (the API type {@code Session.tableSchema} gives).
 *
 * <p>Money and quantities are {@code DECIMAL(15,2)}, filled from the generator's exact cents
 * (never from its doubles); dates come as days since 1970-01-01.
 */
abstract sealed class TpchColumn<E> permits TpchColumn.IntegerColumn, TpchColumn.BigintColumn, TpchColumn.DecimalColumn,
        TpchColumn.DateColumn, TpchColumn.VarcharColumn {
    private final String name;
    private final String sqlType;

    private TpchColumn(String name, String sqlType) {
        this.name = requireNonNull(name, "name");
        this.sqlType = requireNonNull(sqlType, "sqlType");
    }

    static <E> TpchColumn<E> integer(String name, ToLongFunction<E> getter) {
        return new IntegerColumn<>(name, getter);
    }

    static <E> TpchColumn<E> bigint(String name, ToLongFunction<E> getter) {
        return new BigintColumn<>(name, getter);
    }

    /** A {@code DECIMAL(15,2)} column; {@code unscaled} gives the value times 100 (cents, or percent for rates). */
    static <E> TpchColumn<E> decimal(String name, ToLongFunction<E> unscaled) {
        return new DecimalColumn<>(name, unscaled);
    }

    /** A DATE column; {@code epochDay} gives days since 1970-01-01. */
    static <E> TpchColumn<E> date(String name, ToIntFunction<E> epochDay) {
        return new DateColumn<>(name, epochDay);
    }

    static <E> TpchColumn<E> varchar(String name, int maxLength, Function<E, String> getter) {
        return new VarcharColumn<>(name, maxLength, getter);
    }

    String name() {
        return name;
    }

    /** The type as written in CREATE TABLE. */
    String sqlType() {
        return sqlType;
    }

    /**
     * Allocates {@code vector} (freshly created, empty) for {@code rows.size()} values and writes
     * the column's values of {@code rows} into it, all non-null. Writes go straight to the Arrow
     * buffers (one bounds check per value) instead of through the per-value setters, which would
     * also update the validity bitmap one bit at a time.
     */
    abstract void fill(FieldVector vector, List<E> rows);

    /** Marks the first {@code n} values of a vector as non-null and sets its value count. */
    static void allValid(FieldVector vector, int n) {
        ArrowBuf validity = vector.getValidityBuffer();
        int fullBytes = n / 8;
        validity.setOne(0L, (long) fullBytes);
        if (n % 8 != 0) {
            validity.setByte(fullBytes, (1 << (n % 8)) - 1);
        }
        vector.setValueCount(n);
    }

    static final class IntegerColumn<E> extends TpchColumn<E> {
        private final ToLongFunction<E> getter;

        IntegerColumn(String name, ToLongFunction<E> getter) {
            super(name, "INTEGER");
            this.getter = requireNonNull(getter, "getter");
        }

        @Override
        void fill(FieldVector vector, List<E> rows) {
            int n = rows.size();
            IntVector v = (IntVector) vector;
            v.allocateNew(n);
            ArrowBuf data = v.getDataBuffer();
            for (int r = 0; r < n; r++) {
                data.setInt((long) r * Integer.BYTES, Math.toIntExact(getter.applyAsLong(rows.get(r))));
            }
            allValid(v, n);
        }
    }

    static final class BigintColumn<E> extends TpchColumn<E> {
        private final ToLongFunction<E> getter;

        BigintColumn(String name, ToLongFunction<E> getter) {
            super(name, "BIGINT");
            this.getter = requireNonNull(getter, "getter");
        }

        @Override
        void fill(FieldVector vector, List<E> rows) {
            int n = rows.size();
            BigIntVector v = (BigIntVector) vector;
            v.allocateNew(n);
            ArrowBuf data = v.getDataBuffer();
            for (int r = 0; r < n; r++) {
                data.setLong((long) r * Long.BYTES, getter.applyAsLong(rows.get(r)));
            }
            allValid(v, n);
        }
    }

    static final class DecimalColumn<E> extends TpchColumn<E> {
        private final ToLongFunction<E> unscaled;

        DecimalColumn(String name, ToLongFunction<E> unscaled) {
            super(name, "DECIMAL(15,2)");
            this.unscaled = requireNonNull(unscaled, "unscaled");
        }

        @Override
        void fill(FieldVector vector, List<E> rows) {
            int n = rows.size();
            DecimalVector v = (DecimalVector) vector;
            v.allocateNew(n);
            ArrowBuf data = v.getDataBuffer();
            for (int r = 0; r < n; r++) {
                long value = unscaled.applyAsLong(rows.get(r));
                // Decimal128 is a little-endian two's-complement 128-bit integer: the long, then its sign extension.
                long at = (long) r * DecimalVector.TYPE_WIDTH;
                data.setLong(at, value);
                data.setLong(at + Long.BYTES, value >> 63);
            }
            allValid(v, n);
        }
    }

    static final class DateColumn<E> extends TpchColumn<E> {
        private final ToIntFunction<E> epochDay;

        DateColumn(String name, ToIntFunction<E> epochDay) {
            super(name, "DATE");
            this.epochDay = requireNonNull(epochDay, "epochDay");
        }

        @Override
        void fill(FieldVector vector, List<E> rows) {
            int n = rows.size();
            DateDayVector v = (DateDayVector) vector;
            v.allocateNew(n);
            ArrowBuf data = v.getDataBuffer();
            for (int r = 0; r < n; r++) {
                data.setInt((long) r * Integer.BYTES, epochDay.applyAsInt(rows.get(r)));
            }
            allValid(v, n);
        }
    }

    static final class VarcharColumn<E> extends TpchColumn<E> {
        private final Function<E, String> getter;

        VarcharColumn(String name, int maxLength, Function<E, String> getter) {
            super(name, "VARCHAR(" + maxLength + ")");
            this.getter = requireNonNull(getter, "getter");
        }

        @Override
        void fill(FieldVector vector, List<E> rows) {
            int n = rows.size();
            byte[][] values = new byte[n][];
            long bytes = 0;
            for (int r = 0; r < n; r++) {
                // TPC-H text is ASCII, so its Latin-1 encoding is its UTF-8 encoding, and needs no encoder.
                values[r] = getter.apply(rows.get(r)).getBytes(StandardCharsets.ISO_8859_1);
                bytes += values[r].length;
            }
            VarCharVector v = (VarCharVector) vector;
            v.allocateNew(Math.max(1, bytes), n);
            ArrowBuf offsets = v.getOffsetBuffer();
            ArrowBuf data = v.getDataBuffer();
            int end = 0;
            offsets.setInt(0, 0);
            for (int r = 0; r < n; r++) {
                data.setBytes(end, values[r]);
                end += values[r].length;
                offsets.setInt((long) (r + 1) * BaseVariableWidthVector.OFFSET_WIDTH, end);
            }
            v.setLastSet(n - 1);
            allValid(v, n);
        }
    }
}
