package io.compclose.core.calculation;

import java.math.BigDecimal;
import java.math.MathContext;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.Currency;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import java.util.function.Predicate;

import io.compclose.core.money.Money;
import io.compclose.core.plan.CreditMultiplier;
import io.compclose.core.plan.FiscalYear;
import io.compclose.core.plan.Measurement;
import io.compclose.core.plan.Metric;
import io.compclose.core.plan.PayPeriod;
import io.compclose.core.plan.PaySchedule;
import io.compclose.core.plan.Plan;
import io.compclose.core.plan.PlanComponent;
import io.compclose.core.plan.PlanTerms;

/**
 * One rep, one period, one plan: the core's entry point. Every component is computed over each
 * measurement window of the plan year up to the period (one window for YEAR_TO_DATE, each month
 * or quarter otherwise); their sum is earned-to-date, which the settlement trues up against what
 * was paid. SPIFFs, bonuses and MBO are paid outside quota, once. Conditions are evaluated by the
 * function given (the close compiles them as read-only SpEL); nothing here touches Spring or SQL.
 * <p>
 * A cancelled booking keeps its credit (attainment is not re-opened); the commission paid on it is
 * clawed back as its own line, named, under the plan's clawback terms.
 */
public final class RepCalculator {

    private static final MathContext FRACTION = MathContext.DECIMAL64;

    private final Function<String, Predicate<Object>> conditions;
    private final FiscalYear fiscal;
    private final PaySchedule schedule;
    private final ComponentCalculator components = new ComponentCalculator();
    private final PeriodSettlement settlement = new PeriodSettlement();

    /** @param conditions compiles a plan condition into a test of a deal or an {@link ActivityType} */
    public RepCalculator(Function<String, Predicate<Object>> conditions) {
        this(conditions, FiscalYear.CALENDAR);
    }

    /** @param fiscal the company's plan year (jobs/pay-calendar.yaml), which every year-to-date figure follows */
    public RepCalculator(Function<String, Predicate<Object>> conditions, FiscalYear fiscal) {
        this(conditions, fiscal, PaySchedule.MONTHLY);
    }

    /** @param schedule the company's payroll runs (jobs/pay-calendar.yaml), which a draw's periods count */
    public RepCalculator(Function<String, Predicate<Object>> conditions, FiscalYear fiscal, PaySchedule schedule) {
        this.conditions = conditions;
        this.fiscal = fiscal;
        this.schedule = schedule;
    }

    public RepPeriodResult calculate(Plan plan, YearMonth period, RepPeriodInput input) {
        return calculate(plan, PayPeriod.of(period), input);
    }

    public RepPeriodResult calculate(Plan plan, PayPeriod period, RepPeriodInput input) {
        return calculate(List.of(new PlanDeals(plan, input.deals())), plan, period, input);
    }

    /**
     * The deals one plan version prices: those the rep booked while it was their plan. A rep whose
     * plan changed in the year has several; each measures its own deals against its own quota, or, when
     * the versions are prorated, against the year's quota they make together ({@link SharedQuota}).
     */
    public record PlanDeals(Plan plan, List<CreditedDeal> deals) {

        public PlanDeals {
            deals = List.copyOf(deals);
        }
    }

    /**
     * Earned-to-date is the sum over every plan version's components; the version in force at the
     * period's end ({@code settling}) settles it: its caps, draw, holdback, clawback terms, SPIFFs,
     * bonuses and MBO apply. {@code input.deals()} is every deal of the year (for bundles, clawbacks
     * and SPIFFs); each version prices only its own.
     */
    public RepPeriodResult calculate(List<PlanDeals> versions, Plan settling, YearMonth period,
            RepPeriodInput input) {
        return calculate(versions, settling, PayPeriod.of(period), input);
    }

