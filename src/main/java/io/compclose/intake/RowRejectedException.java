package io.compclose.intake;

/** Thrown while parsing one row; caught by the processor and turned into a {@link Reject}. */
public class RowRejectedException extends RuntimeException {

    private final String column;
    private final String rawValue;

    public RowRejectedException(String column, String reason, String rawValue) {
        super(reason);
        this.column = column;
        this.rawValue = rawValue;
    }

    public Reject toReject(CsvRow row) {
        return new Reject(row.file(), row.line(), column, getMessage(), rawValue == null ? "" : rawValue);
    }
}
