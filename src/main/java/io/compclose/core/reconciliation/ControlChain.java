package io.compclose.core.reconciliation;

import java.util.List;
import java.util.Map;

/**
 * The control totals in the order the money flows, source rows to payroll, each with what it
 * counts in words, so the close summary reads as a chain rather than an alphabetical list.
 */
public final class ControlChain {

    /** Stage names in flow order; a file's stages ({@code bookings.csv:read}, ...) come first. */
    private static final List<String> ORDER = List.of(":read", ":accepted", ":rejected", ":duplicate",
            ":redelivered", ":acv_read", ":acv_rejected", ":acv_duplicate", ":amount_read", ":amount_rejected",
            ":amount_duplicate", "booked_acv", "credited_acv_booked_currency", "uncredited_acv", "credited_acv",
            "usage_revenue", "usage_replaced", "usage_unowned", "adjustments", "adjustment_lines", "earning_lines",
            "ledger_earned_to_date", "pay_lines", "ledger_payout", "payout", "payroll_file", "payroll_correction_file", "statements");

    private static final Map<String, String> MEANING = Map.ofEntries(
            Map.entry(":read", "rows in the file"),
            Map.entry(":accepted", "rows accepted"),
            Map.entry(":rejected", "rows rejected (see below)"),
            Map.entry(":duplicate", "identical re-deliveries, counted once"),
            Map.entry(":acv_read", "ACV in the file"),
            Map.entry(":acv_rejected", "ACV of the rows rejected"),
            Map.entry(":acv_duplicate", "ACV of the identical re-deliveries"),
            Map.entry(":amount_read", "amounts in the file"),
            Map.entry(":amount_rejected", "amounts of the rows rejected"),
            Map.entry(":amount_duplicate", "amounts of the identical re-deliveries"),
            Map.entry("booked_acv", "ACV of the accepted bookings, booking currency"),
            Map.entry("credited_acv_booked_currency", "primary credit, booking currency"),
            Map.entry("uncredited_acv", "ACV no crediting rule credited"),
            Map.entry("credited_acv", "primary credit, pay currency"),
            Map.entry("adjustments", "manual adjustments accepted"),
            Map.entry("adjustment_lines", "their pay lines"),
            Map.entry("earning_lines", "commission earned, line by line"),
            Map.entry("ledger_earned_to_date", "the reps' earned to date"),
            Map.entry("pay_lines", "pay lines after caps, draws, clawbacks, true-up"),
            Map.entry("ledger_payout", "the reps' payout in their ledgers"),
            Map.entry("payout", "payouts by rep and earning code"),
            Map.entry("payroll_file", "the payroll file as written"),
            Map.entry("payroll_correction_file", "the correction file as written"),
            Map.entry("statements", "the statements as rendered"));

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

    public static String meaning(String stage) {
        int colon = stage.indexOf(':');
        return MEANING.get(colon > 0 ? stage.substring(colon) : stage);
    }
}
