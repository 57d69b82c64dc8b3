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

import io.compclose.core.plan.CreditMultiplier;
import io.compclose.core.plan.Measurement;
import io.compclose.core.plan.Metric;
import io.compclose.core.plan.Plan;
import io.compclose.core.plan.PlanComponent;
import io.compclose.core.plan.PlanTerms;
import io.compclose.core.money.Money;

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
    private final ComponentCalculator components = new ComponentCalculator();
    private final PeriodSettlement settlement = new PeriodSettlement();

    /** @param conditions compiles a plan condition into a test of a deal or an {@link ActivityType} */
    public RepCalculator(Function<String, Predicate<Object>> conditions) {
        this.conditions = conditions;
    }

    public RepPeriodResult calculate(Plan plan, YearMonth period, RepPeriodInput input) {
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
        List<PricedComponent> computed = new ArrayList<>();
        List<Settlement.CapEffect> dealCaps = new ArrayList<>();
        Currency currency = input.currency();
        Money earnedToDate = Money.zero(currency);
        Money acceleratorToDate = Money.zero(currency);
        for (SharedQuota.Measured measured : SharedQuota.combine(measure(versions, period, input))) {
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
                        earnedNow(computed, period)), input.prior(), payRules(settling, period, currency));
        return new RepPeriodResult(computed, dealCaps, settled, outsideQuota(settling, period, input));
    }

    /** Every version's components over each of its windows, with their terms and the transactions they measure. */
    private List<SharedQuota.Measured> measure(List<PlanDeals> versions, YearMonth period, RepPeriodInput input) {
        List<Plan> plans = versions.stream().map(PlanDeals::plan).toList();
        List<SharedQuota.Measured> measured = new ArrayList<>();
        for (PlanDeals version : versions) {
            Plan plan = version.plan();
            for (Window window : windows(plan.measurement(), period, plan.effectiveFrom())) {
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

    /** A measurement window: its key for quotas and metric values, its dates, and its share of the year. */
    record Window(String key, LocalDate from, LocalDate to, int months) {

        /** The first day of the whole month, quarter or year the window measures, wherever the plan starts. */
        LocalDate spanFrom() {
            return YearMonth.of(to.getYear(), (to.getMonthValue() - 1) / months * months + 1).atDay(1);
        }

        LocalDate spanTo() {
            return YearMonth.from(spanFrom()).plusMonths(months - 1L).atEndOfMonth();
        }
    }

    /** A plan's amount (null if the plan has none) in the pay currency, where the calculation uses it. */
    private static Money in(Currency currency, BigDecimal amount) {
        return amount == null ? null : new Money(amount, currency);
    }

    /** An annual figure's part for so many months: divided last, so 12,000 a year is 1,000 a month exactly. */
    static BigDecimal ofYear(BigDecimal annual, int months) {
        return annual.multiply(BigDecimal.valueOf(months)).divide(BigDecimal.valueOf(12), FRACTION).stripTrailingZeros();
    }

    /** The later of 1 January of the period's year and the plan's start: where its plan year begins. */
    static LocalDate planYearStart(YearMonth period, LocalDate planStart) {
        LocalDate january = LocalDate.of(period.getYear(), 1, 1);
        return planStart.isAfter(january) ? planStart : january;
    }

    /** The plan year's windows up to the period, from the later of 1 January and the plan's start. */
    static List<Window> windows(Measurement measurement, YearMonth period, LocalDate planStart) {
        int year = period.getYear();
        LocalDate start = planYearStart(period, planStart);
        List<Window> windows = new ArrayList<>();
        switch (measurement) {
            case YEAR_TO_DATE -> windows.add(new Window(String.valueOf(year), start, period.atEndOfMonth(), 12));
            case MONTH -> {
                for (YearMonth m = YearMonth.from(start); !m.isAfter(period); m = m.plusMonths(1)) {
                    windows.add(new Window(m.toString(), m.atDay(1).isBefore(start) ? start : m.atDay(1),
                            m.atEndOfMonth(), 1));
                }
            }
            case QUARTER -> {
                for (int q = (start.getMonthValue() + 2) / 3; q <= (period.getMonthValue() + 2) / 3; q++) {
                    YearMonth first = YearMonth.of(year, q * 3 - 2);
                    YearMonth last = first.plusMonths(2).isAfter(period) ? period : first.plusMonths(2);
                    LocalDate from = first.atDay(1).isBefore(start) ? start : first.atDay(1);
                    windows.add(new Window(year + "-Q" + q, from, last.atEndOfMonth(), 3));
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
    private static List<PayLine> clawbacks(Plan plan, YearMonth period, RepPeriodInput input,
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

    private static PayRules payRules(Plan plan, YearMonth period, Currency currency) {
        PayRules.Draw draw = plan.draw() == null ? null : new PayRules.Draw(plan.draw().kind(),
                in(currency, plan.draw().perPeriod()),
                YearMonth.from(planYearStart(period, plan.effectiveFrom())), plan.draw().periods());
        return new PayRules(in(currency, plan.caps().perPeriod()), in(currency, plan.caps().perYear()),
                plan.caps().multipleOfTarget(), in(currency, plan.targetIncentive()), draw,
                plan.holdback() == null ? null : plan.holdback().share(),
                plan.holdback() == null ? null : YearMonth.of(period.getYear(), 12),
                plan.clawback() == null ? null : plan.clawback().recovery());
    }

    private List<PayLine> outsideQuota(Plan plan, YearMonth period, RepPeriodInput input) {
        List<PayLine> lines = new ArrayList<>();
        Currency currency = input.currency();
        List<CreditedDeal> closedThisPeriod = input.deals().stream()
                .filter(d -> YearMonth.from(d.bookedOn()).equals(period) && !d.sourced()).toList();
        // a program's cap counts what it paid on the year's earlier deals, each in the period it was booked
        List<CreditedDeal> closedEarlierThisYear = input.deals().stream()
                .filter(d -> d.bookedOn().getYear() == period.getYear() && d.bookedOn().isBefore(period.atDay(1))
                        && !d.sourced()).toList();
        for (PlanTerms.Spiff terms : plan.spiffs()) {
            Predicate<CreditedDeal> when = terms.when() == null ? d -> true : conditions.apply(terms.when())::test;
            lines.addAll(Spiff.of(terms, when, currency).pay(closedEarlierThisYear, closedThisPeriod));
        }
        for (PlanTerms.Bonus terms : plan.bonuses()) {
            BigDecimal achieved = switch (terms.metric().kind()) {
                case USAGE_REVENUE -> usageRevenueToDate(period, input.usage(), currency);
                case USAGE_GROWTH -> usageGrowthRate(period, input.usage());
                default -> terms.metric().isMeasuredOnBookings()
                        ? bookedToDate(terms.metric().kind(), period, input.deals())
                        : valueFor(input, period, terms.metric().toString());
            };
            new MilestoneBonus(terms.id(), terms.metric().toString(), terms.atLeast(), in(currency, terms.amount()))
                    .pay(achieved, input.bonusesPaidThisYear().contains(terms.id())).ifPresent(lines::add);
        }
        for (PlanTerms.Mbo mbo : plan.mbos()) {
            for (String key : keysClosingIn(period)) {
                BigDecimal score = input.metricValues().getOrDefault(key, Map.of()).get("MBO:" + mbo.objective());
                if (score != null && plan.targetIncentive() != null) {
                    int months = key.length() == 4 ? 12 : key.contains("Q") ? 3 : 1;
                    Money target = new Money(ofYear(plan.targetIncentive(), months), currency);
                    lines.add(Mbo.pay(mbo.objective() + " " + key, target, mbo.weight(), score));
                }
            }
        }
        return lines;
    }

    /** A booking metric's value for the rep in the year up to the period's end: what a milestone counts. */
    static BigDecimal bookedToDate(Metric.Kind metric, YearMonth period, List<CreditedDeal> deals) {
        java.util.Set<String> newLogos = firstNewLogos(deals);
        return deals.stream()
                .filter(d -> d.bookedOn().getYear() == period.getYear() && !d.bookedOn().isAfter(period.atEndOfMonth())
                        && d.countsFor(metric) && (metric != Metric.Kind.NEW_LOGO_COUNT || newLogos.contains(d.bookingId())))
                .map(d -> d.credited(metric))
                .reduce(BigDecimal.ZERO, BigDecimal::add);
    }

    /** Usage revenue credited to the rep in the year up to the period, in the pay currency: a milestone's measure. */
    static BigDecimal usageRevenueToDate(YearMonth period, List<AccountUsage> usage, Currency currency) {
        BigDecimal total = BigDecimal.ZERO;
        for (AccountUsage account : usage) {
            for (YearMonth m = YearMonth.of(period.getYear(), 1); !m.isAfter(period); m = m.plusMonths(1)) {
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

    /** The window keys a period closes: its month, its quarter when it ends one, its year in December. */
    static List<String> keysClosingIn(YearMonth period) {
        List<String> keys = new ArrayList<>(List.of(period.toString()));
        if (period.getMonthValue() % 3 == 0) {
            keys.add(period.getYear() + "-Q" + period.getMonthValue() / 3);
        }
        if (period.getMonthValue() == 12) {
            keys.add(String.valueOf(period.getYear()));
        }
        return keys;
    }

    private static BigDecimal valueFor(RepPeriodInput input, YearMonth period, String metric) {
        for (String key : keysClosingIn(period)) {
            BigDecimal value = input.metricValues().getOrDefault(key, Map.of()).get(metric);
            if (value != null) {
                return value;
            }
        }
        return null;
    }
}
