package dev.quiver.error;

/**
 * Renders the line of SQL text that holds an error position, with a caret under the position:
 *
 * <pre>
 * LINE 2: WHERE l_shipdat &lt;= DATE '1998-12-01'
 *               ^
 * </pre>
 *
 * Long lines are cut to a window around the position, marked with {@code ...} on the cut sides.
 */
public final class SourceSnippet {
    /** Widest excerpt of a line we print; longer lines are windowed so the caret stays on screen. */
    static final int MAX_EXCERPT = 100;

    private SourceSnippet() {
    }

    public static int lineOf(String sql, int position) {
        int line = 1;
        int end = Math.min(position, sql.length());
        for (int i = 0; i < end; i++) {
            if (sql.charAt(i) == '\n') {
                line++;
            }
        }
        return line;
    }

    public static int columnOf(String sql, int position) {
        int p = Math.min(position, sql.length());
        int lineStart = sql.lastIndexOf('\n', p - 1) + 1;
        return p - lineStart + 1;
    }

    public static String render(String sql, int position) {
        int p = Math.max(0, Math.min(position, sql.length()));
        int lineStart = sql.lastIndexOf('\n', p - 1) + 1;
        int lineEnd = sql.indexOf('\n', p);
        if (lineEnd < 0) {
            lineEnd = sql.length();
        }
        String text = sql.substring(lineStart, lineEnd).replace('\t', ' ').replace("\r", "");
        int caret = p - lineStart;
        String prefix = "";
        String suffix = "";
        if (text.length() > MAX_EXCERPT) {
            int from = Math.max(0, caret - MAX_EXCERPT / 2);
            int to = Math.min(text.length(), from + MAX_EXCERPT);
            from = Math.max(0, to - MAX_EXCERPT);
            prefix = from > 0 ? "..." : "";
            suffix = to < text.length() ? "..." : "";
            caret = caret - from + prefix.length();
            text = text.substring(from, to);
        }
        String head = "LINE " + lineOf(sql, p) + ": ";
        return head + prefix + text + suffix + "\n" + " ".repeat(head.length() + Math.min(caret, prefix.length() + text.length())) + "^";
    }
}
