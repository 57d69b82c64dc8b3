package io.compclose.core.reconciliation;

import java.util.List;
import java.util.Map;

/**
 * The control totals in the order the money flows, source rows to payroll, each labelled in words, so
 * the close summary reads as a chain rather than an alphabetical list of keys.
 */
public final class ControlChain {

    /** Stage names in flow order; a file's stages ({@code bookings.csv:read}, ...) come first. */
    private static final List<String> ORDER = List.of(":read", ":accepted", ":rejected", ":duplicate",
            ":redelivered", ":acv_read", ":acv_rejected", ":acv_duplicate", ":amount_read", ":amount_rejected",
            ":amount_duplicate", "booked_acv", "credited_acv_booked_currency", "uncredited_acv", "credited_acv",
            "usage_revenue", "usage_summarised_delivered", "usage_replaced", "usage_summarised_replaced",
            "usage_unowned", "adjustments", "inquiry_adjustments", "adjustment_lines", "earning_lines",
            "ledger_earned_to_date", "pay_lines", "ledger_payout", "payout", "payroll_file", "payroll_correction_file", "statements");

    /** What each stage counts, for a person; {@code %s} is the file. Period or year to date is said where it matters. */
    private static final Map<String, String> LABEL = Map.ofEntries(
            Map.entry(":read", "Rows read from %s"),
            Map.entry(":accepted", "Rows accepted from %s"),
            Map.entry(":rejected", "Rows rejected from %s (see below)"),
            Map.entry(":duplicate", "Identical re-deliveries in %s, counted once"),
            Map.entry(":acv_read", "Bookings ACV read from %s"),
            Map.entry(":acv_rejected", "ACV of the rows rejected from %s"),
            Map.entry(":acv_duplicate", "ACV of the identical re-deliveries in %s"),
            Map.entry(":amount_read", "Adjustment amounts read from %s"),
            Map.entry(":amount_rejected", "Amounts of the rows rejected from %s"),
            Map.entry(":amount_duplicate", "Amounts of the identical re-deliveries in %s"),
            Map.entry("booked_acv", "ACV booked (period), accepted bookings, booking currency"),
            Map.entry("credited_acv_booked_currency", "Primary credit (period), booking currency"),
            Map.entry("uncredited_acv", "ACV no crediting rule credited (period)"),
            Map.entry("credited_acv", "Primary credit (period), pay currency"),
            Map.entry("usage_revenue", "Usage revenue delivered (period)"),
            Map.entry("usage_replaced", "Usage replaced by later deliveries (period)"),
            Map.entry("usage_unowned", "Usage of accounts no one owns (period)"),
            Map.entry("usage_summarised_delivered", "Usage summarised by account (period)"),
            Map.entry("usage_summarised_replaced", "Usage summarised as replaced (period)"),
            Map.entry("adjustments", "Manual adjustments accepted (period)"),
            Map.entry("inquiry_adjustments", "Adjustments inquiries were resolved with (period)"),
            Map.entry("adjustment_lines", "Pay lines of the manual adjustments (period)"),
            Map.entry("earning_lines", "Commission earned, earning lines (year to date)"),
            Map.entry("ledger_earned_to_date", "The reps' ledgers, earned to date (year to date)"),
            Map.entry("pay_lines", "Pay lines after caps, draws, clawbacks, true-up (period)"),
            Map.entry("ledger_payout", "The reps' ledgers, payout (period)"),
            Map.entry("payout", "Payouts by rep and earning code (period)"),
            Map.entry("payroll_file", "The payroll file as written (period)"),
            Map.entry("payroll_correction_file", "The correction file as written (period)"),
            Map.entry("statements", "The statements as rendered (period)"));

    private ControlChain() {
    }

    /** Sorts a file's stages together (files by name), then the rest of the chain in flow order. */
    public static String sortKey(String stage) {
        int colon = stage.indexOf(':');
        return String.format(java.util.Locale.ROOT, "%d|%s|%02d", colon > 0 ? 0 : 1,
                colon > 0 ? stage.substring(0, colon) : "", rank(colon > 0 ? stage.substring(colon) : stage));
    }

    private static int rank(String stage) {
        int i = ORDER.indexOf(stage);
        return i < 0 ? ORDER.size() : i;
    }

    /** The stage in words, e.g. "Bookings ACV read from bookings.csv" for {@code bookings.csv:acv_read}. */
    public static String label(String stage) {
        int colon = stage.indexOf(':');
        String label = LABEL.get(colon > 0 ? stage.substring(colon) : stage);
        return label == null ? stage : label.formatted(colon > 0 ? stage.substring(0, colon) : "");
    }
}
