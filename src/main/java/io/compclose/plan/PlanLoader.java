package io.compclose.plan;

import io.compclose.core.plan.Band;
import io.compclose.core.plan.BandBasis;
import io.compclose.core.plan.CreditMultiplier;
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
import io.compclose.core.plan.ThresholdSemantics;
import io.compclose.core.plan.TierPolicy;
import java.io.IOException;
import java.io.Reader;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Function;
import java.util.stream.Stream;

import org.yaml.snakeyaml.DumperOptions;
import org.yaml.snakeyaml.LoaderOptions;
import org.yaml.snakeyaml.Yaml;
import org.yaml.snakeyaml.constructor.SafeConstructor;
import org.yaml.snakeyaml.error.YAMLException;
import org.yaml.snakeyaml.nodes.Tag;
import org.yaml.snakeyaml.representer.Representer;
import org.yaml.snakeyaml.resolver.Resolver;

/**
 * Reads every {@code *.yaml} / {@code *.yml} under a plans folder into {@link Plan} records and
 * validates them before any calculation: every problem names the file, the plan and the field.
 * Scalars are read as text and parsed here, never as YAML floats, so a rate of 0.08 stays exactly
 * 0.08. Conditions ({@code when}) are checked by the function given, which knows their language.
 */
public final class PlanLoader {

    private static final Set<String> PLAN_FIELDS = Set.of("plan", "version", "name", "effective_from",
            "effective_to", "currency", "base_salary", "target_incentive", "measurement", "components", "caps",
            "draw", "holdback", "clawback", "spiffs", "bonuses", "team_pool", "mbo", "allow_rate_above_one",
            "allow_multiplier_above");
    private static final Set<String> COMPONENT_FIELDS = Set.of("id", "weight", "metric", "when", "quota",
            "quota_by_period", "credit_multipliers", "pay", "rate", "rate_table", "caps");
    private static final int RECOMMENDED_COMPONENTS = 3;
    /** Above this a multiplier is taken for a typo unless the plan raises the limit (allow_multiplier_above). */
    static final BigDecimal MULTIPLIER_LIMIT = BigDecimal.valueOf(5);
    /** The digits a quota may have before the point: credit and quota are stored as decimal(21,6). */
    private static final int QUOTA_WHOLE_DIGITS = 15;
    private static final int QUOTA_DECIMALS = 6;

    /**
     * The most a rate or a multiplier may be without the plan saying so, and what the refusal adds: a rate
     * of 9 written for 0.09 pays a hundred times over, and nothing later in the close would object.
     */
    private record Ceiling(BigDecimal max, String refusal) {

        static final Ceiling NONE = new Ceiling(null, "");

        static Ceiling rates(boolean allowed) {
            return allowed ? NONE : new Ceiling(BigDecimal.ONE, " is above 1 (100 %): rates are fractions (0.09 is "
                    + "9 %); if it is meant, set allow_rate_above_one: true on the plan");
        }

        static Ceiling multipliers(BigDecimal limit) {
            return new Ceiling(limit, " is a multiplier above " + limit.stripTrailingZeros().toPlainString()
                    + "; if it is meant, set allow_multiplier_above: <the largest multiplier> on the plan");
        }

        BigDecimal check(YamlNode node, String field, BigDecimal value) {
            if (value != null && max != null && value.compareTo(max) > 0) {
                node.problem(field, value.toPlainString() + refusal);
                return null;
            }
            return value;
        }
    }

    /** The ceilings a plan's fields are held to: rates at 1 and multipliers at 5 unless the plan opts in. */
    private record Ceilings(Ceiling rate, Ceiling multiplier) {
    }

    private final Function<String, Optional<String>> conditionProblem;

    /** A loader that does not check condition syntax (for tools that only read plans). */
    public PlanLoader() {
        this(expression -> Optional.empty());
    }

    /** @param conditionProblem what is wrong with a condition expression, if anything */
    public PlanLoader(Function<String, Optional<String>> conditionProblem) {
        this.conditionProblem = conditionProblem;
    }