    /**
     * A pay period shorter than a month measures its month up to the period's end: what the month's earlier
     * periods paid is in {@code input.prior()}, so each period pays what the month has earned since.
     */
    public RepPeriodResult calculate(List<PlanDeals> versions, Plan settling, PayPeriod period,
            RepPeriodInput input) {
        YearMonth month = period.month();
        List<PricedComponent> computed = new ArrayList<>();
        List<Settlement.CapEffect> dealCaps = new ArrayList<>();
        Currency currency = input.currency();
        Money earnedToDate = Money.zero(currency);
        Money acceleratorToDate = Money.zero(currency);
        for (SharedQuota.Measured measured : SharedQuota.combine(measure(versions, month, input))) {
            PlanComponent component = measured.component();
            Window window = measured.window();
            ComponentEarnings earnings = components.calculate(measured.terms(), measured.transactions(),
                    YearMonth.from(window.to()));
            DealCap.Capped capped = DealCap.apply(earnings.lines(), in(currency, component.perDealCap()));
            dealCaps.addAll(capped.removed());
            ComponentEarnings kept = new ComponentEarnings(component.id() + " " + window.key(),
                    earnings.creditToDate(), earnings.quota(), earnings.attainment(), capped.lines(), currency);
            computed.add(new PricedComponent(measured.plan().id(), measured.plan().version(), component.id(),
                    window.key(), kept));
            earnedToDate = earnedToDate.plus(kept.earnedToDate());
            acceleratorToDate = acceleratorToDate.plus(kept.acceleratorToDate());
        }
        Settlement settled = settlement.settle(period, earnedToDate, acceleratorToDate, clawbacks(settling, period, input,
                        earnedNow(computed, month)), input.prior(), payRules(settling, period, currency));
        return new RepPeriodResult(computed, dealCaps, settled, outsideQuota(settling, period, input));
    }

    /** Every version's components over each of its windows, with their terms and the transactions they measure. */
    private List<SharedQuota.Measured> measure(List<PlanDeals> versions, YearMonth period, RepPeriodInput input) {
        List<Plan> plans = versions.stream().map(PlanDeals::plan).toList();
        List<SharedQuota.Measured> measured = new ArrayList<>();
        for (PlanDeals version : versions) {
            Plan plan = version.plan();
            for (Window window : windows(plan.measurement(), period, plan.effectiveFrom(), fiscal)) {
                if (plan.effectiveTo() != null && window.from().isAfter(plan.effectiveTo())) {
                    continue;
                }
                InForce inForce = plan.proration() == null ? null
                        : InForce.of(plan, plans, window.spanFrom(), window.spanTo());
                for (PlanComponent component : plan.components()) {
                    List<CreditedTransaction> transactions = transactions(component, window, version.deals(), input);
                    if (inForce != null && inForce.inForce() == 0 && transactions.isEmpty()) {
                        continue; // superseded for the whole window: nothing to measure, no quota to add
                    }
                    measured.add(new SharedQuota.Measured(plan, component, window,
                            terms(plan, component, window, input.currency(), inForce), transactions));
                }
            }
        }
        return measured;
    }

    /**
     * A measurement window: its key for quotas and metric values, its dates, its share of the year, and the whole
     * month, quarter or plan year it measures ({@code spanFrom} to {@code spanTo}), wherever the plan starts.
     */
    record Window(String key, LocalDate from, LocalDate to, int months, LocalDate spanFrom, LocalDate spanTo) {
    }

    /** A plan's amount (null if the plan has none) in the pay currency, where the calculation uses it. */
    private static Money in(Currency currency, BigDecimal amount) {
        return amount == null ? null : new Money(amount, currency);
    }

    /** An annual figure's part for so many months: divided last, so 12,000 a year is 1,000 a month exactly. */
    static BigDecimal ofYear(BigDecimal annual, int months) {
        return annual.multiply(BigDecimal.valueOf(months)).divide(BigDecimal.valueOf(12), FRACTION).stripTrailingZeros();
    }

    /** The later of the plan year's first day and the plan's start: where the plan's year begins. */
    static LocalDate planYearStart(YearMonth period, LocalDate planStart, FiscalYear fiscal) {
        LocalDate first = fiscal.start(period).atDay(1);
        return planStart.isAfter(first) ? planStart : first;
    }

