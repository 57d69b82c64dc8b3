package io.compclose.plan;

import io.compclose.core.plan.Band;
import io.compclose.core.plan.BandBasis;
import io.compclose.core.plan.CreditMultiplier;
import io.compclose.core.plan.FiscalYear;
import io.compclose.core.plan.Measurement;
import io.compclose.core.plan.Metric;
import io.compclose.core.plan.PayMethod;
import io.compclose.core.plan.Plan;
import io.compclose.core.plan.PlanCatalog;
import io.compclose.core.plan.PlanComponent;
import io.compclose.core.plan.PlanTerms;
import io.compclose.core.plan.PlanValidationException;
import io.compclose.core.plan.RateTable;
import io.compclose.core.plan.Threshold;
import io.compclose.core.plan.TierPolicy;
import java.math.BigDecimal;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Function;
import java.util.stream.Stream;

import io.compclose.system.BoundYaml;
import io.compclose.system.FieldProblems;

/**
 * Reads every {@code *.yaml} / {@code *.yml} under a plans folder into {@link Plan} records and
 * validates them before any calculation: every problem names the file, the plan and the field.
 * A document is bound to {@link PlanFile} (amounts and rates as exact decimals, 0.08 stays 0.08) and its
 * fields checked there; the rules across fields are checked here. Conditions ({@code when}) are checked by
 * the function given, which knows their language.
 */
public final class PlanLoader {

    private static final int RECOMMENDED_COMPONENTS = 3;
    /** Above this a multiplier is taken for a typo unless the plan raises the limit (allow_multiplier_above). */
    private static final BigDecimal MULTIPLIER_LIMIT = BigDecimal.valueOf(5);
    /** The digits a quota may have before the point: credit and quota are stored as decimal(21,6). */
    private static final int QUOTA_WHOLE_DIGITS = 15;
    private static final int QUOTA_DECIMALS = 6;

    /**
     * The most a rate or a multiplier may be without the plan saying so, and what the refusal adds: a rate
     * of 9 written for 0.09 pays a hundred times over, and nothing later in the close would object.
     */
    private record Ceiling(BigDecimal max, String refusal) {

        /** No limit: an amount per unit has no scale a typo would leave. */
        static final Ceiling NONE = new Ceiling(null, "");

        BigDecimal check(FieldProblems problems, String field, BigDecimal value) {
            if (value != null && max != null && value.compareTo(max) > 0) {
                problems.add(field, value.toPlainString() + refusal);
                return null;
            }
            return value;
        }
    }

    /** The ceilings a plan's fields are held to: rates at 1 and multipliers at 5 unless the plan opts in. */
    private record Ceilings(Ceiling rate, Ceiling multiplier) {
    }

    private final Function<String, Optional<String>> conditionProblem;

    /** @param conditionProblem what is wrong with a condition expression, if anything */
    public PlanLoader(Function<String, Optional<String>> conditionProblem) {
        this.conditionProblem = conditionProblem;
    }

    public PlanCatalog load(Path plansDir) {
        List<Path> files = BoundYaml.filesIn(plansDir, "plans", "plan",
                problem -> new PlanValidationException(List.of(problem)));
        List<String> problems = new ArrayList<>();
        List<String> warnings = new ArrayList<>();
        List<Plan> plans = new ArrayList<>();
        for (Path file : files) {
            read(file, plans, problems, warnings);
        }
        Set<String> seen = new HashSet<>();
        plans.stream().filter(plan -> !seen.add(plan.id() + "#" + plan.version()))
                .forEach(plan -> problems.add(plan.sourceFile() + ": plan " + plan.id() + ": version "
                        + plan.version() + " is defined more than once"));
        problems.addAll(ProrationTerms.acrossVersions(plans));
        if (!problems.isEmpty()) {
            throw new PlanValidationException(problems);
        }
        return new PlanCatalog(plans, warnings);
    }

