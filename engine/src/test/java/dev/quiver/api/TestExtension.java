package dev.quiver.api;

import dev.quiver.Session;
import dev.quiver.error.QuiverException;
import dev.quiver.error.SqlState;
import dev.quiver.extension.Procedure;
import dev.quiver.extension.QuiverExtension;
import java.util.List;
import java.util.Map;

/**
 * An extension for the tests, registered in {@code META-INF/services} (test resources): {@code echo}
 * reports the arguments it got and their Java classes, {@code fill} inserts rows through the calling
 * session, and three procedures fail: one with a QuiverException, one with a plain Java exception,
 * and one as if the JVM's heap ran out.
 */
public final class TestExtension implements QuiverExtension {
    @Override
    public String name() {
        return "test";
    }

    @Override
    public List<Procedure> procedures() {
        return List.of(new Echo(), new Fill(), new Failing("fail_sql", true), new Failing("fail_java", false), new CancelThenQuery(),
                new OutOfHeap());
    }

    /** {@code echo(a, b, c)}: "echo a=1:Long c=null" for the arguments given, in parameter order. */
    static final class Echo implements Procedure {
        @Override
        public String name() {
            return "echo";
        }

        @Override
        public List<String> parameters() {
            return List.of("a", "b", "c");
        }

        @Override
        public String call(Session session, Map<String, Object> arguments) {
            StringBuilder s = new StringBuilder("echo");
            for (String p : parameters()) {
                if (arguments.containsKey(p)) {
                    Object v = arguments.get(p);
                    s.append(' ').append(p).append('=').append(v).append(':').append(v == null ? "null" : v.getClass().getSimpleName());
                }
            }
            return s.toString();
        }
    }

    /**
     * {@code cancel_then_query(table)}: cancels its own session, then runs a query through it. The
     * cancel arrives before the query starts, so the query must stop anyway (SQLSTATE 57014).
     */
    static final class CancelThenQuery implements Procedure {
        @Override
        public String name() {
            return "cancel_then_query";
        }

        @Override
        public List<String> parameters() {
            return List.of("table");
        }

        @Override
        public String call(Session session, Map<String, Object> arguments) {
            session.cancel();
            try (var r = session.execute("SELECT count(*) FROM " + arguments.get("table"))) {
                return "RAN " + r.rows().get(0).getLong(0);
            }
        }
    }

    /** {@code fill(table, rows)}: inserts rows 1..n into a one-column table. */
    static final class Fill implements Procedure {
        @Override
        public String name() {
            return "fill";
        }

        @Override
        public List<String> parameters() {
            return List.of("table", "rows");
        }

        @Override
        public String call(Session session, Map<String, Object> arguments) {
            Object table = arguments.get("table");
            Object rows = arguments.get("rows");
            if (!(table instanceof String) || !(rows instanceof Long)) {
                throw new QuiverException(SqlState.INVALID_PARAMETER_VALUE, "fill needs a table name and a row count");
            }
            long n = (Long) rows;
            StringBuilder values = new StringBuilder();
            for (long i = 1; i <= n; i++) {
                values.append(i == 1 ? "" : ", ").append('(').append(i).append(')');
            }
            session.execute("INSERT INTO " + table + " VALUES " + values).close();
            return "FILL " + n;
        }
    }

    static final class Failing implements Procedure {
        private final String name;
        private final boolean quiver;

        Failing(String name, boolean quiver) {
            this.name = name;
            this.quiver = quiver;
        }

        @Override
        public String name() {
            return name;
        }

        @Override
        public List<String> parameters() {
            return List.of();
        }

        @Override
        public String call(Session session, Map<String, Object> arguments) {
            if (quiver) {
                throw new QuiverException(SqlState.INVALID_PARAMETER_VALUE, "fail_sql always fails; call something else");
            }
            throw new IllegalStateException("boom");
        }
    }

    /** {@code fail_heap()}: throws the OutOfMemoryError a JVM whose heap ran out would throw. */
    static final class OutOfHeap implements Procedure {
        @Override
        public String name() {
            return "fail_heap";
        }

        @Override
        public List<String> parameters() {
            return List.of();
        }

        @Override
        public String call(Session session, Map<String, Object> arguments) {
            throw new OutOfMemoryError("Java heap space");
        }
    }
}