    /** The plan year's windows up to the period, from the later of the year's first day and the plan's start. */
    static List<Window> windows(Measurement measurement, YearMonth period, LocalDate planStart, FiscalYear fiscal) {
        LocalDate start = planYearStart(period, planStart, fiscal);
        List<Window> windows = new ArrayList<>();
        switch (measurement) {
            case YEAR_TO_DATE -> windows.add(new Window(fiscal.name(period), start, period.atEndOfMonth(), 12,
                    fiscal.start(period).atDay(1), fiscal.end(period).atEndOfMonth()));
            case MONTH -> {
                for (YearMonth m = YearMonth.from(start); !m.isAfter(period); m = m.plusMonths(1)) {
                    windows.add(new Window(m.toString(), m.atDay(1).isBefore(start) ? start : m.atDay(1),
                            m.atEndOfMonth(), 1, m.atDay(1), m.atEndOfMonth()));
                }
            }
            case QUARTER -> {
                for (int q = fiscal.quarter(YearMonth.from(start)); q <= fiscal.quarter(period); q++) {
                    YearMonth first = fiscal.quarterStart(period, q);
                    YearMonth last = first.plusMonths(2).isAfter(period) ? period : first.plusMonths(2);
                    LocalDate from = first.atDay(1).isBefore(start) ? start : first.atDay(1);
                    windows.add(new Window(fiscal.quarterKey(first), from, last.atEndOfMonth(), 3, first.atDay(1),
                            first.plusMonths(2).atEndOfMonth()));
                }
            }
        }
        return windows;
    }

    /**
     * A window's quota and target incentive: the window's part of the annual figures, and of that, with
     * proration, the part of the window the version is in force ({@code inForce}, null without proration).
     */
    private static ComponentTerms terms(Plan plan, PlanComponent component, Window window, Currency currency,
            InForce inForce) {
        BigDecimal quota = component.quotaByPeriod().containsKey(window.key())
                ? component.quotaByPeriod().get(window.key())
                : component.quota() == null ? null : ofYear(component.quota(), window.months());
        BigDecimal target = plan.targetIncentive() == null ? null : ofYear(plan.targetIncentive(), window.months());
        BigDecimal weight = component.weight() == null ? BigDecimal.ONE : component.weight();
        if (inForce == null) {
            return new ComponentTerms(component.id(), component.pay(), quota, target, weight, component.rateTable(),
                    currency);
        }
        return new ComponentTerms(component.id(), component.pay(), quota == null ? null : inForce.share(quota),
                target == null ? null : inForce.share(target), weight, component.rateTable(), currency,
                BigDecimal.ZERO, BigDecimal.ZERO, target == null ? null : target.toPlainString() + " × " + inForce.fraction());
    }

    private List<CreditedTransaction> transactions(PlanComponent component, Window window, List<CreditedDeal> deals,
            RepPeriodInput input) {
        Metric metric = component.metric();
        List<CreditedTransaction> result = new ArrayList<>();
        if (metric.isMeasuredOnBookings()) {
            Predicate<Object> when = component.when() == null ? d -> true : conditions.apply(component.when());
            java.util.Set<String> newLogos = firstNewLogos(input.deals());
            for (CreditedDeal deal : deals) {
                if (metric.kind() == Metric.Kind.NEW_LOGO_COUNT && !newLogos.contains(deal.bookingId())) {
                    continue; // a second new deal with the same customer is not another logo
                }
                if (!deal.bookedOn().isBefore(window.from()) && !deal.bookedOn().isAfter(window.to())
                        && deal.countsFor(metric.kind()) && when.test(deal)) {
                    result.add(new CreditedTransaction(deal.bookingId(), deal.bookedOn(), deal.credited(metric.kind()),
                            multiplier(component, deal, input.deals()), deal.note()));
                }
            }
        } else if (metric.kind() == Metric.Kind.USAGE_REVENUE || metric.kind() == Metric.Kind.USAGE_GROWTH) {
            for (AccountUsage account : input.usage()) {
                for (YearMonth m = YearMonth.from(window.from()); !m.isAfter(YearMonth.from(window.to()));
                        m = m.plusMonths(1)) {
                    account.transaction(metric.kind(), m).ifPresent(result::add);
                }
            }
        } else if (metric.kind() == Metric.Kind.ACTIVITY_COUNT && component.when() != null) {
            activitiesOfTypes(window, input, conditions.apply(component.when())).ifPresent(result::add);
        } else {
            BigDecimal value = input.metricValues().getOrDefault(window.key(), Map.of()).get(metric.toString());
            if (value != null) {
                result.add(new CreditedTransaction(metric.toString(), window.to(), value, BigDecimal.ONE, null));
            }
        }
        return result;
    }

