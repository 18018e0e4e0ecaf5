package dev.quiver.extension;

import java.util.List;

/**
 * A plug-in found with {@link java.util.ServiceLoader} (list the class in
 * {@code META-INF/services/dev.quiver.extension.QuiverExtension}). It adds procedures without the
 * engine depending on it; the TPC-H module's {@code dbgen} is one.
 */
public interface QuiverExtension {
    String name();

    List<Procedure> procedures();
}
