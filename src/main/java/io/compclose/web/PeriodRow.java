package io.compclose.web;

import java.util.List;

/**
 * One period as the console lists it.
 *
 * @param payouts  the payout per currency, "USD 236,820.46"
 * @param changes  beside each payout, its change against the period before ("+1,200.00"), or "new"
 * @param lastRun  the last close's outcome and when it ended, "completed 2026-11-02 09:14"
 */
public record PeriodRow(String period, String state, String lastRun, List<String> payouts, List<String> changes,
        int repsPaid, long exceptions, String approval, long rejectedRows) {
}