    private void read(Path file, List<Plan> plans, List<String> problems, List<String> warnings) {
        String name = file.getFileName().toString();
        List<BoundYaml.Document<PlanFile>> documents;
        try {
            documents = BoundYaml.readAll(file, PlanFile.class);
        } catch (BoundYaml.UnreadableException e) {
            problems.add(name + ": " + e.getMessage());
            return;
        }
        for (BoundYaml.Document<PlanFile> document : documents) {
            PlanFile written = document.value();
            if (written == null) {
                problems.addAll(document.problems().named(name));
                continue;
            }
            String where = name + ": plan " + (written.plan() == null ? "(no id)" : written.plan());
            Plan plan = plan(written, document.problems(), name, warnings, where);
            problems.addAll(document.problems().named(where));
            if (plan != null) {
                plans.add(plan);
            }
        }
    }

    /** The plan, or null when anything in it is wrong (each problem is in {@code problems}). */
    private Plan plan(PlanFile written, FieldProblems problems, String file, List<String> warnings, String where) {
        if (written.effectiveFrom() != null && written.effectiveTo() != null
                && written.effectiveTo().isBefore(written.effectiveFrom())) {
            problems.add("effective_to", "is before effective_from");
        }
        BigDecimal target = written.targetIncentive();
        Ceilings ceilings = ceilings(written, problems);
        List<PlanComponent> components = problems.each("components", written.components(),
                (component, at) -> component(component, ceilings, target, at));
        checkComponents(problems, components, written.components() == null ? 0 : written.components().size(), target,
                warnings, where);
        if (written.caps() != null && written.caps().multipleOfTarget() != null && target == null) {
            problems.add("caps.multiple_of_target", "needs target_incentive on the plan");
        }
        List<PlanTerms.Spiff> spiffs = problems.each("spiffs", written.spiffs(), (spiff, at) -> SpiffTerms.read(spiff,
                written, ceilings.rate().check(at, "rate", spiff.rate()), condition(conditionProblem, spiff.when(), at),
                at));
        List<PlanTerms.Bonus> bonuses = problems.each("bonuses", written.bonuses(), (bonus, at) -> new PlanTerms.Bonus(
                bonus.id(), metric(bonus.metric(), at), bonus.atLeast(), bonus.amount()));
        PlanFile.TeamPool pool = written.teamPool();
        Metric poolMetric = pool == null ? null : poolMetric(pool.metric(), problems.under("team_pool"));
        List<PlanTerms.Mbo> mbos = problems.each("mbo", written.mbo(), (mbo, at) -> {
            if (target == null) {
                at.add("MBO pays a share of target_incentive, which the plan does not set");
            }
            return new PlanTerms.Mbo(mbo.objective(), mbo.weight());
        });
        PlanTerms.Clawback clawback = ClawbackTerms.of(written.clawback(), problems);
        PlanTerms.Proration proration = ProrationTerms.of(written, problems);
        if (!problems.isEmpty()) {
            return null;
        }
        PlanFile.Caps caps = written.caps();
        PlanFile.Draw draw = written.draw();
        PlanFile.Holdback holdback = written.holdback();
        return new Plan(written.plan(), written.version(), written.name() == null ? written.plan() : written.name(),
                written.effectiveFrom(), written.effectiveTo(), written.currency().getCurrencyCode(), written.baseSalary(), target,
                written.measurement() == null ? Measurement.YEAR_TO_DATE : written.measurement(), components,
                caps == null ? PlanTerms.Caps.NONE : new PlanTerms.Caps(caps.perPeriod(), caps.perYear(),
                        caps.multipleOfTarget()),
                draw == null ? null : new PlanTerms.Draw(draw.kind(), draw.perPeriod(), draw.periods()),
                holdback == null ? null : new PlanTerms.Holdback(holdback.share(), holdback.release()),
                clawback,
                spiffs, bonuses, pool == null ? null : new PlanTerms.TeamPool(pool.team(), poolMetric, pool.target(),
                        pool.pool(), pool.split(), Boolean.TRUE.equals(pool.allMustQualify())), mbos, proration,
                file);
    }

