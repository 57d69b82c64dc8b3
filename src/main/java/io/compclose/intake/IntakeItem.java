package io.compclose.intake;

/** The outcome of validating one row: either the accepted value or the reject, never both. */
public record IntakeItem<T>(T accepted, Reject reject) {

    public static <T> IntakeItem<T> accept(T value) {
        return new IntakeItem<>(value, null);
    }

    public static <T> IntakeItem<T> reject(Reject reject) {
        return new IntakeItem<>(null, reject);
    }

    public boolean isAccepted() {
        return accepted != null;
    }

    /**
     * A row whose id was accepted before, on {@code earlierLine}: with the same content it is a
     * harmless re-delivery, counted once; with different content it is rejected.
     */
    static <T> IntakeItem<T> redelivery(CsvRow row, String column, String id, long earlierLine, boolean sameContent) {
        return reject(sameContent ? Reject.duplicate(row, column, earlierLine) : new Reject(row.file(), row.line(),
                column, "duplicate of line " + earlierLine + " with different content", id == null ? "" : id));
    }
}
