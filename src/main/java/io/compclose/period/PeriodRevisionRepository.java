package io.compclose.period;

import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Repository;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

import io.compclose.core.plan.PayPeriod;
import io.compclose.intake.InputFile;

/**
 * Reopens a closed period for a revision: the period's inputs and everything computed from them are
 * cleared, so the corrected inbox is read as a whole (a booking dropped from it is gone, not kept).
 * What reached people stays: the statements sent and their figures, the delivery log, and what each
 * payroll file carried, which the revision's correction file and revised statements are measured
 * against.
 */
@Repository
public class PeriodRevisionRepository {

    /** Every table of the close keyed by pay period, except the record of what was sent. */
    static final List<String> RECOMPUTED = List.of(
            "rep_assignment", "fx_rate", "booking", "booking_split", "cancellation", "rep_figure", "account_owner",
            "billed_usage", "usage_redelivery", "account_usage", "adjustment", "intake_reject", "credit",
            "credit_exception", "earning_line", "pay_line", "cap_effect", "component_attainment", "rep_ledger",
            "payout", "control_total");

    /**
     * The rows each step after intake writes: a restart that reads a changed input again clears what the
     * steps from the one reading it on wrote, and they run again. An intake step's rows and rejects are
     * those of its file ({@link InputFile}).
     */
    private static final Map<String, List<String>> WRITTEN_BY = Map.of(
            "creditBookings", List.of("credit", "credit_exception"),
            "summariseUsage", List.of("usage_redelivery", "account_usage"),
            "calculateEarnings", List.of("earning_line", "pay_line", "cap_effect", "component_attainment",
                    "rep_ledger"),
            "summarisePayouts", List.of("payout"),
            "reconcile", List.of("control_total"));

    private final JdbcTemplate jdbc;

    private final TransactionTemplate transaction;

    public PeriodRevisionRepository(JdbcTemplate jdbc, PlatformTransactionManager transactionManager) {
        this.jdbc = jdbc;
        this.transaction = new TransactionTemplate(transactionManager);
    }

    /**
     * The latest later period that has been calculated, if any: its true-up started from this
     * period's figures, so this period can no longer be revised (a correction belongs in the next
     * open period).
     */
    public Optional<String> laterPeriodClosed(PayPeriod period) {
        return Optional.ofNullable(jdbc.queryForObject(
                "SELECT MAX(pay_period) FROM rep_ledger WHERE pay_period > ?", String.class, period.toString()));
    }

    /** Clears the period's computed rows; run in one transaction, so it happens whole or not at all. */
    public void reopen(PayPeriod period) {
        for (String table : RECOMPUTED) {
            // table names are this class's constants, never input
            jdbc.update("DELETE FROM " + table + " WHERE pay_period = ?", period.toString());
        }
    }

    /**
     * Clears what the given steps of a close wrote for the period, so they can run again on changed
     * inputs as if for the first time; an approval of the figures they made no longer holds either.
     * Only before anything was paid or sent: what reached people is never cleared here.
     */
    public void clearWrittenBy(PayPeriod period, int revision, Collection<String> steps) {
        transaction.executeWithoutResult(status -> clear(period.toString(), revision, steps));
    }

    private void clear(String key, int revision, Collection<String> steps) {
        for (String step : steps) {
            for (String table : WRITTEN_BY.getOrDefault(step, List.of())) {
                // table names are this class's constants, never input
                jdbc.update("DELETE FROM " + table + " WHERE pay_period = ?", key);
            }
            InputFile.readBy(step).ifPresent(file -> {
                jdbc.update("DELETE FROM intake_reject WHERE pay_period = ? AND source_file = ?", key, file.fileName());
                if (file.ownsTable()) {
                    jdbc.update("DELETE FROM " + file.table() + " WHERE pay_period = ?", key);
                } else {
                    jdbc.update("DELETE FROM " + file.table() + " WHERE pay_period = ? AND source_file = ?", key,
                            file.fileName());
                }
            });
        }
        if (steps.contains("reviewGate")) {
            jdbc.update("DELETE FROM review_exception WHERE pay_period = ? AND revision = ?", key, revision);
            jdbc.update("DELETE FROM close_approval WHERE pay_period = ? AND revision = ?", key, revision);
        }
    }
}