    /** The plan's opt-ins: {@code allow_rate_above_one: true}, {@code allow_multiplier_above: 10}. */
    private static Ceilings ceilings(PlanFile written, FieldProblems problems) {
        BigDecimal asked = written.allowMultiplierAbove();
        if (asked != null && asked.signum() >= 0 && asked.compareTo(MULTIPLIER_LIMIT) <= 0) {
            problems.add("allow_multiplier_above", "must be above " + MULTIPLIER_LIMIT + " (the limit without it), "
                    + "was " + asked.toPlainString());
        }
        BigDecimal limit = asked == null ? MULTIPLIER_LIMIT : asked.max(MULTIPLIER_LIMIT);
        return new Ceilings(new Ceiling(Boolean.TRUE.equals(written.allowRateAboveOne()) ? null : BigDecimal.ONE,
                " is above 1 (100 %): rates are fractions (0.09 is 9 %); if it is meant, set allow_rate_above_one: "
                        + "true on the plan"),
                new Ceiling(limit, " is a multiplier above " + limit.stripTrailingZeros().toPlainString()
                        + "; if it is meant, set allow_multiplier_above: <the largest multiplier> on the plan"));
    }

    /** The component, or null when a part it cannot do without is wrong. */
    private PlanComponent component(PlanFile.Component written, Ceilings ceilings, BigDecimal target,
            FieldProblems problems) {
        Metric metric = metric(written.metric(), problems);
        String when = condition(conditionProblem, written.when(), problems);
        BigDecimal quota = quota(problems, "quota", written.quota());
        Map<String, BigDecimal> quotaByPeriod = quotaByPeriod(written.quotaByPeriod(), problems);
        List<CreditMultiplier> multipliers = problems.each("credit_multipliers", written.creditMultipliers(),
                (multiplier, at) -> multiplier(multiplier, ceilings.multiplier(), at));
        PayMethod pay = written.pay() == null ? PayMethod.RATE_ON_VALUE : written.pay();
        // paid by attainment, a band's rate is a payout multiplier (1.5 pays 150 % of target); per unit, an
        // amount (50 per meeting); on value, a rate
        RateTable table = rateTable(written, pay, target, pay == PayMethod.TARGET_BY_ATTAINMENT
                ? ceilings.multiplier() : pay == PayMethod.PER_UNIT ? Ceiling.NONE : ceilings.rate(), problems);
        if (pay == PayMethod.PER_UNIT) {
            PerUnitCheck.check(metric, written, table, problems);
        }
        if (metric != null && pay == PayMethod.RATE_ON_VALUE && !metric.isMoney()) {
            problems.add("pay", "RATE_ON_VALUE needs a money metric; " + metric + " is not money, use "
                    + "TARGET_BY_ATTAINMENT");
        }
        if (metric != null && !metric.isMeasuredOnBookings()) {
            // a condition reads bookings, or the type of an activity; nothing else has properties to test
            if (when != null && metric.kind() != Metric.Kind.ACTIVITY_COUNT) {
                problems.add("when", "conditions read bookings (or an activity's type); " + metric
                        + " has nothing to test");
            } else if (when != null) {
                DealAttributeNames.in(when).ifPresent(attribute -> problems.add("when", attribute + " is a "
                        + "booking's; a condition on " + metric + " reads the activity's type only"));
            }
            if (written.creditMultipliers() != null && !written.creditMultipliers().isEmpty()) {
                problems.add("credit_multipliers", "multipliers change booking credit; " + metric
                        + " is not measured on bookings");
            }
        }
        boolean hasQuota = written.quota() != null || written.quotaByPeriod() != null;
        if (table != null && table.basis() == BandBasis.ATTAINMENT && !hasQuota && pay != PayMethod.PER_UNIT
                && (pay == PayMethod.TARGET_BY_ATTAINMENT || !table.isFlat())) {
            problems.add("quota", "is required: the rate table's bands are fractions of quota");
        }
        if (written.id() == null || metric == null || table == null) {
            return null;
        }
        return new PlanComponent(written.id(), written.weight(), metric, when, quota, quotaByPeriod, multipliers, pay,
                table, written.caps() == null ? null : written.caps().perDeal(),
                written.rate() != null && written.rate().fromTarget());
    }

