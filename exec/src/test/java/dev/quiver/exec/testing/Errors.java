package dev.quiver.exec.testing;

import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.quiver.error.QuiverException;
import org.assertj.core.api.ThrowableAssert.ThrowingCallable;

/** Assertions on the SQLSTATE of a failure. */
public final class Errors {
    private Errors() {
    }

    /** Asserts that the call fails with a {@link QuiverException} of the given SQLSTATE; returns it. */
    public static QuiverException assertSqlState(String sqlState, ThrowingCallable call) {
        QuiverException[] caught = new QuiverException[1];
        assertThatThrownBy(call).isInstanceOf(QuiverException.class)
                .satisfies(e -> caught[0] = (QuiverException) e)
                .extracting(e -> ((QuiverException) e).sqlState()).isEqualTo(sqlState);
        return caught[0];
    }
}
