package dev.quiver.tpch;

import dev.quiver.Session;
import dev.quiver.error.QuiverException;
import dev.quiver.error.SqlState;
import dev.quiver.extension.Procedure;
import java.math.BigDecimal;
import java.util.List;
import java.util.Map;

/**
 * {@code CALL dbgen(sf => 0.1 [, replace => true])}: creates the eight TPC-H tables and loads the
 * official data at scale factor {@code sf}, with the session's {@code threads} setting.
 *
 * <p>{@code sf} is required, a number greater than 0. If any TPC-H table already exists the call
 * fails (SQLSTATE 42P07) and changes nothing, unless {@code replace => true}, which drops the
 * existing TPC-H tables first. Returns a status line with the row counts and the load time.
 */
public final class DbgenProcedure implements Procedure {
    static final String SCALE_FACTOR = "sf";
    static final String REPLACE = "replace";

    @Override
    public String name() {
        return "dbgen";
    }

    @Override
    public List<String> parameters() {
        return List.of(SCALE_FACTOR, REPLACE);
    }

    @Override
    public String call(Session session, Map<String, Object> arguments) {
        double scaleFactor = scaleFactor(arguments.get(SCALE_FACTOR));
        boolean replace = replace(arguments.get(REPLACE));
        return TpchDataGenerator.load(session, scaleFactor, session.settings().threads(), replace).summary();
    }

    private static double scaleFactor(Object value) {
        if (value == null) {
            throw new QuiverException(SqlState.INVALID_PARAMETER_VALUE,
                    "dbgen needs a scale factor: CALL dbgen(sf => 0.1) loads TPC-H at scale factor 0.1 (about 100 MB)");
        }
        if (value instanceof Long || value instanceof Integer || value instanceof BigDecimal || value instanceof Double) {
            double sf = ((Number) value).doubleValue();
            TpchDataGenerator.checkScaleFactor(sf);
            return sf;
        }
        throw new QuiverException(SqlState.INVALID_PARAMETER_VALUE,
                "dbgen's scale factor must be a number such as 0.1, got " + describe(value));
    }

    private static boolean replace(Object value) {
        if (value == null) {
            return false;
        }
        if (value instanceof Boolean b) {
            return b;
        }
        throw new QuiverException(SqlState.INVALID_PARAMETER_VALUE,
                "dbgen's replace must be true or false, got " + describe(value));
    }

    private static String describe(Object value) {
        return value instanceof String ? "'" + value + "'" : String.valueOf(value);
    }
}
