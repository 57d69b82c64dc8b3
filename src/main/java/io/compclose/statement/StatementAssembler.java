package io.compclose.statement;

import java.math.BigDecimal;
import java.time.YearMonth;
import java.util.List;

import io.compclose.intake.RepAssignment;
import io.compclose.intake.Roster;
import io.compclose.plan.Plan;
import io.compclose.plan.PlanCatalog;
import io.compclose.plan.PlanComponent;
import io.compclose.reconciliation.ControlBreakException;
import io.compclose.reconciliation.Tie;

/**
 * Gathers what one rep's statement shows, and refuses to produce a statement whose total differs
 * from what the period's payroll files pay the rep: the statement and the payroll file agree to the cent.
 */
public final class StatementAssembler {

    private final YearMonth period;
    private final int revision;
    private final Roster roster;
    private final PlanCatalog plans;
    private final StatementRepository repository;

    /** @param revision the close's revision: the payroll files up to it are what the rep is paid */
    public StatementAssembler(YearMonth period, int revision, Roster roster, PlanCatalog plans,
            StatementRepository repository) {
        this.period = period;
        this.revision = revision;
        this.roster = roster;
        this.plans = plans;
        this.repository = repository;
    }

    public StatementDocument assemble(String repId) {
        RepAssignment rep = roster.forPeriod(repId, period).orElseThrow(() ->
                new IllegalStateException("rep " + repId + " has no assignment in " + period));
        String key = period.toString();
        Plan plan = plans.effective(rep.planId(), rep.lastActiveDayIn(period)).orElse(null);
        List<StatementLine> lines = repository.lines(key, repId, rep.payCurrency());
        List<StatementPayLine> pay = repository.payLines(key, repId, rep.payCurrency());
        BigDecimal total = pay.stream().map(StatementPayLine::amount).reduce(BigDecimal.ZERO, BigDecimal::add)
                .setScale(2);
        Tie payroll = new Tie(rep.payCurrency(), "statement total", total, "payroll file",
                repository.payrollFile(key, revision, repId, rep.payCurrency()));
        if (!payroll.holds()) {
            throw new ControlBreakException("the statement of rep " + repId + " does not tie to the payroll file",
                    List.of(payroll));
        }
        String planName = plan == null ? rep.planId() : plan.name();
        return new StatementDocument(period, repId, rep.employeeId(), rep.name(), rep.role().name(), rep.planId(),
                planName, rep.payCurrency(), lines, repository.earnedBefore(key, repId),
                repository.earnedToDate(key, repId), pay, total, note(repository.plansUsed(key, repId), plan),
                repository.yearToDate(key, repId), repository.attainments(key, repId), repository.caps(key, repId),
                null);
    }

    /** How each plan version behind the lines computes them: one line per component. */
    private String note(List<String> used, Plan current) {
        List<Plan> versions = plans.plans().stream().filter(p -> used.contains(p.id() + " v" + p.version()))
                .toList();
        if (versions.isEmpty() && current != null) {
            versions = List.of(current);
        }
        List<String> notes = new java.util.ArrayList<>();
        for (Plan p : versions) {
            for (PlanComponent c : p.components()) {
                notes.add(p.id() + " v" + p.version() + " " + c.id() + ": " + ComponentNote.of(p, c));
            }
        }
        notes.add("Commission due = earned to date − commission paid in earlier periods of the plan year; "
                + "each line is rounded half-even to the cent.");
        return String.join("\n", notes);
    }
}
