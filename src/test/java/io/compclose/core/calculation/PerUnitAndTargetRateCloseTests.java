package io.compclose.core.calculation;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.groups.Tuple.tuple;

import java.math.BigDecimal;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
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

/**
 * A plan file read by the plan loader and closed by the rep calculator: qualified meetings paid per unit with a
 * band on the count, sourced ACV at a rate from target, and the year-to-date true-up between two periods.
 * Rate from target is TI ÷ quota (bentega.io/sales-compensation: 30,000 / 600,000 = 5 %), taken on the
 * component's share of TI.
 */
class PerUnitAndTargetRateCloseTests {

    private static final YearMonth SEP = YearMonth.of(2026, 9);
    private static final YearMonth OCT = YearMonth.of(2026, 10);
    private static final Currency USD = Currency.getInstance("USD");

    @TempDir
    Path plans;

    private final RepCalculator calculator = new RepCalculator(expression -> t -> Conditions.holds(expression, t));

    private static BigDecimal d(String v) {
        return new BigDecimal(v);
    }

    private Plan plan(String measurement) throws Exception {
        Files.writeString(plans.resolve("p.yaml"), """
                plan: SDR
                version: 1
                effective_from: 2026-01-01
                currency: USD
                target_incentive: 60000
                measurement: %s
                components:
                  - id: meetings
                    weight: 0.5
                    metric: ACTIVITY_COUNT
                    when: "type == 'QUALIFIED_MEETING'"
                    pay: PER_UNIT
                    rate_table: {bands: [{from: 0, to: 20, rate: 50}, {from: 20, rate: 75}]}
                  - {id: sourced, weight: 0.5, metric: SOURCED_ACV, quota: 500000, rate: from_target}
                """.formatted(measurement));
        return new PlanLoader(Conditions::problem).load(plans).plans().get(0);
    }

    private static CreditedDeal sourced(String id, String bookedOn, String acv) {
        return new CreditedDeal(id, LocalDate.parse(bookedOn), "A-" + id, "NEW", "PLATFORM", null, d(acv), null, 12,
                BigDecimal.ONE, true);
    }

    private static RepPeriodInput input(List<CreditedDeal> deals, Map<String, Map<String, BigDecimal>> activities,
            Ledger prior) {
        return new RepPeriodInput(USD, deals, Map.of(), Map.of(), Map.of(), Set.of(), prior, List.of(), activities);
    }

    @Test
    void theYearToDateTrueUpPaysWhatThePeriodAddsToTheCountAndTheRate() throws Exception {
        Plan plan = plan("YEAR_TO_DATE");
        CreditedDeal s1 = sourced("S-1", "2026-09-10", "100000");
        CreditedDeal s2 = sourced("S-2", "2026-10-05", "50000");

        // September, year to date: 18 qualified meetings x 50 = 900.00 (follow-ups do not count);
        // sourced 100,000 x (60,000 x 0.5 / 500,000 = 6 %) = 6,000.00; earned and paid 6,900.00
        RepPeriodResult september = calculator.calculate(plan, SEP, input(List.of(s1),
                Map.of("2026", Map.of("QUALIFIED_MEETING", d("18"), "FOLLOW_UP", d("40"))), Ledger.start(USD)));
        assertThat(september.earnedToDate().amount()).isEqualByComparingTo("6900.00");
        assertThat(september.payLines()).extracting(PayLine::code, PayLine::amount)
                .containsExactly(tuple(EarningCode.COMMISSION, Money.of("6900.00", "USD")));

        // October, year to date: 25 meetings = 20 x 50 + 5 x 75 = 1,375.00; sourced 150,000 x 6 % = 9,000.00;
        // earned to date 10,375.00 - paid 6,900.00 = 3,475.00 = (1,375 - 900) meetings + 3,000 sourced
        RepPeriodResult october = calculator.calculate(plan, OCT, input(List.of(s1, s2),
                Map.of("2026", Map.of("QUALIFIED_MEETING", d("25"), "FOLLOW_UP", d("52"))),
                september.settlement().next()));
        assertThat(october.components().get(0).lines()).extracting(ComponentLine::credit, ComponentLine::band,
                ComponentLine::why).containsExactly(tuple(d("25"), "0–20 at 50 per unit + 20+ at 75 per unit",
                        "activities QUALIFIED_MEETING 25"));
        assertThat(october.earnedToDate().amount()).isEqualByComparingTo("10375.00");
        assertThat(october.payLines()).extracting(PayLine::code, PayLine::amount, PayLine::why).containsExactly(
                tuple(EarningCode.COMMISSION, Money.of("3475.00", "USD"), "earned to date 10375.00 − paid 6900.00"));
    }

    @Test
    void measuredEachMonthTheBandsStartAgainEveryMonth() throws Exception {
        Plan plan = plan("MONTH");

        // September 25 meetings: 20 x 50 + 5 x 75 = 1,375.00; October 25 again 1,375.00, not 25 x 75:
        // October's own 20 are below the band edge of its month. Earned to date 2,750.00
        RepPeriodResult october = calculator.calculate(plan, OCT, input(List.of(), Map.of(
                "2026-09", Map.of("QUALIFIED_MEETING", d("25")), "2026-10", Map.of("QUALIFIED_MEETING", d("25"))),
                Ledger.start(USD)));
        assertThat(october.components()).filteredOn(c -> c.componentId().startsWith("meetings 2026-"))
                .filteredOn(c -> !c.lines().isEmpty())
                .extracting(c -> c.earnedToDate().amount().stripTrailingZeros().toPlainString())
                .containsExactly("1375", "1375");
        assertThat(october.earnedToDate().amount()).isEqualByComparingTo("2750.00");
    }

    @Test
    void aNewLogoPaidPerUnitIsClawedBackWhenItsBookingIsCancelled() throws Exception {
        Files.writeString(plans.resolve("p.yaml"), """
                plan: AE
                version: 1
                effective_from: 2026-01-01
                currency: USD
                components: [{id: logos, metric: NEW_LOGO_COUNT, pay: PER_UNIT, rate: 500}]
                clawback: {window_days: 90, method: FULL}
                """);
        Plan plan = new PlanLoader(Conditions::problem).load(plans).plans().get(0);
        CreditedDeal l1 = new CreditedDeal("L-1", LocalDate.of(2026, 10, 2), "A-1", "NEW", "PLATFORM", null,
                d("40000"), null, 12, BigDecimal.ONE, false);
        CreditedDeal l2 = new CreditedDeal("L-2", LocalDate.of(2026, 10, 9), "A-2", "NEW", "PLATFORM", null,
                d("30000"), null, 12, BigDecimal.ONE, false);

        // two new logos x 500 = 1,000.00 earned (a cancelled booking keeps its credit); L-2, cancelled 11 days
        // after booking within the 90-day window, gives back the 500.00 its own line earned
        RepPeriodResult october = calculator.calculate(plan, OCT, new RepPeriodInput(USD, List.of(l1, l2), Map.of(),
                Map.of("L-2", LocalDate.of(2026, 10, 20)), Map.of(), Set.of(), Ledger.start(USD), List.of(),
                Map.of()));
        assertThat(october.components().get(0).lines()).extracting(ComponentLine::sourceId, ComponentLine::amount)
                .containsExactly(tuple("L-1", Money.of("500.00", "USD")), tuple("L-2", Money.of("500.00", "USD")));
        assertThat(october.payLines()).extracting(PayLine::code, PayLine::amount).containsExactly(
                tuple(EarningCode.COMMISSION, Money.of("1000.00", "USD")),
                tuple(EarningCode.CLAWBACK, Money.of("-500.00", "USD")));
    }
}
