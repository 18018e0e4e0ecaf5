package dev.quiver.tpch;

import static java.util.Objects.requireNonNull;

import dev.quiver.error.QuiverException;
import dev.quiver.error.SqlState;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashSet;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The text of one TPC-H query with {@code ${NAME}} placeholders where the specification has
 * substitution parameters, kept in {@code dev/quiver/tpch/queries/templates/qNN.sql}: the query as
 * the specification writes it, comments included; filled with the validation parameters it is
 * {@link TpchQueries#text}.
 */
final class QueryTemplate {
    /** A placeholder: {@code ${NAME}}, NAME in capitals and digits as the specification writes it. */
    private static final Pattern PLACEHOLDER = Pattern.compile("\\$\\{([A-Z][A-Z0-9]*)}");
    private static final String RESOURCE_DIRECTORY = "/dev/quiver/tpch/queries/templates/";
    /** Templates read so far, by query number: each is read from the class path once. */
    private static final Map<Integer, QueryTemplate> LOADED = new ConcurrentHashMap<>();

    private final int query;
    private final String text;
    private final Set<String> placeholders;

    private QueryTemplate(int query, String text) {
        this.query = query;
        this.text = requireNonNull(text, "text");
        this.placeholders = new LinkedHashSet<>();
        Matcher m = PLACEHOLDER.matcher(text);
        while (m.find()) {
            placeholders.add(m.group(1));
        }
    }

    /** The template of query {@code query} from the class path. */
    static QueryTemplate load(int query) {
        TpchQueries.checkNumber(query);
        return LOADED.computeIfAbsent(query, QueryTemplate::read);
    }

    private static QueryTemplate read(int query) {
        String resource = RESOURCE_DIRECTORY + String.format("q%02d.sql", query);
        try (InputStream in = QueryTemplate.class.getResourceAsStream(resource)) {
            if (in == null) {
                throw new QuiverException(SqlState.INTERNAL_ERROR, "TPC-H query template " + resource + " is missing from the class path");
            }
            return new QueryTemplate(query, new String(in.readAllBytes(), StandardCharsets.UTF_8));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The names of the placeholders, in order of first appearance. */
    Set<String> placeholders() {
        return Set.copyOf(placeholders);
    }

    /**
     * The query with every placeholder replaced by its value. Fails if a placeholder has no value
     * or a value has no placeholder, so that a misspelt name cannot leave a query unchanged.
     */
    String fill(Map<String, String> values) {
        if (!placeholders.equals(values.keySet())) {
            throw new QuiverException(SqlState.INTERNAL_ERROR, "TPC-H Q" + query + " template has parameters " + placeholders
                    + " but was given " + values.keySet());
        }
        Matcher m = PLACEHOLDER.matcher(text);
        StringBuilder out = new StringBuilder(text.length() + 64);
        while (m.find()) {
            m.appendReplacement(out, Matcher.quoteReplacement(values.get(m.group(1))));
        }
        m.appendTail(out);
        return out.toString();
    }

    /**
     * The query filled with {@code values}, its header comment (the lines after the title that name
     * the validation parameters) replaced by {@code header}: for parameters other than the validation ones.
     */
    String fill(Map<String, String> values, String header) {
        String filled = fill(values);
        int titleEnd = filled.indexOf('\n') + 1;
        int bodyStart = titleEnd;
        while (filled.startsWith("--", bodyStart)) {
            bodyStart = filled.indexOf('\n', bodyStart) + 1;
        }
        return filled.substring(0, titleEnd) + "-- " + header + "\n" + filled.substring(bodyStart);
    }
}
