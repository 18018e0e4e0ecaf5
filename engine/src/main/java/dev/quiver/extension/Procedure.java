package dev.quiver.extension;

import dev.quiver.Session;
import java.util.List;
import java.util.Map;

/**
 * A procedure an extension offers to {@code CALL name(arg, name => arg)}. Arguments arrive by
 * parameter name, as Java values (Long, BigDecimal, Double, String, Boolean, LocalDate, or null);
 * positional arguments are matched to {@link #parameters()} in order.
 */
public interface Procedure {
    /** The name used in CALL (lower case). */
    String name();

    /** Parameter names in positional order. */
    List<String> parameters();

    /** Runs the procedure in the calling session; returns a one-line status for the client. */
    String call(Session session, Map<String, Object> arguments);
}