    public PlanCatalog load(Path plansDir) {
        if (!Files.isDirectory(plansDir)) {
            throw new PlanValidationException(List.of(plansDir + ": plans folder not found"));
        }
        List<Path> files;
        try (Stream<Path> listing = Files.list(plansDir)) {
            files = listing.filter(PlanLoader::isYaml).sorted().toList();
        } catch (IOException e) {
            throw new PlanValidationException(List.of(plansDir + ": cannot list plans: " + e.getMessage()));
        }
        if (files.isEmpty()) {
            throw new PlanValidationException(List.of(plansDir + ": no plan files (*.yaml)"));
        }
        List<String> problems = new ArrayList<>();
        List<String> warnings = new ArrayList<>();
        List<Plan> plans = new ArrayList<>();
        for (Path file : files) {
            plans.addAll(read(file, problems, warnings));
        }
        Set<String> seen = new HashSet<>();
        for (Plan plan : plans) {
            if (!seen.add(plan.id() + "#" + plan.version())) {
                problems.add(plan.sourceFile() + ": plan " + plan.id() + ": version " + plan.version()
                        + " is defined more than once");
            }
        }
        if (!problems.isEmpty()) {
            throw new PlanValidationException(problems);
        }
        return new PlanCatalog(plans, warnings);
    }

    List<Plan> read(Path file, List<String> problems, List<String> warnings) {
        String name = file.getFileName().toString();
        List<Plan> plans = new ArrayList<>();
        try (Reader reader = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
            for (Object document : textOnlyYaml().loadAll(reader)) {
                if (document == null) {
                    continue;
                }
                if (!(document instanceof Map<?, ?> map)) {
                    problems.add(name + ": a plan must be a mapping of fields");
                    continue;
                }
                Object id = map.get("plan");
                String where = name + ": plan " + (id == null ? "(no id)" : id);
                int before = problems.size();
                Plan plan = plan(new YamlNode(map, "", where, problems), name, warnings, where);
                if (plan != null && problems.size() == before) {
                    plans.add(plan);
                }
            }
        } catch (IOException | YAMLException e) {
            problems.add(name + (notUtf8(e) ? ": not valid UTF-8 (save the file as UTF-8)"
                    : ": not readable as YAML: " + firstLine(e.getMessage())));
        }
        return plans;
    }

    private Plan plan(YamlNode node, String file, List<String> warnings, String where) {
        node.onlyFields(PLAN_FIELDS);
        String id = node.text("plan", true);
        Integer version = node.whole("version", true, 1);
        String name = node.text("name", false);
        LocalDate from = node.date("effective_from", true);
        LocalDate to = node.date("effective_to", false);
        if (from != null && to != null && to.isBefore(from)) {
            node.problem("effective_to", "is before effective_from");
        }
        String currency = node.currency("currency");
        BigDecimal base = node.notNegative("base_salary", false);
        BigDecimal target = node.notNegative("target_incentive", false);
        Measurement measurement = node.has("measurement")
                ? node.choice("measurement", Measurement.class, true) : Measurement.YEAR_TO_DATE;
        Ceilings ceilings = ceilings(node);
        List<PlanComponent> components = node.list("components", c -> component(c, ceilings));
        if (!node.has("components")) {
            node.problem("components", "at least one component is required");
        } else if (node.listSize("components") == 0) {
            node.problem("components", "at least one component is required, the list is empty");
        }
        checkComponents(node, components, target, warnings, where);
        PlanTerms.Caps caps = caps(node.child("caps"), target);
        PlanTerms.Draw draw = draw(node.child("draw"));
        PlanTerms.Holdback holdback = holdback(node.child("holdback"));
        PlanTerms.Clawback clawback = clawback(node.child("clawback"));
        List<PlanTerms.Spiff> spiffs = node.list("spiffs", this::spiff);
        List<PlanTerms.Bonus> bonuses = node.list("bonuses", PlanLoader::bonus);
        PlanTerms.TeamPool pool = teamPool(node.child("team_pool"));
        List<PlanTerms.Mbo> mbos = node.list("mbo", n -> mbo(n, target));
        if (id == null || version == null || from == null || currency == null || measurement == null) {
            return null;
        }
        return new Plan(id, version, name == null ? id : name, from, to, currency, base, target, measurement,
                components, caps == null ? PlanTerms.Caps.NONE : caps, draw, holdback, clawback, spiffs, bonuses, pool,
                mbos, file);
    }

