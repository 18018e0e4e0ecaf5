package dev.quiver.codegen;

import dev.quiver.exec.vector.Kind;
import dev.quiver.planner.expr.ColumnRef;
import dev.quiver.planner.type.DataType;
import dev.quiver.planner.type.TypeId;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;

/**
 * The input columns generated code reads, and how: per column, fields holding the data, validity
 * and (strings) offset addresses of the current batch, bound once per batch with one bounds check.
 */
final class SourceColumns {
    /** Columns read per touching loop: a few streams of misses at once, and push short for wide inputs. */
    static final int COLUMNS_TOUCHED_PER_LOOP = 4;
    /**
     * Kept rows are read ahead only when fewer than the batch's rows shifted right by this (half):
     * denser ones lie close together, and the hardware prefetcher already streams their lines.
     */
    static final int SPARSE_SHIFT = 1;

    private final ClassBuilder cb;
    private final Map<Integer, DataType> used = new TreeMap<>();

    SourceColumns(ClassBuilder cb) {
        this.cb = cb;
    }

    /** A reader of the batch's column {@code c}, for the expression generator. */
    ColumnReader reader(int c) {
        return new ColumnReader() {
            @Override
            public JValue read(ColumnRef column, StringBuilder body, String indent) {
                return SourceColumns.this.read(c, column.type(), body, indent);
            }

            @Override
            public Optional<InPlaceString> readInPlace(ColumnRef column, StringBuilder body, String indent) {
                return Optional.of(SourceColumns.this.readInPlace(c, column.type(), body, indent));
            }
        };
    }

    /** Emits code reading string column {@code c} at row {@code i} as its NULL flag, address and length (no copy). */
    ColumnReader.InPlaceString readInPlace(int c, DataType type, StringBuilder body, String indent) {
        declare(c, type);
        return inPlace(c, nullFlag(c, body, indent), body, indent);
    }

    private ColumnReader.InPlaceString inPlace(int c, String n, StringBuilder body, String indent) {
        String s = cb.fresh("s");
        String len = cb.fresh("l");
        body.append(indent).append("int ").append(s).append(" = MemoryUtil.getInt(colOffsets").append(c).append(" + 4L * i);\n");
        body.append(indent).append("int ").append(len).append(" = MemoryUtil.getInt(colOffsets").append(c).append(" + 4L * i + 4) - ")
                .append(s).append(";\n");
        return new ColumnReader.InPlaceString(n, "colData" + c + " + " + s, len);
    }

    private void declare(int c, DataType type) {
        if (!used.containsKey(c)) {
            used.put(c, type);
            cb.field("private long colData" + c + ";");
            cb.field("private long colValid" + c + ";");
            cb.field("private boolean colMayNull" + c + ";");
            if (type.isString()) {
                cb.field("private long colOffsets" + c + ";");
                cb.field("private byte[] colBytes" + c + " = new byte[64];");
            }
        }
    }

    private String nullFlag(int c, StringBuilder body, String indent) {
        String n = cb.fresh("n");
        body.append(indent).append("boolean ").append(n).append(" = colMayNull").append(c).append(" && (MemoryUtil.getByte(colValid").append(c)
                .append(" + (i >>> 3)) & (1 << (i & 7))) == 0;\n");
        return n;
    }

    /** Emits code reading column {@code c} at row {@code i} into fresh locals. */
    JValue read(int c, DataType type, StringBuilder body, String indent) {
        declare(c, type);
        String n = nullFlag(c, body, indent);
        Kind kind = Kind.of(type);
        switch (kind) {
            case BOOLEAN: {
                String v = cb.fresh("v");
                body.append(indent).append("boolean ").append(v).append(" = (MemoryUtil.getByte(colData").append(c)
                        .append(" + (i >>> 3)) & (1 << (i & 7))) != 0;\n");
                return JValue.simple(kind, n, v);
            }
            case LONG: {
                String v = cb.fresh("v");
                body.append(indent).append("long ").append(v).append(" = ").append(readLong(c, width(type))).append(";\n");
                return JValue.simple(kind, n, v);
            }
            case DOUBLE: {
                String v = cb.fresh("v");
                String read = type.id() == TypeId.REAL
                        ? "Float.intBitsToFloat(MemoryUtil.getInt(colData" + c + " + 4L * i))"
                        : "Double.longBitsToDouble(MemoryUtil.getLong(colData" + c + " + 8L * i))";
                body.append(indent).append("double ").append(v).append(" = ").append(read).append(";\n");
                return JValue.simple(kind, n, v);
            }
            case INT128: {
                String lo = cb.fresh("v");
                String hi = cb.fresh("h");
                body.append(indent).append("long ").append(lo).append(" = MemoryUtil.getLong(colData").append(c).append(" + 16L * i);\n");
                body.append(indent).append("long ").append(hi).append(" = MemoryUtil.getLong(colData").append(c).append(" + 16L * i + 8);\n");
                return JValue.wide(n, hi, lo);
            }
            case STRING: {
                // The bytes are copied to the column's scratch array: every string function reads byte[] ranges.
                ColumnReader.InPlaceString at = inPlace(c, n, body, indent);
                String len = at.length();
                body.append(indent).append("colBytes").append(c).append(" = atLeast(colBytes").append(c).append(", ").append(len).append(");\n");
                body.append(indent).append("OffHeapCopy.fromMemory(").append(at.address()).append(", colBytes").append(c)
                        .append(", 0, ").append(len).append(");\n");
                return JValue.string(n, "colBytes" + c, "0", len);
            }
            default: {
                String months = cb.fresh("mo");
                String days = cb.fresh("dy");
                String micros = cb.fresh("us");
                body.append(indent).append("int ").append(months).append(" = MemoryUtil.getInt(colData").append(c).append(" + 16L * i);\n");
                body.append(indent).append("int ").append(days).append(" = MemoryUtil.getInt(colData").append(c).append(" + 16L * i + 4);\n");
                body.append(indent).append("long ").append(micros).append(" = MemoryUtil.getLong(colData").append(c)
                        .append(" + 16L * i + 8) / 1000;\n");
                return JValue.interval(n, months, days, micros);
            }
        }
    }