    /** What an activity condition reads: {@code type == 'DISCOVERY_MEETING'}. */
    public record ActivityType(String type) {
    }

    /** The window's activities of the types the condition admits, counted as one figure naming them. */
    private static Optional<CreditedTransaction> activitiesOfTypes(Window window, RepPeriodInput input,
            Predicate<Object> when) {
        BigDecimal count = BigDecimal.ZERO;
        List<String> counted = new ArrayList<>();
        for (Map.Entry<String, BigDecimal> type : new java.util.TreeMap<>(
                input.activities().getOrDefault(window.key(), Map.of())).entrySet()) {
            if (when.test(new ActivityType(type.getKey()))) {
                count = count.add(type.getValue());
                counted.add(type.getKey() + " " + type.getValue().stripTrailingZeros().toPlainString());
            }
        }
        if (counted.isEmpty()) {
            return Optional.empty();
        }
        return Optional.of(new CreditedTransaction(Metric.Kind.ACTIVITY_COUNT.name(), window.to(), count,
                BigDecimal.ONE, "activities " + String.join(", ", counted)));
    }

    /** Matching factors multiply; a bundle with the focus product adds its extra. */
    private BigDecimal multiplier(PlanComponent component, CreditedDeal deal, List<CreditedDeal> all) {
        BigDecimal factor = BigDecimal.ONE;
        BigDecimal extra = BigDecimal.ZERO;
        for (CreditMultiplier m : component.multipliers()) {
            if (m.when() != null && conditions.apply(m.when()).test(deal)) {
                factor = factor.multiply(m.factor());
            } else if (m.bundleIncludes() != null && deal.bundleId() != null && all.stream().anyMatch(other ->
                    deal.bundleId().equals(other.bundleId()) && m.bundleIncludes().equals(other.product()))) {
                extra = extra.add(m.extra());
            }
        }
        return factor.add(extra);
    }

    /** Commission each deal earns by its own lines dated in the period: what is paid on it now. */
    private static Map<String, Money> earnedNow(List<PricedComponent> computed, YearMonth period) {
        Map<String, Money> earned = new java.util.HashMap<>();
        for (PricedComponent priced : computed) {
            for (ComponentLine line : priced.earnings().linesOf(period)) {
                if (line.kind() == ComponentLine.Kind.TRANSACTION) {
                    earned.merge(line.sourceId(), line.amount(), Money::plus);
                }
            }
        }
        return earned;
    }

    /**
     * Clawbacks of the period's cancellations. A deal paid in an earlier period gives back what it was
     * paid; a deal booked and cancelled in the same period gives back what it earns now, so nothing is
     * paid for it.
     */
    private static List<PayLine> clawbacks(Plan plan, PayPeriod period, RepPeriodInput input,
            Map<String, Money> earnedNow) {
        List<PayLine> lines = new ArrayList<>();
        if (plan.clawback() == null) {
            return lines;
        }
        for (Map.Entry<String, LocalDate> cancelled : new java.util.TreeMap<>(input.cancellations()).entrySet()) {
            String bookingId = cancelled.getKey();
            RepPeriodInput.PaidCommission paid = input.commissionPaid().get(bookingId);
            if (paid == null && earnedNow.containsKey(bookingId)) {
                paid = new RepPeriodInput.PaidCommission(earnedNow.get(bookingId), period.toString());
            }
            Optional<CreditedDeal> deal = input.deals().stream()
                    .filter(d -> d.bookingId().equals(bookingId)).findFirst();
            if (paid == null || deal.isEmpty()) {
                continue;
            }
            Clawback.of(bookingId, paid.period(), paid.amount(), deal.get().bookedOn(),
                    deal.get().termMonths(), cancelled.getValue(), plan.clawback())
                    .ifPresent(lines::add);
        }
        return lines;
    }

