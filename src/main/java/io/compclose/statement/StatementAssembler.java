package io.compclose.statement;

import java.math.BigDecimal;
import java.time.YearMonth;
import java.util.List;

import io.compclose.intake.RepAssignment;
import io.compclose.intake.Roster;
import io.compclose.plan.Plan;
import io.compclose.plan.PlanCatalog;

/**
 * Gathers what one rep's statement shows, and refuses to produce a statement whose total differs
 * from what payroll pays the rep: the statement and the payroll file agree to the cent.
 */
public final class StatementAssembler {

    public static final int VERSION = 1;

    private final YearMonth period;
    private final Roster roster;
    private final PlanCatalog plans;
    private final StatementRepository repository;

    public StatementAssembler(YearMonth period, Roster roster, PlanCatalog plans, StatementRepository repository) {
        this.period = period;
        this.roster = roster;
        this.plans = plans;
        this.repository = repository;
    }

    public StatementDocument assemble(String repId) {
        RepAssignment rep = roster.forPeriod(repId, period).orElseThrow(() ->
                new IllegalStateException("rep " + repId + " has no assignment in " + period));
        Plan plan = plans.effective(rep.planId(), lastActiveDay(rep)).orElse(null);
        List<StatementLine> lines = repository.lines(period.toString(), repId, rep.payCurrency());
        BigDecimal total = lines.stream().map(StatementLine::commission).reduce(BigDecimal.ZERO, BigDecimal::add)
                .setScale(2);
        BigDecimal payroll = repository.payout(period.toString(), repId, rep.payCurrency());
        if (total.compareTo(payroll) != 0) {
            throw new IllegalStateException("statement of rep " + repId + " totals " + total + " "
                    + rep.payCurrency() + " but payroll pays " + payroll);
        }
        String planName = plan == null ? rep.planId() : plan.name();
        List<String> used = repository.explanations(period.toString(), repId);
        String note = !used.isEmpty() ? String.join("\n", used)
                : plan == null ? "" : plan.id() + " v" + plan.version() + ": " + plan.components().get(0).explanation();
        return new StatementDocument(period, repId, rep.employeeId(), rep.name(), rep.role().name(), rep.planId(),
                planName, rep.payCurrency(), lines, total, note);
    }

    private java.time.LocalDate lastActiveDay(RepAssignment rep) {
        java.time.LocalDate end = period.atEndOfMonth();
        return rep.effectiveTo() != null && rep.effectiveTo().isBefore(end) ? rep.effectiveTo() : end;
    }
}
