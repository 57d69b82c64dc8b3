package io.compclose.statement;

import java.math.BigDecimal;
import java.util.List;

/**
 * What the close's tables say about one rep, for its statement.
 *
 * @param lines        the earning lines dated in the period, in the rep's pay currency, with the booking behind each
 * @param payLines     what the rep is paid, line by line, in the order the settlement produced them
 * @param payrollFile  what the period's payroll files up to the close's revision pay the rep
 * @param alreadyPaid  what the period's payroll files of earlier revisions paid the rep (zero on a first close)
 * @param earnedBefore earned in earlier periods of the plan year, as recomputed in this period's calculation
 * @param plansUsed    the plan versions behind the rep's earning lines of the period, as "PLAN v2"
 * @param yearToDate   the rep's ledger after the period, earned to date as it settled it included
 * @param notPaid      the rep's bookings cancelled without a clawback line, and those held (not credited)
 * @param history      each month of the plan year up to the period, oldest first
 * @param corrections  the rep's deals correcting a locked month, each with its old and new values, in words
 * @param rejected     the rows of the period's bookings.csv and splits.csv naming the rep that intake rejected
 */
public record StatementFacts(List<StatementLine> lines, List<StatementPayLine> payLines, BigDecimal payrollFile,
        BigDecimal alreadyPaid, BigDecimal earnedBefore, List<String> plansUsed, YearToDate yearToDate, List<StatementAttainment> attainments,
        List<StatementCap> caps, List<StatementNotPaid> notPaid, List<StatementMonth> history,
        List<String> corrections, List<StatementRejectedRow> rejected) {
}
