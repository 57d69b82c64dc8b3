package io.compclose.core.calculation;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.Currency;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Function;
import java.util.function.Predicate;
import java.util.stream.Stream;

import io.compclose.core.input.BadInputException;
import io.compclose.core.input.RepAssignment;
import io.compclose.core.input.Roster;
import io.compclose.core.money.Money;
import io.compclose.core.plan.FiscalYear;
import io.compclose.core.plan.Metric;
import io.compclose.core.plan.PayPeriod;
import io.compclose.core.plan.PaySchedule;
import io.compclose.core.plan.Plan;
import io.compclose.core.plan.PlanCatalog;
import io.compclose.core.plan.PlanComponent;
import io.compclose.core.plan.PlanTerms;

/**
 * Closes one rep's period with the core: finds the plan version behind every deal of the year and
 * the version in force at the period's end, runs {@link RepCalculator}, and numbers every line for
 * storage. Plain Java: the calculation step reads the history, calls this, and writes the result.
 */
public final class RepCloseCalculator {

    private static final String NOT_COUNTED = "NOT_COUNTED";

    private final PayPeriod period;
    private final PaySchedule schedule;
    private final YearMonth month;
    private final FiscalYear fiscal;
    private final PlanCatalog plans;
    private final Roster roster;
    private final RepCalculator core;
    private final Function<String, Predicate<Object>> conditions;
    private final Teammates teammates;

    /**
     * @param teammates what the team pools of a rep read of their teammates
     */
    public RepCloseCalculator(YearMonth period, PlanCatalog plans, Roster roster,
            Function<String, Predicate<Object>> conditions, Teammates teammates) {
        this(period, FiscalYear.CALENDAR, plans, roster, conditions, teammates);
    }

    /** @param fiscal the company's plan year, which the year's deals, windows and pools follow */
    public RepCloseCalculator(YearMonth period, FiscalYear fiscal, PlanCatalog plans, Roster roster,
            Function<String, Predicate<Object>> conditions, Teammates teammates) {
        this(PayPeriod.of(period), fiscal, PaySchedule.MONTHLY, plans, roster, conditions, teammates);
    }

    /** @param schedule the company's payroll runs, of which {@code period} is one */
    public RepCloseCalculator(PayPeriod period, FiscalYear fiscal, PaySchedule schedule, PlanCatalog plans,
            Roster roster, Function<String, Predicate<Object>> conditions, Teammates teammates) {
        this.period = period;
        this.schedule = schedule;
        this.month = period.month();
        this.fiscal = fiscal;
        this.plans = plans;
        this.roster = roster;
        this.core = new RepCalculator(conditions, fiscal, schedule);
        this.conditions = conditions;
        this.teammates = teammates;
    }

    public RepClose calculate(String repId, RepHistory history) {
        RepAssignment assignment = roster.forPeriod(repId, period).orElseThrow(() ->
                new IllegalStateException("rep " + repId + " has no assignment in " + period));
        LocalDate lastDay = assignment.lastActiveDayIn(period);
        Plan settling = plans.effective(assignment.planId(), lastDay).orElseThrow(() -> new BadInputException(
                "plans/: plan " + assignment.planId() + " of rep " + repId + " has no version effective on " + lastDay));

        Map<String, Plan> planOf = new LinkedHashMap<>();
        Map<String, Plan> planOfDeal = new HashMap<>();
        List<RepCalculator.PlanDeals> versions = versions(repId, history.deals(), assignment, settling, planOf,
                planOfDeal);
        RepPeriodInput input = input(Currency.getInstance(assignment.payCurrency()), history, history.deals());
        // manual adjustments are paid as they are: outside quota, caps and true-up
        RepPeriodResult result = withTeamPool(repId, assignment, settling, history, input.currency(),
                core.calculate(versions, settling, period, input)).plusOutsideQuota(history.adjustments());
        if (!history.lateCorrections().isEmpty()) {
            result = result.withLateCorrection(result.settlement().earnedToDate().minus(
                    earnedWithoutLate(repId, history, assignment, settling, input)), history.lateCorrections());
        }
        return new RepClose(repId, assignment.payCurrency(), settling.id(), settling.version(),
                earnings(result, history, planOfDeal, input.currency()), pay(result), caps(result),
                attainments(result, planOf), ledger(result));
    }

