package io.compclose.statement;

import java.math.BigDecimal;
import java.util.List;
import io.compclose.core.plan.PayPeriod;

/**
 * Everything printed on one rep's monthly commission statement: the earning lines of the period,
 * how earned-to-date is made up, and the pay lines whose sum is the payout. The total is carried,
 * not derived, because it is the figure that goes to payroll; the statement must show exactly that.
 *
 * @param planPeriods  the plan versions the rep was on in the period, with their days, in date order
 * @param earnedBefore earned in earlier periods of the plan year, as recomputed this period
 * @param earnedToDate earned in the plan year up to this period (earning lines, after per-deal caps)
 * @param alreadyPaid  of the total, what payroll files of earlier revisions of the period paid
 * @param attainments  each component against its quota in the window that holds the period
 * @param caps         what each cap removed this period
 * @param notPaid      the rep's bookings the pay does not move (cancelled with nothing recovered, held) and rows
 *                     of theirs intake rejected, in words
 * @param corrections  the rep's deals correcting a locked month, each with its old and new values, in words
 * @param history      each month of the plan year up to the period: payout and the lead component's attainment
 * @param revision     what this statement replaces and what changed, or null for a period's first statement
 */
public record StatementDocument(PayPeriod period, String repId, String employeeId, String repName, String role,
        String planId, String planName, List<PlanPeriod> planPeriods, String payCurrency, List<StatementLine> lines,
        BigDecimal earnedBefore, BigDecimal earnedToDate, List<StatementPayLine> payLines, BigDecimal totalCommission, BigDecimal alreadyPaid,
        String calculationNote,
        YearToDate yearToDate, List<StatementAttainment> attainments, List<StatementCap> caps, List<String> notPaid,
        List<StatementMonth> history, List<String> corrections, StatementRevision revision) {

    public StatementDocument {
        planPeriods = List.copyOf(planPeriods);
        lines = List.copyOf(lines);
        payLines = List.copyOf(payLines);
        attainments = List.copyOf(attainments);
        caps = List.copyOf(caps);
        notPaid = List.copyOf(notPaid);
        history = List.copyOf(history);
        corrections = List.copyOf(corrections);
    }

    /** The same statement, revising one already sent. */
    public StatementDocument revising(StatementRevision replaces) {
        return new StatementDocument(period, repId, employeeId, repName, role, planId, planName, planPeriods,
                payCurrency, lines, earnedBefore, earnedToDate, payLines, totalCommission, alreadyPaid, calculationNote, yearToDate,
                attainments, caps, notPaid, history, corrections, replaces);
    }

    /** A pay line's reason as the statement prints it (amounts grouped, the true-up written out to the line). */
    public String why(StatementPayLine line) {
        return PayLineWhy.of(line, this);
    }

    public BigDecimal totalCredited() {
        return bookings().stream().map(StatementLine::credited).reduce(BigDecimal.ZERO, BigDecimal::add);
    }

    public int bookingCount() {
        return bookings().size();
    }

    /** Earned by this period's lines. */
    public BigDecimal earnedThisPeriod() {
        return lines.stream().map(StatementLine::commission).reduce(BigDecimal.ZERO, BigDecimal::add);
    }

    private List<StatementLine> bookings() {
        return lines.stream().filter(StatementLine::isBooking).toList();
    }
}