    /** The plan's opt-ins: {@code allow_rate_above_one: true}, {@code allow_multiplier_above: 10}. */
    private static Ceilings ceilings(YamlNode node) {
        boolean ratesAboveOne = node.flag("allow_rate_above_one");
        BigDecimal multiplierLimit = node.notNegative("allow_multiplier_above", false);
        if (multiplierLimit != null && multiplierLimit.compareTo(MULTIPLIER_LIMIT) <= 0) {
            node.problem("allow_multiplier_above", "must be above " + MULTIPLIER_LIMIT + " (the limit without it), was "
                    + multiplierLimit.toPlainString());
            multiplierLimit = null;
        }
        return new Ceilings(Ceiling.rates(ratesAboveOne),
                Ceiling.multipliers(multiplierLimit == null ? MULTIPLIER_LIMIT : multiplierLimit));
    }

    private PlanComponent component(YamlNode node, Ceilings ceilings) {
        node.onlyFields(COMPONENT_FIELDS);
        String id = node.text("id", true);
        BigDecimal weight = node.notNegative("weight", false);
        Metric metric = metric(node, "metric");
        String when = condition(node, "when");
        BigDecimal quota = quota(node, "quota", node.notNegative("quota", false));
        Map<String, BigDecimal> quotaByPeriod = quotaByPeriod(node);
        List<CreditMultiplier> multipliers = node.list("credit_multipliers", m -> multiplier(m, ceilings.multiplier()));
        PayMethod pay = node.has("pay") ? node.choice("pay", PayMethod.class, true) : PayMethod.RATE_ON_VALUE;
        // paid by attainment, a band's rate is a payout multiplier (1.5 pays 150 % of target); on value, a rate
        RateTable table = rateTable(node, pay == PayMethod.TARGET_BY_ATTAINMENT ? ceilings.multiplier()
                : ceilings.rate());
        YamlNode caps = node.child("caps");
        BigDecimal perDeal = null;
        if (caps != null) {
            caps.onlyFields(Set.of("per_deal"));
            perDeal = caps.notNegative("per_deal", false);
        }
        if (metric != null && pay == PayMethod.RATE_ON_VALUE && !metric.isMoney()) {
            node.problem("pay", "RATE_ON_VALUE needs a money metric; " + metric + " is not money, use "
                    + "TARGET_BY_ATTAINMENT");
        }
        if (metric != null && !metric.isMeasuredOnBookings()) {
            // a condition reads bookings, or the type of an activity; nothing else has properties to test
            if (when != null && metric.kind() != Metric.Kind.ACTIVITY_COUNT) {
                node.problem("when", "conditions read bookings (or an activity's type); " + metric
                        + " has nothing to test");
            }
            if (!multipliers.isEmpty()) {
                node.problem("credit_multipliers", "multipliers change booking credit; " + metric
                        + " is not measured on bookings");
            }
        }
        boolean hasQuota = node.has("quota") || node.has("quota_by_period");
        if (table != null && table.basis() == BandBasis.ATTAINMENT && !hasQuota
                && (pay == PayMethod.TARGET_BY_ATTAINMENT || !isFlat(table))) {
            node.problem("quota", "is required: the rate table's bands are fractions of quota");
        }
        if (id == null || metric == null || pay == null || table == null) {
            return null;
        }
        return new PlanComponent(id, weight, metric, when, quota, quotaByPeriod, multipliers, pay, table, perDeal);
    }

    private static boolean isFlat(RateTable table) {
        return table.bands().size() == 1 && table.threshold() == null && table.bands().get(0).to() == null;
    }

    private void checkComponents(YamlNode node, List<PlanComponent> components, BigDecimal target,
            List<String> warnings, String where) {
        if (components.size() > RECOMMENDED_COMPONENTS) {
            warnings.add(where + ": components: " + components.size() + " components; good plans keep to "
                    + RECOMMENDED_COMPONENTS + " or fewer");
        }
        // a component refused for its own fields is missing from the weights: their sum would only mislead
        boolean allRead = components.size() == node.listSize("components");
        if (allRead && (components.size() > 1 || components.stream().anyMatch(c -> c.weight() != null))) {
            if (components.stream().anyMatch(c -> c.weight() == null)) {
                node.problem("components", "every component needs a weight when there are several");
            } else {
                BigDecimal sum = components.stream().map(PlanComponent::weight).reduce(BigDecimal.ZERO,
                        BigDecimal::add);
                if (sum.compareTo(BigDecimal.ONE) != 0) {
                    node.problem("components", "weights sum to " + sum.stripTrailingZeros().toPlainString()
                            + ", they must sum to 1 (100 %)");
                }
            }
        }
        Set<String> ids = new HashSet<>();
        for (PlanComponent c : components) {
            if (!ids.add(c.id())) {
                node.problem("components", "component id '" + c.id() + "' is used twice");
            }
            if (c.pay() == PayMethod.TARGET_BY_ATTAINMENT && target == null) {
                node.problem("target_incentive", "is required: component " + c.id() + " pays by attainment");
            }
        }
    }