    private PayRules payRules(Plan plan, PayPeriod period, Currency currency) {
        PayRules.Draw draw = plan.draw() == null ? null : draw(plan.draw(),
                planYearStart(period.month(), plan.effectiveFrom(), fiscal), in(currency, plan.draw().perPeriod()));
        return new PayRules(in(currency, plan.caps().perPeriod()), in(currency, plan.caps().perYear()),
                plan.caps().multipleOfTarget(), in(currency, plan.targetIncentive()), draw,
                plan.holdback() == null ? null : plan.holdback().share(),
                plan.holdback() == null ? null : fiscal.end(period.month()),
                plan.clawback() == null ? null : plan.clawback().recovery());
    }

    /**
     * A draw's periods are the pay periods ending from the plan's first day of the year on: so many months
     * for a monthly schedule, twice as many half-months for a semi-monthly one.
     */
    private PayRules.Draw draw(PlanTerms.Draw terms, LocalDate yearStart, Money perPeriod) {
        PayPeriod last = schedule.containing(yearStart);
        for (int i = 1; i < terms.periods(); i++) {
            last = schedule.next(last);
        }
        return new PayRules.Draw(terms.kind(), perPeriod, yearStart, last.end());
    }

    private List<PayLine> outsideQuota(Plan plan, PayPeriod payPeriod, RepPeriodInput input) {
        List<PayLine> lines = new ArrayList<>();
        Currency currency = input.currency();
        YearMonth period = payPeriod.month();
        List<CreditedDeal> closedThisPeriod = input.deals().stream()
                .filter(d -> payPeriod.contains(d.bookedOn()) && !d.sourced()).toList();
        // a program's cap counts what it paid on the year's earlier deals, each in the period it was booked
        List<CreditedDeal> closedEarlierThisYear = input.deals().stream()
                .filter(d -> fiscal.contains(period, d.bookedOn()) && d.bookedOn().isBefore(payPeriod.start())
                        && !d.sourced()).toList();
        for (PlanTerms.Spiff terms : plan.spiffs()) {
            Predicate<CreditedDeal> when = terms.when() == null ? d -> true : conditions.apply(terms.when())::test;
            lines.addAll(Spiff.of(terms, when, currency).pay(closedEarlierThisYear, closedThisPeriod));
        }
        for (PlanTerms.Bonus terms : plan.bonuses()) {
            BigDecimal achieved = switch (terms.metric().kind()) {
                case USAGE_REVENUE -> usageRevenueToDate(period, input.usage(), currency, fiscal);
                case USAGE_GROWTH -> usageGrowthRate(period, input.usage());
                default -> terms.metric().isMeasuredOnBookings()
                        ? bookedToDate(terms.metric().kind(), period, input.deals(), fiscal)
                        : valueFor(input, payPeriod, terms.metric().toString(), fiscal);
            };
            new MilestoneBonus(terms.id(), terms.metric().toString(), terms.atLeast(), in(currency, terms.amount()))
                    .pay(achieved, input.bonusesPaidThisYear().contains(terms.id())).ifPresent(lines::add);
        }
        for (PlanTerms.Mbo mbo : plan.mbos()) {
            List<String> keys = keysClosingIn(payPeriod, fiscal);
            for (int i = 0; i < keys.size(); i++) {
                String key = keys.get(i);
                BigDecimal score = input.metricValues().getOrDefault(key, Map.of()).get("MBO:" + mbo.objective());
                if (score != null && plan.targetIncentive() != null) {
                    int months = i == 0 ? 1 : key.contains("-Q") ? 3 : 12;
                    Money target = new Money(ofYear(plan.targetIncentive(), months), currency);
                    lines.add(Mbo.pay(mbo.objective() + " " + key, target, mbo.weight(), score));
                }
            }
        }
        return lines;
    }

