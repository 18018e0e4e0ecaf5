package dev.quiver.fuzz;

/** A way to find wrong results: generates a case from a query generator and judges it. */
interface QueryOracle {
    /** The oracle's name in reports and failure files: {@code differential}, {@code tlp}, {@code norec}. */
    String name();

    /** Whether the oracle compares with another engine (whose bugs the generator must then steer around). */
    default boolean comparesWithReference() {
        return false;
    }

    /** Generates one case with {@code generator} (whose randomness fixes the case) and runs it. */
    CaseResult check(QueryGenerator generator, FuzzRandom random);
}
