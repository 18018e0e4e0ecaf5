package dev.quiver.parser.ast;

/** The units an interval literal or EXTRACT can name. */
public enum IntervalField {
    YEAR, MONTH, DAY, HOUR, MINUTE, SECOND
}