    /**
     * A quota above zero that the quota and credit columns hold: a zero quota makes attainment a division by
     * zero (leave quota out where a component has none), and 1e400 is no one's quota.
     */
    private static BigDecimal quota(YamlNode node, String field, BigDecimal quota) {
        if (quota == null) {
            return null;
        }
        if (quota.signum() == 0) {
            node.problem(field, "must be above zero, was " + quota.toPlainString()
                    + " (leave quota out for a component without one)");
            return null;
        }
        BigDecimal exact = quota.stripTrailingZeros();
        if (exact.precision() - exact.scale() > QUOTA_WHOLE_DIGITS || exact.scale() > QUOTA_DECIMALS) {
            node.problem(field, "must have at most " + QUOTA_WHOLE_DIGITS + " digits before the decimal point and "
                    + QUOTA_DECIMALS + " after, was " + exact.toString());
            return null;
        }
        return quota;
    }

    private RateTable rateTable(YamlNode node, Ceiling ceiling) {
        if (node.has("rate") && node.has("rate_table")) {
            node.problem("rate", "give either rate (a flat rate) or rate_table, not both");
            return null;
        }
        if (node.has("rate")) {
            BigDecimal rate = ceiling.check(node, "rate", node.notNegative("rate", true));
            return rate == null ? null : RateTable.flat(rate);
        }
        YamlNode table = node.child("rate_table");
        if (table == null) {
            node.problem("rate_table", "is required (or a flat rate)");
            return null;
        }
        table.onlyFields(Set.of("policy", "basis", "bands", "threshold"));
        TierPolicy policy = table.has("policy") ? table.choice("policy", TierPolicy.class, true) : TierPolicy.MARGINAL;
        BandBasis basis = table.has("basis") ? table.choice("basis", BandBasis.class, true) : BandBasis.ATTAINMENT;
        List<Band> bands = table.list("bands", band -> band(band, ceiling));
        if (!table.has("bands")) {
            table.problem("bands", "at least one band is required");
        }
        Threshold threshold = threshold(table.child("threshold"), basis);
        if (policy == null || basis == null) {
            return null;
        }
        RateTable result = new RateTable(policy, basis, bands, threshold);
        result.problems().forEach(problem -> table.problem(problem));
        return result;
    }

    private static Band band(YamlNode node, Ceiling ceiling) {
        node.onlyFields(Set.of("from", "to", "rate"));
        BigDecimal from = node.notNegative("from", true);
        BigDecimal to = node.notNegative("to", false);
        BigDecimal rate = ceiling.check(node, "rate", node.decimal("rate", true));
        return from == null || rate == null ? null : new Band(from, to, rate);
    }

    private static Threshold threshold(YamlNode node, BandBasis basis) {
        if (node == null) {
            return null;
        }
        node.onlyFields(Set.of("attainment", "amount", "semantics"));
        String key = basis == BandBasis.AMOUNT ? "amount" : "attainment";
        String other = basis == BandBasis.AMOUNT ? "attainment" : "amount";
        if (node.has(other)) {
            node.problem(other, "the threshold must be on the table's basis (" + key + ")");
        }
        BigDecimal at = node.notNegative(key, true);
        ThresholdSemantics semantics = node.choice("semantics", ThresholdSemantics.class, true);
        return at == null || semantics == null ? null : new Threshold(at, semantics);
    }