    private static void checkComponents(FieldProblems problems, List<PlanComponent> components, int written,
            BigDecimal target, List<String> warnings, String where) {
        if (components.size() > RECOMMENDED_COMPONENTS) {
            warnings.add(where + ": components: " + components.size() + " components; good plans keep to "
                    + RECOMMENDED_COMPONENTS + " or fewer");
        }
        // a component refused for its own fields is missing from the weights: their sum would only mislead
        boolean weighed = components.size() == written
                && (components.size() > 1 || components.stream().anyMatch(c -> c.weight() != null));
        if (weighed && components.stream().anyMatch(c -> c.weight() == null)) {
            problems.add("components", "every component needs a weight when there are several");
        } else if (weighed) {
            BigDecimal sum = components.stream().map(PlanComponent::weight).reduce(BigDecimal.ZERO, BigDecimal::add);
            if (sum.compareTo(BigDecimal.ONE) != 0) {
                problems.add("components", "weights sum to " + sum.stripTrailingZeros().toPlainString()
                        + ", they must sum to 1 (100 %)");
            }
        }
        Set<String> ids = new HashSet<>();
        components.stream().map(PlanComponent::id).filter(id -> !ids.add(id))
                .forEach(id -> problems.add("components", "component id '" + id + "' is used twice"));
        components.stream().filter(c -> c.pay() == PayMethod.TARGET_BY_ATTAINMENT && target == null).forEach(c ->
                problems.add("target_incentive", "is required: component " + c.id() + " pays by attainment"));
    }

    /**
     * A quota above zero that the quota and credit columns hold: a zero quota makes attainment a division by
     * zero (leave quota out where a component has none), and 1e400 is no one's quota.
     */
    private static BigDecimal quota(FieldProblems problems, String field, BigDecimal quota) {
        if (quota == null || quota.signum() < 0) {
            return null;
        }
        if (quota.signum() == 0) {
            problems.add(field, "must be above zero, was " + quota.toPlainString()
                    + " (leave quota out for a component without one)");
            return null;
        }
        BigDecimal exact = quota.stripTrailingZeros();
        if (exact.precision() - exact.scale() > QUOTA_WHOLE_DIGITS || exact.scale() > QUOTA_DECIMALS) {
            problems.add(field, "must have at most " + QUOTA_WHOLE_DIGITS + " digits before the decimal point and "
                    + QUOTA_DECIMALS + " after, was " + exact.toString());
            return null;
        }
        return quota;
    }

    private RateTable rateTable(PlanFile.Component written, PayMethod pay, BigDecimal target, Ceiling ceiling,
            FieldProblems problems) {
        if (written.rate() != null && written.rateTable() != null) {
            problems.add("rate", "give either rate (a flat rate) or rate_table, not both");
            return null;
        }
        if (written.rate() != null && written.rate().fromTarget()) {
            BigDecimal rate = RateFromTarget.rate(written, pay, target, ceiling.max() == null, problems);
            return rate == null ? null : RateTable.flat(rate);
        }
        if (written.rate() != null) {
            BigDecimal value = written.rate().value();
            if (value.signum() < 0) {
                problems.add("rate", "must not be negative, was " + value.toPlainString());
                return null;
            }
            BigDecimal rate = ceiling.check(problems, "rate", value);
            return rate == null ? null : RateTable.flat(rate);
        }
        PlanFile.Table table = written.rateTable();
        if (table == null) {
            if (!problems.has("rate") && !problems.has("rate_table")) {
                problems.add("rate_table", "is required (or a flat rate)");
            }
            return null;
        }
        FieldProblems tableProblems = problems.under("rate_table");
        TierPolicy policy = table.policy() == null ? TierPolicy.MARGINAL : table.policy();
        // per unit, bands are counts of units: on amounts, the quantity priced being the count
        BandBasis basis = table.basis() != null ? table.basis()
                : pay == PayMethod.PER_UNIT ? BandBasis.AMOUNT : BandBasis.ATTAINMENT;
        List<Band> bands = tableProblems.each("bands", table.bands(), (band, at) -> new Band(band.from(), band.to(),
                ceiling.check(at, "rate", band.rate()), BandPay.amount(band, table.amounts(), at)));
        Threshold threshold = threshold(table.threshold(), basis, tableProblems);
        if (problems.has("rate_table")) {
            return null;
        }
        RateTable result = new RateTable(policy, basis, bands, threshold, table.pricing(), table.amounts());
        result.problems().forEach(tableProblems::add);
        BandPay.checkPay(result, written.pay() == null ? PayMethod.RATE_ON_VALUE : written.pay(), tableProblems);
        return result;
    }

