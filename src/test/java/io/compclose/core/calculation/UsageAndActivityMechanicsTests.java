package io.compclose.core.calculation;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.groups.Tuple.tuple;

import java.math.BigDecimal;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.YearMonth;
import java.util.Currency;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import io.compclose.core.money.Money;
import io.compclose.core.plan.Plan;
import io.compclose.plan.PlanLoader;
import io.compclose.rules.Conditions;

/** Consumption (revenue and growth over the trailing baseline, in two currencies) and typed activities. */
class UsageAndActivityMechanicsTests {

    private static final YearMonth OCT = YearMonth.of(2026, 10);
    private static final YearMonth NOV = YearMonth.of(2026, 11);

    @TempDir
    Path plans;

    private final RepCalculator calculator = new RepCalculator(expression -> t -> Conditions.holds(expression, t));

    private static final Currency USD = Currency.getInstance("USD");

    private static Money usd(String v) {
        return Money.of(v, "USD");
    }

    private static BigDecimal d(String v) {
        return new BigDecimal(v);
    }

    private Plan plan(String yaml) throws Exception {
        Files.writeString(plans.resolve("p.yaml"), yaml);
        return new PlanLoader(Conditions::problem).load(plans).plans().get(0);
    }

    private static RepPeriodInput usage(List<AccountUsage> accounts) {
        return new RepPeriodInput(USD, List.of(), Map.of(), Map.of(), Map.of(), Set.of(), Ledger.start(USD), accounts,
                Map.of());
    }

    /** A-1 bills USD 10,000 / 11,000 / 12,000 in Jul-Sep and 15,000 in Oct and Nov; the rep owns it from October. */
    private static AccountUsage usdAccount(YearMonth... credited) {
        Map<YearMonth, BigDecimal> rates = new java.util.HashMap<>();
        for (YearMonth m : credited) {
            rates.put(m, BigDecimal.ONE);
        }
        return new AccountUsage("A-1", "USD", "USD", Map.of(YearMonth.of(2026, 7), d("10000"),
                YearMonth.of(2026, 8), d("11000"), YearMonth.of(2026, 9), d("12000"), OCT, d("15000"),
                NOV, d("15000")), rates);
    }

    /** A-2 is new: EUR 1,000 in October, nothing before; converted at October's 1.08. */
    private static AccountUsage eurAccount() {
        return new AccountUsage("A-2", "EUR", "USD", Map.of(OCT, d("1000")), Map.of(OCT, d("1.08")));
    }

    private static final String CSM = """
            plan: CSM
            version: 1
            effective_from: 2026-01-01
            currency: USD
            target_incentive: 20000
            components:
              - id: growth
                metric: USAGE_GROWTH
                rate: 0.05
            bonuses:
              - {id: usage-up-20, metric: USAGE_GROWTH, at_least: 0.20, amount: 2500, once_per: YEAR}
            """;

    @Test
    void growthOverTheTrailingThreeMonthAverageIsPaidAndMaintainingVolumeEarnsLess() throws Exception {
        Plan plan = plan(CSM);

        // October: A-1 baseline (10,000 + 11,000 + 12,000) / 3 = 11,000; growth 15,000 - 11,000 = 4,000 x 5 % = 200.00
        // A-2 baseline 0; growth EUR 1,000 x 1.08 = USD 1,080.00 x 5 % = 54.00; earned 254.00
        // bonus: revenue 15,000 + 1,080 = 16,080 over baseline 11,000 + 0 = 11,000: up 46.18 % >= 20 % -> 2,500
        RepPeriodResult october = calculator.calculate(plan, OCT, usage(List.of(usdAccount(OCT), eurAccount())));
        assertThat(october.components().get(0).lines())
                .extracting(ComponentLine::sourceId, ComponentLine::credit, ComponentLine::amount, ComponentLine::why)
                .containsExactly(
                        tuple("A-1", d("4000.00"), usd("200.00"), "USD usage 2026-10 15000.00 − baseline 11000.00 "
                                + "(average of 2026-07 to 2026-09) = growth 4000.00"),
                        tuple("A-2", d("1080.00"), usd("54.00"), "EUR usage 2026-10 1000.00 − baseline 0.00 "
                                + "(average of 2026-07 to 2026-09) = growth 1000.00 × 1.08 = USD 1080.00"));
        assertThat(october.payLines()).extracting(PayLine::code, PayLine::amount, PayLine::why).containsExactly(
                tuple(EarningCode.COMMISSION, usd("254.00"), "earned to date 254.00 − paid 0.00"),
                tuple(EarningCode.BONUS, usd("2500"), "bonus usage-up-20: USAGE_GROWTH 0.4618 reached 0.2"));

        // November, A-1 only: baseline (11,000 + 12,000 + 15,000) / 3 = 12,666.67; growth 15,000 - 12,666.67
        // = 2,333.33 x 5 % = 116.67 (116.6665 half-even); October's lines stay 200.00 + 54.00
        RepPeriodResult november = calculator.calculate(plan, NOV, usage(List.of(usdAccount(OCT, NOV), eurAccount())));
        assertThat(november.components().get(0).linesOf(NOV)).extracting(ComponentLine::credit, ComponentLine::amount)
                .containsExactly(tuple(d("2333.33"), usd("116.67")));
        assertThat(november.earnedToDate().amount()).isEqualByComparingTo("370.67");
    }

