package dev.quiver.planner.binder;

import dev.quiver.error.EditDistance;
import java.util.Collection;
import java.util.Locale;
import java.util.Optional;

/** Finds the closest known name to a misspelt one, for "did you mean" hints. */
public final class NameSuggester {
    private NameSuggester() {
    }

    /**
     * The candidate with the smallest edit distance to {@code name}, if that distance is small for
     * the name's length (at most 2, or a third of its length for long names) and unique enough to help.
     */
    public static Optional<String> closest(String name, Collection<String> candidates) {
        String best = null;
        int bestDistance = Integer.MAX_VALUE;
        int limit = Math.max(2, name.length() / 3);
        for (String candidate : candidates) {
            int d = EditDistance.between(name.toLowerCase(Locale.ROOT), candidate.toLowerCase(Locale.ROOT));
            if (d < bestDistance && d <= limit && d < Math.max(name.length(), candidate.length())) {
                best = candidate;
                bestDistance = d;
            }
        }
        return Optional.ofNullable(best);
    }

}
