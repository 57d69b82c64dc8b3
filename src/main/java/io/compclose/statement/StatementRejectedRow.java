package io.compclose.statement;

import io.compclose.system.ColumnText;

/**
 * A row of the rep that intake rejected (bookings.csv, splits.csv): it pays nothing this period, and the
 * rep sees which row and why, to have it delivered again, fixed.
 *
 * @param bookingId the booking the row names, or null when its cell could not be read
 * @param column    the column that broke a rule, or blank when the row as a whole did
 */
public record StatementRejectedRow(String bookingId, String file, long line, String column, String reason,
        String rawValue) {

    /** A raw value longer than this is cut: the statement names it, the rejects file holds it whole. */
    private static final int RAW_SHOWN = 40;

    /**
     * In words: "B-2001 bookings.csv line 9: acv '12,500.00' rejected, not a decimal number (use '.' and no
     * thousands separator): not paid this period".
     */
    public String describe() {
        String where = (bookingId == null ? "" : bookingId + " ") + file + " line " + line;
        String what = column == null || column.isBlank() ? "row"
                : rawValue == null || rawValue.isEmpty() ? column
                : column + " '" + ColumnText.fit(rawValue, RAW_SHOWN) + "'";
        return where + ": " + what + " rejected, " + reason + ": not paid this period";
    }
}