    private CreditMultiplier multiplier(YamlNode node, Ceiling ceiling) {
        node.onlyFields(Set.of("when", "bundle_includes", "factor", "extra"));
        String when = condition(node, "when");
        String bundle = node.text("bundle_includes", false);
        BigDecimal factor = ceiling.check(node, "factor", node.notNegative("factor", false));
        BigDecimal extra = ceiling.check(node, "extra", node.notNegative("extra", false));
        if ((factor == null && node.has("factor")) || (extra == null && node.has("extra"))) {
            return null;
        }
        if ((when == null) == (bundle == null)) {
            node.problem("give either when (with factor) or bundle_includes (with extra)");
            return null;
        }
        if (when != null && factor == null) {
            node.problem("factor", "is required with when");
            return null;
        }
        if (bundle != null && extra == null) {
            node.problem("extra", "is required with bundle_includes");
            return null;
        }
        return new CreditMultiplier(when, bundle, factor, extra);
    }

    private static Map<String, BigDecimal> quotaByPeriod(YamlNode node) {
        Map<?, ?> raw = node.raw("quota_by_period");
        Map<String, BigDecimal> result = new LinkedHashMap<>();
        if (raw == null) {
            return result;
        }
        for (Map.Entry<?, ?> e : raw.entrySet()) {
            String key = String.valueOf(e.getKey());
            if (!key.matches("\\d{4}(-Q[1-4]|-(0[1-9]|1[0-2]))?")) {
                node.problem("quota_by_period." + key, "period must be YYYY, YYYY-Qn or YYYY-MM");
                continue;
            }
            try {
                BigDecimal quota = new BigDecimal(String.valueOf(e.getValue()));
                if (quota.signum() <= 0) {
                    node.problem("quota_by_period." + key, "must be above zero");
                } else if (quota(node, "quota_by_period." + key, quota) != null) {
                    result.put(key, quota);
                }
            } catch (NumberFormatException ex) {
                node.problem("quota_by_period." + key, "must be a number, was '" + e.getValue() + "'");
            }
        }
        return result;
    }

    private static PlanTerms.Caps caps(YamlNode node, BigDecimal target) {
        if (node == null) {
            return null;
        }
        node.onlyFields(Set.of("per_period", "per_year", "multiple_of_target"));
        BigDecimal multiple = node.notNegative("multiple_of_target", false);
        if (multiple != null && target == null) {
            node.problem("multiple_of_target", "needs target_incentive on the plan");
        }
        return new PlanTerms.Caps(node.notNegative("per_period", false), node.notNegative("per_year", false), multiple);
    }

    private static PlanTerms.Draw draw(YamlNode node) {
        if (node == null) {
            return null;
        }
        node.onlyFields(Set.of("kind", "per_period", "periods"));
        PlanTerms.Draw.Kind kind = node.choice("kind", PlanTerms.Draw.Kind.class, true);
        BigDecimal perPeriod = node.notNegative("per_period", true);
        Integer periods = node.whole("periods", true, 1);
        return kind == null || perPeriod == null || periods == null ? null
                : new PlanTerms.Draw(kind, perPeriod, periods);
    }

    private static PlanTerms.Holdback holdback(YamlNode node) {
        if (node == null) {
            return null;
        }
        node.onlyFields(Set.of("share", "release"));
        BigDecimal share = node.notNegative("share", true);
        if (share != null && share.compareTo(BigDecimal.ONE) > 0) {
            node.problem("share", "must be between 0 and 1, was " + share.toPlainString());
        }
        PlanTerms.Holdback.Release release = node.choice("release", PlanTerms.Holdback.Release.class, true);
        return share == null || release == null ? null : new PlanTerms.Holdback(share, release);
    }

    private static PlanTerms.Clawback clawback(YamlNode node) {
        if (node == null) {
            return null;
        }
        node.onlyFields(Set.of("window_days", "method"));
        Integer window = node.whole("window_days", true, 0);
        PlanTerms.Clawback.Method method = node.choice("method", PlanTerms.Clawback.Method.class, true);
        return window == null || method == null ? null : new PlanTerms.Clawback(window, method);
    }

    private PlanTerms.Spiff spiff(YamlNode node) {
        node.onlyFields(Set.of("id", "from", "to", "when", "amount_per_deal"));
        String id = node.text("id", true);
        LocalDate from = node.date("from", true);
        LocalDate to = node.date("to", true);
        if (from != null && to != null && to.isBefore(from)) {
            node.problem("to", "is before from");
        }
        String when = condition(node, "when");
        BigDecimal amount = node.notNegative("amount_per_deal", true);
        return id == null || from == null || to == null || amount == null ? null
                : new PlanTerms.Spiff(id, from, to, when, amount);
    }