    /** The rep's deals grouped under the plan version each was booked under, the settling version included. */
    private List<RepCalculator.PlanDeals> versions(String repId, List<RepHistory.HistoricDeal> deals,
            RepAssignment assignment, Plan settling, Map<String, Plan> planOf, Map<String, Plan> planOfDeal) {
        Map<String, List<CreditedDeal>> dealsOf = new LinkedHashMap<>();
        for (RepHistory.HistoricDeal historic : deals) {
            CreditedDeal deal = historic.deal();
            if (!historic.currency().equals(assignment.payCurrency())) {
                throw new IllegalStateException("deal " + deal.bookingId() + " of rep " + repId + " is in "
                        + historic.currency() + " but the rep is paid in " + assignment.payCurrency());
            }
            if (!fiscal.contains(month, deal.bookedOn())) {
                continue; // an earlier year's deal cancelled now: only its clawback concerns this year
            }
            Plan plan = plans.effective(historic.planId(), deal.bookedOn()).orElseThrow(() -> new BadInputException(
                    "plans/: " + deal.bookingId() + " (credited to " + repId + " in " + historic.creditedIn()
                            + ") was booked on " + deal.bookedOn() + " under plan " + historic.planId()
                            + ", which has no version effective that day; keep every version of the plan year in plans/"));
            String key = key(plan);
            planOf.putIfAbsent(key, plan);
            planOfDeal.put(deal.bookingId(), plan);
            dealsOf.computeIfAbsent(key, k -> new ArrayList<>()).add(deal);
        }
        planOf.putIfAbsent(key(settling), settling);
        for (Plan plan : List.copyOf(planOf.values())) {
            proratedYear(plan).forEach(version -> planOf.putIfAbsent(key(version), version));
        }
        return planOf.entrySet().stream()
                .map(e -> new RepCalculator.PlanDeals(e.getValue(), dealsOf.getOrDefault(e.getKey(), List.of())))
                .toList();
    }

    /**
     * A prorated plan's versions in force on some day of the year, with deals or not: the year's quota is
     * theirs together, so a version whose part of the year brought no deals still counts its share.
     */
    private List<Plan> proratedYear(Plan plan) {
        if (plan.proration() == null) {
            return List.of();
        }
        List<Plan> versions = plans.plans().stream().filter(p -> p.id().equals(plan.id())).toList();
        return versions.stream().filter(v -> v.proration() != null
                && InForce.ofYear(v, versions, month, fiscal).inForce() > 0).toList();
    }

    /** Earned to date as it would stand had the late inputs not arrived: the same calculation without them. */
    private Money earnedWithoutLate(String repId, RepHistory history, RepAssignment assignment, Plan settling,
            RepPeriodInput input) {
        List<RepCalculator.PlanDeals> versions = versions(repId, history.dealsWithoutLate(), assignment, settling,
                new LinkedHashMap<>(), new HashMap<>());
        return core.calculate(versions, settling, period, input(input.currency(), history, history.dealsWithoutLate()))
                .settlement().earnedToDate();
    }

    /** What the core reads of the rep's history, with the given deals of the year. */
    private static RepPeriodInput input(Currency currency, RepHistory history, List<RepHistory.HistoricDeal> deals) {
        return new RepPeriodInput(currency, deals.stream().map(RepHistory.HistoricDeal::deal).toList(),
                history.metricValues(), history.cancellations(), history.commissionPaid(),
                history.bonusesPaidThisYear(), history.prior(), history.usage(), history.activities());
    }

