package io.compclose.intake;

/**
 * An input row not taken as it stands: where it was, which column broke which rule, and the raw
 * value. {@link Kind#DUPLICATE} marks an identical re-delivery, which is harmless but must still
 * be accounted for when source rows are reconciled.
 *
 * @param bookingId the booking a rejected bookings.csv or splits.csv row names, when its cell could be read; else null
 * @param repId     the rep such a row names, likewise: the rep whose statement lists the reject
 */
public record Reject(String file, long line, String column, String reason, String rawValue, Kind kind,
        String bookingId, String repId) {

    public enum Kind {
        REJECTED, DUPLICATE
    }

    public Reject(String file, long line, String column, String reason, String rawValue) {
        this(file, line, column, reason, rawValue, Kind.REJECTED);
    }

    public Reject(String file, long line, String column, String reason, String rawValue, Kind kind) {
        this(file, line, column, reason, rawValue, kind, null, null);
    }

    /** This reject, naming the booking and the rep of its row. */
    Reject naming(String booking, String rep) {
        return new Reject(file, line, column, reason, rawValue, kind, booking, rep);
    }

    static Reject duplicate(CsvRow row, String column, long firstLine) {
        return new Reject(row.file(), row.line(), column, "identical re-delivery of line " + firstLine
                + " (counted once)", row.values().getOrDefault(column, ""), Kind.DUPLICATE);
    }
}