    private static Threshold threshold(PlanFile.Threshold written, BandBasis basis, FieldProblems problems) {
        if (written == null) {
            return null;
        }
        boolean onAmount = basis == BandBasis.AMOUNT;
        String key = onAmount ? "amount" : "attainment";
        String other = onAmount ? "attainment" : "amount";
        if ((onAmount ? written.attainment() : written.amount()) != null) {
            problems.add("threshold." + other, "the threshold must be on the table's basis (" + key + ")");
        }
        BigDecimal at = onAmount ? written.amount() : written.attainment();
        if (at == null && !problems.has("threshold." + key)) {
            problems.add("threshold." + key, "is required");
        }
        return at == null || written.semantics() == null ? null : new Threshold(at, written.semantics());
    }

    private CreditMultiplier multiplier(PlanFile.Multiplier written, Ceiling ceiling, FieldProblems problems) {
        String when = condition(conditionProblem, written.when(), problems);
        String bundle = written.bundleIncludes();
        BigDecimal factor = ceiling.check(problems, "factor", written.factor());
        BigDecimal extra = ceiling.check(problems, "extra", written.extra());
        if (problems.has("factor") || problems.has("extra")) {
            return null;
        }
        if ((when == null) == (bundle == null)) {
            problems.add("give either when (with factor) or bundle_includes (with extra)");
        } else if (when != null && factor == null) {
            problems.add("factor", "is required with when");
        } else if (bundle != null && extra == null) {
            problems.add("extra", "is required with bundle_includes");
        } else {
            return new CreditMultiplier(when, bundle, factor, extra);
        }
        return null;
    }

    private static Map<String, BigDecimal> quotaByPeriod(Map<String, BigDecimal> written, FieldProblems problems) {
        Map<String, BigDecimal> result = new LinkedHashMap<>();
        (written == null ? Map.<String, BigDecimal>of() : written).forEach((period, quota) -> {
            String field = "quota_by_period." + period;
            if (!FiscalYear.isWindowKey(period)) {
                problems.add(field, "period must be YYYY, YYYY-Qn or YYYY-MM (FYyyyy, FYyyyy-Qn for a fiscal year)");
            } else if (quota != null && quota.signum() <= 0) {
                problems.add(field, "must be above zero");
            } else if (quota != null && quota(problems, field, quota) != null) {
                result.put(period, quota);
            }
        });
        return result;
    }

    /** A team pool's metric: any a member has a year-to-date figure of, which an MBO score is not. */
    private static Metric poolMetric(String text, FieldProblems problems) {
        Metric metric = metric(text, problems);
        if (metric != null && metric.kind() == Metric.Kind.MBO) {
            problems.add("metric", "a team pool cannot measure an MBO score (" + metric + "): a score of 0-1 per "
                    + "rep does not add up to a team figure; pool on bookings, usage, activities or a KPI");
        }
        return metric;
    }

    private static Metric metric(String text, FieldProblems problems) {
        if (text == null) {
            return null;
        }
        Optional<Metric> metric = Metric.parse(text);
        if (metric.isEmpty()) {
            problems.add("metric", "unknown metric '" + text + "' (known: " + String.join(", ",
                    Stream.of(Metric.Kind.values()).map(k -> k == Metric.Kind.KPI || k == Metric.Kind.MBO
                            ? k.name() + ":<name>" : k.name()).toList()) + ")");
        }
        return metric.orElse(null);
    }

    /** The condition, with what {@code check} finds wrong with it added at {@code when}. */
    static String condition(Function<String, Optional<String>> check, String expression, FieldProblems problems) {
        if (expression != null) {
            check.apply(expression).ifPresent(problem -> problems.add("when", problem));
        }
        return expression;
    }
}
