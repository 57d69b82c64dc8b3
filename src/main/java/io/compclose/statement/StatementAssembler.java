package io.compclose.statement;

import java.math.BigDecimal;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

import io.compclose.core.calculation.InForce;
import io.compclose.core.input.RepAssignment;
import io.compclose.core.input.Roster;
import io.compclose.core.plan.PayPeriod;
import io.compclose.core.plan.Plan;
import io.compclose.core.plan.PlanCatalog;
import io.compclose.core.plan.PlanComponent;
import io.compclose.core.plan.PlanTerms;
import io.compclose.core.reconciliation.ControlBreakException;
import io.compclose.core.reconciliation.Tie;
import io.compclose.partition.RepBlocks;

/**
 * Gathers what one rep's statement shows, and refuses to produce a statement whose total differs
 * from what the period's payroll files pay the rep: the statement and the payroll file agree to the cent.
 * Reps come in rep id order, and their facts are read a block of reps at a time.
 */
public final class StatementAssembler {

    /** Reps read together: a manager's statement can hold thousands of lines, and a block waits in memory. */
    static final int BLOCK = 50;

    private final PayPeriod period;
    private final int revision;
    private final Roster roster;
    private final PlanCatalog plans;
    private final StatementRepository repository;
    private final RepBlocks blocks;
    private final PayoutSource source;
    private Map<String, StatementFacts> block = new HashMap<>();

    /**
     * @param revision the close's revision: the payroll files up to it are what the rep is paid
     * @param lastRep  the last rep of the range the step runs, or null when it runs them all
     */
    public StatementAssembler(PayPeriod period, int revision, Roster roster, PlanCatalog plans,
            StatementRepository repository, String lastRep) {
        this(period, revision, roster, plans, repository, lastRep, PayoutSource.PAYROLL_FILES);
    }

    /** @param source where the pay the statement must equal is read: a draft's, before export, from the payouts */
    public StatementAssembler(PayPeriod period, int revision, Roster roster, PlanCatalog plans,
            StatementRepository repository, String lastRep, PayoutSource source) {
        this.source = source;
        this.period = period;
        this.revision = revision;
        this.roster = roster;
        this.plans = plans;
        this.repository = repository;
        this.blocks = new RepBlocks(roster, period, lastRep, BLOCK);
    }

    public StatementDocument assemble(String repId) {
        RepAssignment rep = assignment(repId);
        StatementFacts facts = block.remove(repId);
        if (facts == null) {
            Map<String, String> payCurrencies = new LinkedHashMap<>();
            blocks.from(repId).forEach(r -> payCurrencies.put(r, assignment(r).payCurrency()));
            block = repository.facts(period.toString(), revision, payCurrencies, source);
            facts = block.remove(repId);
        }
        Plan plan = plans.effective(rep.planId(), rep.lastActiveDayIn(period)).orElse(null);
        List<StatementPayLine> pay = facts.payLines();
        BigDecimal total = pay.stream().map(StatementPayLine::amount).reduce(BigDecimal.ZERO, BigDecimal::add)
                .setScale(2);
        Tie payroll = new Tie(rep.payCurrency(), "statement total", total, source.label(), facts.payrollFile());
        if (!payroll.holds()) {
            throw new ControlBreakException("the statement of rep " + repId + " does not tie to the " + source.label(),
                    List.of(payroll));
        }
        String planName = plan == null ? rep.planId() : plan.name();
        return new StatementDocument(period, repId, rep.employeeId(), rep.name(), rep.role().name(), rep.planId(),
                planName, PlanPeriod.of(roster.assignments(repId), plans, period), rep.payCurrency(), facts.lines(), facts.earnedBefore(), facts.yearToDate().earnedToDate(),
                pay, total, facts.alreadyPaid(), note(facts.plansUsed(), plan), facts.yearToDate(), facts.attainments(), facts.caps(),
                Stream.concat(facts.notPaid().stream().map(n -> n.describe(plan)),
                        facts.rejected().stream().map(StatementRejectedRow::describe)).toList(), facts.history(),
                facts.corrections(), null);
    }

    private RepAssignment assignment(String repId) {
        return roster.forPeriod(repId, period).orElseThrow(() ->
                new IllegalStateException("rep " + repId + " has no assignment in " + period));
    }

    /** The part of the period's plan year a prorated version is in force; null when it is not prorated. */
    private InForce inForce(Plan plan) {
        return plan.proration() == null ? null : InForce.ofYear(plan,
                plans.plans().stream().filter(p -> p.id().equals(plan.id())).toList(), period.month(),
                repository.fiscalYear());
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
                notes.add(p.id() + " v" + p.version() + " " + c.id() + ": " + ComponentNote.of(p, c, inForce(p)));
            }
            for (PlanTerms.Spiff s : p.spiffs()) {
                notes.add(p.id() + " v" + p.version() + " SPIFF " + s.id() + ": " + ComponentNote.ofSpiff(p, s));
            }
        }
        notes.add("Commission due = earned to date − commission paid in earlier periods of the plan year; "
                + "each line is rounded half-even to the cent.");
        return String.join("\n", notes);
    }
}
