package dev.quiver.planner.type;

import dev.quiver.error.QuiverException;
import dev.quiver.error.SqlState;
import dev.quiver.parser.ast.TypeName;
import java.util.List;

/** Maps a type name as written ({@code numeric(15,2)}, {@code int4}, {@code text}) to a {@link DataType}. */
public final class TypeNames {
    /** PostgreSQL's default for {@code NUMERIC} without precision is unbounded; we pick the widest we compute. */
    static final int DEFAULT_DECIMAL_PRECISION = 38;
    /** ...and a scale that keeps cents and more, as DuckDB's DECIMAL default (18,3) does for its width. */
    static final int DEFAULT_DECIMAL_SCALE = 10;

    private TypeNames() {
    }

    public static DataType resolve(TypeName name) {
        List<Integer> p = name.parameters();
        DataType type = switch (name.name()) {
            case "boolean", "bool" -> noParameters(name, DataType.BOOLEAN);
            case "tinyint", "int1" -> noParameters(name, DataType.TINYINT);
            case "smallint", "int2" -> noParameters(name, DataType.SMALLINT);
            case "integer", "int", "int4", "signed" -> noParameters(name, DataType.INTEGER);
            case "bigint", "int8", "long" -> noParameters(name, DataType.BIGINT);
            case "real", "float4" -> noParameters(name, DataType.REAL);
            case "double", "double precision", "float8" -> noParameters(name, DataType.DOUBLE);
            case "float" -> p.isEmpty() || p.get(0) > 24 ? DataType.DOUBLE : DataType.REAL;
            case "decimal", "numeric", "dec" -> decimal(name, p);
            case "varchar", "character varying", "char varying", "text", "string", "char", "character", "bpchar" ->
                    varchar(name, p);
            case "date" -> noParameters(name, DataType.DATE);
            case "timestamp", "timestamp without time zone", "datetime" -> DataType.TIMESTAMP;
            case "interval" -> noParameters(name, DataType.INTERVAL);
            default -> throw error(name, "type \"" + name.name() + "\" does not exist", SqlState.UNDEFINED_OBJECT);
        };
        return type;
    }

    private static DataType noParameters(TypeName name, DataType type) {
        if (!name.parameters().isEmpty()) {
            throw error(name, "type " + type + " takes no parameters", SqlState.SYNTAX_ERROR);
        }
        return type;
    }

    private static DataType decimal(TypeName name, List<Integer> p) {
        if (p.size() > 2) {
            throw error(name, "DECIMAL takes at most precision and scale", SqlState.SYNTAX_ERROR);
        }
        int precision = p.isEmpty() ? DEFAULT_DECIMAL_PRECISION : p.get(0);
        int scale = p.size() == 2 ? p.get(1) : (p.isEmpty() ? DEFAULT_DECIMAL_SCALE : 0);
        try {
            return DataType.decimal(precision, scale);
        } catch (QuiverException e) {
            throw (QuiverException) e.attachPosition(name.span().start());
        }
    }

    private static DataType varchar(TypeName name, List<Integer> p) {
        if (p.size() > 1) {
            throw error(name, "VARCHAR takes one length", SqlState.SYNTAX_ERROR);
        }
        if (p.isEmpty()) {
            return name.name().startsWith("char") && !name.name().contains("varying") && !name.name().equals("char varying")
                    ? DataType.varchar(1) : DataType.VARCHAR;
        }
        if (p.get(0) < 1) {
            throw error(name, "length for type " + name.name() + " must be at least 1", SqlState.INVALID_PARAMETER_VALUE);
        }
        return DataType.varchar(p.get(0));
    }

    private static QuiverException error(TypeName name, String message, String state) {
        return new QuiverException(state, message).attachPosition(name.span().start());
    }
}
