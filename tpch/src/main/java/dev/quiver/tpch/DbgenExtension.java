package dev.quiver.tpch;

import dev.quiver.extension.Procedure;
import dev.quiver.extension.QuiverExtension;
import java.util.List;

/**
 * The TPC-H extension, found by {@link java.util.ServiceLoader}: adds the {@code dbgen}
 * procedure ({@link DbgenProcedure}) to every database opened while this module is on the class
 * path.
 */
public final class DbgenExtension implements QuiverExtension {
    @Override
    public String name() {
        return "tpch";
    }

    @Override
    public List<Procedure> procedures() {
        return List.of(new DbgenProcedure());
    }
}