    private static PlanTerms.Bonus bonus(YamlNode node) {
        node.onlyFields(Set.of("id", "metric", "at_least", "amount", "once_per"));
        String id = node.text("id", true);
        Metric metric = metric(node, "metric");
        BigDecimal atLeast = node.decimal("at_least", true);
        BigDecimal amount = node.notNegative("amount", true);
        String oncePer = node.text("once_per", false);
        if (oncePer != null && !oncePer.equalsIgnoreCase("YEAR")) {
            node.problem("once_per", "only YEAR is known, was '" + oncePer + "'");
        }
        return id == null || metric == null || atLeast == null || amount == null ? null
                : new PlanTerms.Bonus(id, metric, atLeast, amount);
    }

    private static PlanTerms.TeamPool teamPool(YamlNode node) {
        if (node == null) {
            return null;
        }
        node.onlyFields(Set.of("team", "metric", "target", "pool", "split", "all_must_qualify"));
        String team = node.text("team", true);
        Metric metric = metric(node, "metric");
        BigDecimal target = node.notNegative("target", true);
        BigDecimal pool = node.notNegative("pool", true);
        PlanTerms.TeamPool.Split split = node.choice("split", PlanTerms.TeamPool.Split.class, true);
        boolean all = node.flag("all_must_qualify");
        return team == null || metric == null || target == null || pool == null || split == null ? null
                : new PlanTerms.TeamPool(team, metric, target, pool, split, all);
    }

    private static PlanTerms.Mbo mbo(YamlNode node, BigDecimal target) {
        node.onlyFields(Set.of("objective", "weight"));
        String objective = node.text("objective", true);
        BigDecimal weight = node.notNegative("weight", true);
        if (weight != null && weight.compareTo(BigDecimal.ONE) > 0) {
            node.problem("weight", "must be between 0 and 1, was " + weight.toPlainString());
        }
        if (target == null) {
            node.problem("MBO pays a share of target_incentive, which the plan does not set");
        }
        return objective == null || weight == null ? null : new PlanTerms.Mbo(objective, weight);
    }

    private static Metric metric(YamlNode node, String field) {
        String raw = node.text(field, true);
        if (raw == null) {
            return null;
        }
        Optional<Metric> metric = Metric.parse(raw);
        if (metric.isEmpty()) {
            node.problem(field, "unknown metric '" + raw + "' (known: " + String.join(", ",
                    Stream.of(Metric.Kind.values()).map(k -> k == Metric.Kind.KPI || k == Metric.Kind.MBO
                            ? k.name() + ":<name>" : k.name()).toList()) + ")");
        }
        return metric.orElse(null);
    }

    private String condition(YamlNode node, String field) {
        String expression = node.text(field, false);
        if (expression != null) {
            conditionProblem.apply(expression).ifPresent(problem -> node.problem(field, problem));
        }
        return expression;
    }

    /** A plan file, as {@link #load} takes it: a regular file named *.yaml or *.yml. */
    public static boolean isYaml(Path p) {
        String n = p.getFileName().toString().toLowerCase(Locale.ROOT);
        return Files.isRegularFile(p) && (n.endsWith(".yaml") || n.endsWith(".yml"));
    }

    /** The reader's complaint about bytes that are not UTF-8 names a Java exception, not the file's fault. */
    private static boolean notUtf8(Throwable failure) {
        for (Throwable t = failure; t != null; t = t.getCause()) {
            if (t instanceof java.nio.charset.CharacterCodingException) {
                return true;
            }
        }
        return false;
    }

    private static String firstLine(String message) {
        return message == null ? "" : message.lines().findFirst().orElse("");
    }

    /** YAML that resolves only nulls implicitly: numbers and dates stay text for exact parsing. */
    /** YAML read as text only: no implicit dates, numbers or booleans, so every value is parsed and checked here. */
    public static Yaml textOnlyYaml() {
        Resolver resolver = new Resolver() {
            @Override
            protected void addImplicitResolvers() {
                addImplicitResolver(Tag.NULL, NULL, "~nN\0");
                addImplicitResolver(Tag.NULL, EMPTY, null);
            }
        };
        LoaderOptions options = new LoaderOptions();
        options.setAllowDuplicateKeys(false);
        return new Yaml(new SafeConstructor(options), new Representer(new DumperOptions()), new DumperOptions(),
                options, resolver);
    }
}