    private RepPeriodResult withTeamPool(String repId, RepAssignment assignment, Plan settling, RepHistory history,
            Currency currency, RepPeriodResult result) {
        PlanTerms.TeamPool pool = settling.teamPool();
        if (pool == null || !pool.team().equals(assignment.team())) {
            return result;
        }
        List<TeamPoolShare.Member> members = new ArrayList<>();
        for (RepAssignment mate : roster.all()) {
            if (!pool.team().equals(mate.team()) || !mate.equals(roster.forPeriod(mate.repId(), period).orElse(null))) {
                continue;
            }
            Plan plan = plans.effective(mate.planId(), mate.lastActiveDayIn(period)).orElse(null);
            if (plan != null && pool.equals(plan.teamPool())) {
                members.add(member(pool, mate.repId(), plan, mate.repId().equals(repId) ? history : null));
            }
        }
        return TeamPoolShare.of(repId, pool, members, month, fiscal, history.bonusesPaidThisYear(), currency)
                .map(line -> result.plusOutsideQuota(List.of(line)))
                .orElse(result);
    }

    /** A member of the pool's team, read from {@code own} (the rep's history) when it is theirs. */
    private TeamPoolShare.Member member(PlanTerms.TeamPool pool, String mateId, Plan plan, RepHistory own) {
        if (pool.metric().isMeasuredOnBookings() && pool.split() != PlanTerms.TeamPool.Split.BY_POINTS) {
            return new TeamPoolShare.Member(mateId, plan, own == null ? teammates.deals(mateId) : deals(own));
        }
        RepHistory mate = own == null ? teammates.history(mateId) : own;
        return new TeamPoolShare.Member(mateId, plan, deals(mate), mate.usage(), mate.metricValues(),
                mate.poolPoints().getOrDefault(pool.team(), Map.of()));
    }

    private static List<CreditedDeal> deals(RepHistory history) {
        return history.deals().stream().map(RepHistory.HistoricDeal::deal).toList();
    }

    private List<RepClose.Earning> earnings(RepPeriodResult result, RepHistory history, Map<String, Plan> planOfDeal,
            Currency currency) {
        List<RepClose.Earning> lines = new ArrayList<>();
        Set<String> counted = new HashSet<>();
        Map<String, LocalDate> bookedOn = new HashMap<>();
        history.deals().forEach(d -> bookedOn.put(d.deal().bookingId(), d.deal().bookedOn()));
        for (PricedComponent priced : result.priced()) {
            for (ComponentLine line : priced.earnings().lines()) {
                if (line.kind() == ComponentLine.Kind.TRANSACTION) {
                    counted.add(line.sourceId());
                }
                lines.add(new RepClose.Earning(lines.size() + 1, priced.planId(), priced.planVersion(),
                        priced.componentId(), priced.window(), line.kind().name(), line.sourceId(),
                        sourcePeriod(line, bookedOn), line.credit(), line.multiplier(), line.band(), line.rate(),
                        line.amount(), line.why()));
            }
        }
        // a deal credited this period that no component measures still shows, with nothing earned and why
        for (RepHistory.HistoricDeal historic : history.deals()) {
            CreditedDeal deal = historic.deal();
            if (historic.creditedIn().equals(period.toString()) && !counted.contains(deal.bookingId())) {
                Plan plan = planOfDeal.get(deal.bookingId());
                lines.add(new RepClose.Earning(lines.size() + 1, plan.id(), plan.version(), "-", period.toString(),
                        NOT_COUNTED, deal.bookingId(), period.toString(), deal.credit(),
                        BigDecimal.ONE, "-", BigDecimal.ZERO, Money.zero(currency).rounded(),
                        "not measured by any component of " + plan.id() + " v" + plan.version() + unmet(plan, deal)));
            }
        }
        return lines;
    }