    @Test
    void usageRevenueCountsOnlyTheMonthsTheRepOwnsTheAccount() throws Exception {
        Plan plan = plan("""
                plan: CONS
                version: 1
                effective_from: 2026-01-01
                currency: USD
                components:
                  - id: consumption
                    metric: USAGE_REVENUE
                    rate: 0.02
                bonuses:
                  - {id: usage-30k, metric: USAGE_REVENUE, at_least: 30000, amount: 1000, once_per: YEAR}
                """);
        // owned in November only: 15,000 x 2 % = 300.00; October's 15,000 belongs to whoever owned it then
        RepPeriodResult november = calculator.calculate(plan, NOV, usage(List.of(usdAccount(NOV))));
        assertThat(november.earnedToDate().amount()).isEqualByComparingTo("300.00");
        assertThat(november.payLines()).extracting(PayLine::code).containsExactly(EarningCode.COMMISSION);

        // owned in October and November: 30,000 revenue to date reaches the 30,000 milestone
        RepPeriodResult both = calculator.calculate(plan, NOV, usage(List.of(usdAccount(OCT, NOV))));
        assertThat(both.earnedToDate().amount()).isEqualByComparingTo("600.00");
        assertThat(both.payLines()).extracting(PayLine::code, PayLine::amount).contains(
                tuple(EarningCode.BONUS, usd("1000")));
    }

    @Test
    void anActivityConditionCountsOnlyTheTypesItNames() throws Exception {
        Plan plan = plan("""
                plan: SDR
                version: 1
                effective_from: 2026-01-01
                currency: USD
                target_incentive: 12000
                measurement: MONTH
                components:
                  - id: meetings
                    metric: ACTIVITY_COUNT
                    when: "type == 'DISCOVERY_MEETING'"
                    quota: 240
                    pay: TARGET_BY_ATTAINMENT
                    rate_table: {bands: [{from: 0, rate: 1.0}]}
                """);
        // October: 18 discovery meetings of a monthly quota 240 / 12 = 20 -> 90 %; follow-ups do not count;
        // monthly target 12,000 / 12 = 1,000 x 100 % weight x 0.9 = 900.00
        RepPeriodInput input = new RepPeriodInput(USD, List.of(), Map.of("2026-10", Map.of("ACTIVITY_COUNT", d("48"))),
                Map.of(), Map.of(), Set.of(), Ledger.start(USD), List.of(),
                Map.of("2026-10", Map.of("DISCOVERY_MEETING", d("18"), "FOLLOW_UP", d("30"))));
        RepPeriodResult october = calculator.calculate(plan, OCT, input);
        assertThat(october.components()).filteredOn(c -> c.componentId().endsWith("2026-10")).singleElement()
                .satisfies(c -> {
                    assertThat(c.creditToDate()).isEqualByComparingTo("18");
                    assertThat(c.attainment()).isEqualByComparingTo("0.9");
                    assertThat(c.earnedToDate().amount()).isEqualByComparingTo("900.00");
                });
    }
}