    /** A booking metric's value for the rep in the year up to the period's end: what a milestone counts. */
    static BigDecimal bookedToDate(Metric.Kind metric, YearMonth period, List<CreditedDeal> deals, FiscalYear fiscal) {
        java.util.Set<String> newLogos = firstNewLogos(deals);
        return deals.stream()
                .filter(d -> fiscal.contains(period, d.bookedOn()) && !d.bookedOn().isAfter(period.atEndOfMonth())
                        && d.countsFor(metric) && (metric != Metric.Kind.NEW_LOGO_COUNT || newLogos.contains(d.bookingId())))
                .map(d -> d.credited(metric))
                .reduce(BigDecimal.ZERO, BigDecimal::add);
    }

    /** Usage revenue credited to the rep in the year up to the period, in the pay currency: a milestone's measure. */
    static BigDecimal usageRevenueToDate(YearMonth period, List<AccountUsage> usage, Currency currency,
            FiscalYear fiscal) {
        BigDecimal total = BigDecimal.ZERO;
        for (AccountUsage account : usage) {
            for (YearMonth m = fiscal.start(period); !m.isAfter(period); m = m.plusMonths(1)) {
                total = total.add(account.credited(m).map(AccountUsage.Month::revenue).orElse(BigDecimal.ZERO));
            }
        }
        return new Money(total, currency).rounded().amount();
    }

    /**
     * How far the period's usage of the rep's accounts is up on their baseline: revenue ÷ baseline − 1,
     * e.g. 0.25 for "usage up 25 %". Null without a baseline: growth from nothing is not a rate.
     */
    static BigDecimal usageGrowthRate(YearMonth period, List<AccountUsage> usage) {
        BigDecimal revenue = BigDecimal.ZERO;
        BigDecimal baseline = BigDecimal.ZERO;
        for (AccountUsage account : usage) {
            Optional<AccountUsage.Month> month = account.credited(period);
            if (month.isPresent()) {
                revenue = revenue.add(month.get().revenue());
                baseline = baseline.add(month.get().baseline());
            }
        }
        return baseline.signum() == 0 ? null
                : revenue.divide(baseline, FRACTION).subtract(BigDecimal.ONE).setScale(4, java.math.RoundingMode.HALF_EVEN);
    }

    /** New logos are distinct customers: the first NEW booking of each account counts, later ones do not. */
    static java.util.Set<String> firstNewLogos(List<CreditedDeal> deals) {
        Map<String, CreditedDeal> first = new java.util.HashMap<>();
        for (CreditedDeal d : deals) {
            if (d.countsFor(Metric.Kind.NEW_LOGO_COUNT)) {
                first.merge(d.accountId(), d, (a, b) -> java.util.Comparator.comparing(CreditedDeal::bookedOn)
                        .thenComparing(CreditedDeal::bookingId).compare(a, b) <= 0 ? a : b);
            }
        }
        return first.values().stream().map(CreditedDeal::bookingId).collect(java.util.stream.Collectors.toSet());
    }

    /** The window keys a pay period closes: none before the last period ending in its month. */
    static List<String> keysClosingIn(PayPeriod period, FiscalYear fiscal) {
        return period.closesMonth() ? keysClosingIn(period.month(), fiscal) : List.of();
    }

    /** The window keys a month closes: the month, its quarter when it ends one, its plan year in its last month. */
    static List<String> keysClosingIn(YearMonth period, FiscalYear fiscal) {
        List<String> keys = new ArrayList<>(List.of(period.toString()));
        if (fiscal.endsQuarter(period)) {
            keys.add(fiscal.quarterKey(period));
        }
        if (fiscal.endsYear(period)) {
            keys.add(fiscal.name(period));
        }
        return keys;
    }

    private static BigDecimal valueFor(RepPeriodInput input, PayPeriod period, String metric, FiscalYear fiscal) {
        for (String key : keysClosingIn(period, fiscal)) {
            BigDecimal value = input.metricValues().getOrDefault(key, Map.of()).get(metric);
            if (value != null) {
                return value;
            }
        }
        return null;
    }
}