    /**
     * The period whose credit a line prices: a deal's is the pay period it was booked in (its month on a monthly
     * calendar, where the booking is stored), a usage line's the month of its usage.
     */
    private String sourcePeriod(ComponentLine line, Map<String, LocalDate> bookedOn) {
        LocalDate booked = line.kind() == ComponentLine.Kind.TRANSACTION ? bookedOn.get(line.sourceId()) : null;
        return booked == null ? line.period().toString() : schedule.containing(booked).id();
    }

    /** The conditions of the plan's booking components the deal does not meet ("grossMarginPct >= 20"), if any. */
    private String unmet(Plan plan, CreditedDeal deal) {
        List<String> unmet = new ArrayList<>();
        for (PlanComponent component : plan.components()) {
            Metric metric = component.metric();
            if (component.when() != null && metric.isMeasuredOnBookings() && deal.countsFor(metric.kind())
                    && !conditions.apply(component.when()).test(deal)) {
                unmet.add(component.id() + " counts only deals where " + component.when());
            }
        }
        return unmet.isEmpty() ? "" : ": " + String.join("; ", unmet);
    }

    /** Each component's latest window: the one that holds the period, as the statement's chart shows it. */
    private static List<RepClose.Attainment> attainments(RepPeriodResult result, Map<String, Plan> planOf) {
        Map<String, PricedComponent> latest = new LinkedHashMap<>();
        for (PricedComponent priced : result.priced()) {
            latest.put(priced.planId() + " v" + priced.planVersion() + " " + priced.componentId(), priced);
        }
        List<RepClose.Attainment> rows = new ArrayList<>();
        for (PricedComponent priced : latest.values()) {
            Plan plan = planOf.get(priced.planId() + " v" + priced.planVersion());
            Optional<Metric> metric = plan == null ? Optional.empty() : plan.components().stream()
                    .filter(c -> c.id().equals(priced.componentId())).findFirst().map(PlanComponent::metric);
            ComponentEarnings e = priced.earnings();
            rows.add(new RepClose.Attainment(rows.size() + 1, priced.planId(), priced.planVersion(),
                    priced.componentId(), metric.map(Metric::label).orElse(""), metric.map(Metric::isMoney)
                    .orElse(true), priced.window(), e.creditToDate(), e.quota(), e.attainment(),
                    e.earnedToDate().rounded()));
        }
        return rows;
    }

    private static List<RepClose.Pay> pay(RepPeriodResult result) {
        List<RepClose.Pay> lines = new ArrayList<>();
        for (PayLine line : result.payLines()) {
            lines.add(new RepClose.Pay(lines.size() + 1, line.code(), line.amount().rounded(), line.reference(),
                    line.why()));
        }
        return lines;
    }

    private static List<RepClose.Cap> caps(RepPeriodResult result) {
        List<RepClose.Cap> caps = new ArrayList<>();
        for (Settlement.CapEffect cap : Stream.concat(result.dealCaps().stream(), result.settlement().caps().stream())
                .toList()) {
            caps.add(new RepClose.Cap(caps.size() + 1, cap.cap(), cap.limit().rounded(), cap.removed().rounded()));
        }
        return caps;
    }

    /** The close's ledger, fixed at the pay currency's minor unit as it is assembled (jobs/plans.md, "Rounding"). */
    private static RepClose.LedgerRow ledger(RepPeriodResult result) {
        Settlement s = result.settlement();
        Ledger n = s.next();
        return new RepClose.LedgerRow(s.earnedToDate().rounded(), s.due().rounded(), s.carriedBalance().rounded(),
                new Ledger(n.paidToDate().rounded(), n.periodCapsToDate().rounded(), n.heldBack().rounded(),
                        n.drawBalance().rounded(), n.clawbackBalance().rounded(), n.acceleratorPaidToDate().rounded()),
                result.payout().rounded());
    }

    private static String key(Plan plan) {
        return plan.id() + " v" + plan.version();
    }
}