    private static String readLong(int c, int width) {
        return switch (width) {
            case 1 -> "MemoryUtil.getByte(colData" + c + " + i)";
            case 2 -> "MemoryUtil.getShort(colData" + c + " + 2L * i)";
            case 4 -> "MemoryUtil.getInt(colData" + c + " + 4L * i)";
            default -> "MemoryUtil.getLong(colData" + c + " + 8L * i)";
        };
    }

    /** Bytes per value of the internal vector of a LONG-kind type. */
    static int width(DataType type) {
        return switch (type.id()) {
            case TINYINT -> 1;
            case SMALLINT -> 2;
            case INTEGER, DATE, UNKNOWN -> 4;
            default -> 8;
        };
    }

    /**
     * Code reading, for rows {@code rows[0..count)}, each used column's value (a string's offset),
     * in loops of their own, when those rows are fewer than half the batch's {@code n}: the rows a
     * selective filter kept lie scattered, so the row-by-row code after it would wait on a cache
     * miss per column and row; reads in a loop with nothing else to do overlap their misses
     * instead, as a prefetch. The sums go to a field, so that the JIT keeps the reads. Empty when no
     * column is used.
     */
    String touch(String rows, String count) {
        List<String> terms = new ArrayList<>();
        for (Map.Entry<Integer, DataType> e : used.entrySet()) {
            int c = e.getKey();
            DataType type = e.getValue();
            switch (Kind.of(type)) {
                case BOOLEAN -> { }
                case LONG -> terms.add(readLong(c, width(type)));
                case DOUBLE -> terms.add(type.id() == TypeId.REAL ? "MemoryUtil.getInt(colData" + c + " + 4L * i)"
                        : "MemoryUtil.getLong(colData" + c + " + 8L * i)");
                case STRING -> terms.add("MemoryUtil.getInt(colOffsets" + c + " + 4L * i)");
                default -> terms.add("MemoryUtil.getLong(colData" + c + " + 16L * i)");
            }
        }
        if (terms.isEmpty()) {
            return "";
        }
        cb.field("private long touchedColumns;");
        StringBuilder s = new StringBuilder();
        s.append("        if (").append(count).append(" < n >>> ").append(SPARSE_SHIFT).append(") {\n");
        s.append("            long columnTouch = 0;\n");
        for (int from = 0; from < terms.size(); from += COLUMNS_TOUCHED_PER_LOOP) {
            List<String> run = terms.subList(from, Math.min(terms.size(), from + COLUMNS_TOUCHED_PER_LOOP));
            s.append("            for (int k = 0; k < ").append(count).append("; k++) {\n");
            s.append("                int i = ").append(rows).append("[k];\n");
            s.append("                columnTouch += ").append(String.join(" + ", run)).append(";\n");
            s.append("            }\n");
        }
        s.append("            touchedColumns += columnTouch;\n");
        s.append("        }\n");
        return s.toString();
    }

    /**
     * Per used column, the statements (one unit, lines from column 0) binding its addresses for
     * {@code batch} with {@code rows} rows; they declare no local another unit reads.
     */
    List<String> bind() {
        List<String> units = new ArrayList<>();
        for (Map.Entry<Integer, DataType> e : used.entrySet()) {
            int c = e.getKey();
            String vec = "colVector" + c;
            StringBuilder s = new StringBuilder();
            s.append("FieldVector ").append(vec).append(" = batch.column(").append(c).append(");\n");
            s.append("checkBounds(").append(vec).append(", rows);\n");
            s.append("colData").append(c).append(" = ").append(vec).append(".getDataBufferAddress();\n");
            s.append("colValid").append(c).append(" = ").append(vec).append(".getValidityBufferAddress();\n");
            s.append("colMayNull").append(c).append(" = batch.mayHaveNulls(").append(c).append(");\n");
            if (e.getValue().isString()) {
                s.append("colOffsets").append(c).append(" = ").append(vec).append(".getOffsetBufferAddress();\n");
            }
            units.add(s.toString());
        }
        return units;
    }
}
