package io.compclose.period;

import java.time.YearMonth;
import java.util.List;

import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Repository;

/**
 * Reopens a closed period for a revision: the period's inputs and everything computed from them are
 * cleared, so the corrected inbox is read as a whole (a booking dropped from it is gone, not kept).
 * What reached people stays: the statements sent and their figures, the delivery log, and what each
 * payroll file carried, which the revision's correction file and revised statements are measured
 * against.
 */
@Repository
public class PeriodRevision {

    /** Every table of the close keyed by pay period, except the record of what was sent. */
    static final List<String> RECOMPUTED = List.of(
            "rep_assignment", "fx_rate", "booking", "booking_split", "cancellation", "rep_figure", "account_owner",
            "billed_usage", "usage_redelivery", "account_usage", "adjustment", "intake_reject", "credit",
            "credit_exception", "earning_line", "pay_line", "cap_effect", "component_attainment", "rep_ledger",
            "payout", "control_total");

    private final JdbcTemplate jdbc;

    public PeriodRevision(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    /**
     * The latest later period that has been calculated, if any: its true-up started from this
     * period's figures, so this period can no longer be revised (a correction belongs in the next
     * open period).
     */
    public java.util.Optional<String> laterPeriodClosed(YearMonth period) {
        return java.util.Optional.ofNullable(jdbc.queryForObject(
                "SELECT MAX(pay_period) FROM rep_ledger WHERE pay_period > ?", String.class, period.toString()));
    }

    /** Clears the period's computed rows; run in one transaction, so it happens whole or not at all. */
    public void reopen(YearMonth period) {
        for (String table : RECOMPUTED) {
            // table names are this class's constants, never input
            jdbc.update("DELETE FROM " + table + " WHERE pay_period = ?", period.toString());
        }
    }
}
