package io.compclose.intake;

/**
 * An input row not taken as it stands: where it was, which column broke which rule, and the raw
 * value. {@link Kind#DUPLICATE} marks an identical re-delivery, which is harmless but must still
 * be accounted for when source rows are reconciled.
 */
public record Reject(String file, long line, String column, String reason, String rawValue, Kind kind) {

    public enum Kind {
        REJECTED, DUPLICATE
    }

    public Reject(String file, long line, String column, String reason, String rawValue) {
        this(file, line, column, reason, rawValue, Kind.REJECTED);
    }

    static Reject duplicate(CsvRow row, String column, long firstLine) {
        return new Reject(row.file(), row.line(), column, "identical re-delivery of line " + firstLine
                + " (counted once)", row.values().getOrDefault(column, ""), Kind.DUPLICATE);
    }
}
