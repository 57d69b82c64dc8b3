package io.compclose.core.calculation;

import static io.compclose.core.plan.FiscalYear.CALENDAR;
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

/** Whole periods for one rep: plan file in, pay lines out, month after month. */
class RepCalculatorTests {

    private static final YearMonth OCT = YearMonth.of(2026, 10);
    private static final YearMonth NOV = YearMonth.of(2026, 11);

    @TempDir
    Path plans;

    private final RepCalculator calculator = new RepCalculator(expression -> deal -> Conditions.holds(expression, deal));

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

    private static CreditedDeal deal(String id, String date, String type, String product, String acv) {
        return new CreditedDeal(id, LocalDate.parse(date), "A-" + id, type, product, null, d(acv), null, 12,
                BigDecimal.ONE, false);
    }

    private static RepPeriodInput input(List<CreditedDeal> deals, Map<String, LocalDate> cancellations,
            Map<String, RepPeriodInput.PaidCommission> paid, Ledger prior) {
        return new RepPeriodInput(USD, deals, Map.of(), cancellations, paid, Set.of(), prior, List.of(), Map.of());
    }

    @Test
    void novembersRetroactiveBandRepricesOctoberAndACancellationClawsBackAnOctoberPayout() throws Exception {
        Plan plan = plan("""
                plan: AE
                version: 1
                effective_from: 2026-01-01
                currency: USD
                components:
                  - id: bookings
                    metric: BOOKINGS_ACV
                    when: "type != 'RENEWAL'"
                    quota: 100000
                    credit_multipliers: [{when: "type == 'UPSELL'", factor: 1.25}]
                    rate_table: {policy: RETROACTIVE, bands: [{from: 0, to: 1.0, rate: 0.08}, {from: 1.0, rate: 0.12}]}
                clawback: {window_days: 180, method: FULL}
                spiffs: [{id: q4-backup, from: 2026-10-01, to: 2026-12-31, when: "product == 'BACKUP'", amount_per_deal: 500}]
                """);
        CreditedDeal d1 = deal("D1", "2026-10-05", "NEW", "PLATFORM", "40000");
        CreditedDeal d2 = deal("D2", "2026-10-20", "UPSELL", "BACKUP", "20000");
        CreditedDeal r1 = deal("R1", "2026-10-25", "RENEWAL", "PLATFORM", "30000");

        // October: credit 40,000 + 20,000 x 1.25 = 65,000 (65 %; the renewal does not count) at 8 %:
        // D1 3,200 + D2 2,000 = 5,200 commission, plus the 500 SPIFF on D2 (BACKUP): 5,700
        RepPeriodResult october = calculator.calculate(plan, OCT, input(List.of(d1, d2, r1), Map.of(), Map.of(),
                Ledger.start(USD)));
        assertThat(october.components().get(0).lines()).extracting(ComponentLine::sourceId, ComponentLine::credit,
                ComponentLine::amount).containsExactly(tuple("D1", d("40000"), usd("3200.00")),
                        tuple("D2", d("25000.00"), usd("2000.00")));
        assertThat(october.payLines()).extracting(PayLine::code, PayLine::amount).containsExactly(
                tuple(EarningCode.COMMISSION, usd("5200.00")), tuple(EarningCode.SPIFF, usd("500")));
        assertThat(october.payout().amount()).isEqualByComparingTo("5700.00");

        // November: D3 50,000 brings credit to 115,000 (115 %): the 12 % band now prices all of it.
        // D3 50,000 x 12 % = 6,000; October's 65,000 re-priced +4 % = 2,600; earned to date 13,800.
        // Due 13,800 - 5,200 paid = 8,600. D1 is cancelled on 2026-11-20, 46 days after booking, within
        // 180: its 3,200 paid in 2026-10 is clawed back in full. Payout 8,600 - 3,200 = 5,400.
        CreditedDeal d3 = deal("D3", "2026-11-10", "NEW", "PLATFORM", "50000");
        RepPeriodResult november = calculator.calculate(plan, NOV, input(List.of(d1, d2, r1, d3),
                Map.of("D1", LocalDate.of(2026, 11, 20)),
                Map.of("D1", new RepPeriodInput.PaidCommission(usd("3200.00"), "2026-10")),
                october.settlement().next()));
        ComponentEarnings bookings = november.components().get(0);
        assertThat(bookings.earnedToDate().amount()).isEqualByComparingTo("13800.00");
        assertThat(bookings.linesOf(NOV)).extracting(ComponentLine::kind, ComponentLine::amount).containsExactly(
                tuple(ComponentLine.Kind.REPRICING, usd("2600.00")),
                tuple(ComponentLine.Kind.TRANSACTION, usd("6000.00")));
        // Of the 8,600, the accelerator is what the 12 % band pays above the 8 % at quota: 115,000 x 4 % =
        // 4,600 (October's 65,000 re-priced 2,600 + D3 50,000 x 4 % = 2,000), none paid before: ACCELERATOR
        // 4,600 and COMMISSION 8,600 - 4,600 = 4,000
        assertThat(bookings.linesOf(NOV)).extracting(ComponentLine::accelerator)
                .containsExactly(usd("2600.00"), usd("2000.00"));
        assertThat(november.settlement().lines()).extracting(PayLine::code, PayLine::amount).containsExactly(
                tuple(EarningCode.COMMISSION, usd("8600.00")), tuple(EarningCode.CLAWBACK, usd("-3200.00")));
        assertThat(november.payLines()).extracting(PayLine::code, PayLine::amount).containsExactly(
                tuple(EarningCode.COMMISSION, usd("4000.00")), tuple(EarningCode.ACCELERATOR, usd("4600.00")),
                tuple(EarningCode.CLAWBACK, usd("-3200.00")));
        assertThat(november.payLines().get(1).why())
                .isEqualTo("earned above quota at the accelerator rate to date 4600.00 − paid before 0.00");
        assertThat(november.payLines().get(2).why()).isEqualTo("clawback of D1 (commission 3200.00 paid in "
                + "2026-10), cancelled 2026-11-20, 46 days after booking, in full");
        assertThat(november.payout().amount()).isEqualByComparingTo("5400.00");
        assertThat(november.settlement().next().paidToDate().amount()).isEqualByComparingTo("13800.00");
        assertThat(november.settlement().next().acceleratorPaidToDate()).isEqualTo(usd("4600.00"));
    }

    @Test
    void monthlyWindowsPayByAttainmentWithADrawAndMbo() throws Exception {
        Plan plan = plan("""
                plan: SDR
                version: 1
                effective_from: 2026-10-01
                currency: USD
                target_incentive: 12000
                measurement: MONTH
                components:
                  - id: new-logos
                    metric: NEW_LOGO_COUNT
                    quota_by_period: {2026-10: 4, 2026-11: 4}
                    pay: TARGET_BY_ATTAINMENT
                    rate_table: {bands: [{from: 0, to: 1.0, rate: 1.0}, {from: 1.0, rate: 1.5}]}
                draw: {kind: NON_RECOVERABLE, per_period: 600, periods: 3}
                mbo: [{objective: PIPELINE, weight: 0.1}]
                """);
        List<CreditedDeal> october = List.of(deal("N1", "2026-10-02", "NEW", "P", "1000"),
                deal("N2", "2026-10-09", "NEW", "P", "1000"), deal("U1", "2026-10-12", "UPSELL", "P", "1000"));
        // October: 2 new logos of 4 (50 %): 12,000 / 12 x 1.0 x 0.5 = 500, topped up to the 600 draw;
        // MBO PIPELINE scored 0.8 for the month: 12,000 / 12 x 10 % x 0.8 = 80.00
        RepPeriodResult oct = calculator.calculate(plan, OCT, new RepPeriodInput(USD, october,
                Map.of("2026-10", Map.of("MBO:PIPELINE", d("0.8"))), Map.of(), Map.of(), Set.of(), Ledger.start(USD),
                List.of(), Map.of()));
        assertThat(oct.payLines()).extracting(PayLine::code, PayLine::amount).containsExactly(
                tuple(EarningCode.COMMISSION, usd("500.00")), tuple(EarningCode.DRAW, usd("100.00")),
                tuple(EarningCode.MBO, usd("80.00")));
        // November: 5 new logos (125 %): 1,000 x (1.0 + 0.25 x 1.5) = 1,375. Earned to date 500 + 1,375 = 1,875,
        // paid 500: 1,375 due, above the draw, and the non-recoverable draw is never recovered. The curve's
        // 1.5 above quota is 0.5 over the 1.0 at quota: 1,000 x 0.25 x 0.5 = 125 is paid as ACCELERATOR
        List<CreditedDeal> november = new java.util.ArrayList<>(october);
        for (int i = 1; i <= 5; i++) {
            november.add(deal("M" + i, "2026-11-0" + i, "NEW", "P", "1000"));
        }
        RepPeriodResult nov = calculator.calculate(plan, NOV, new RepPeriodInput(USD, november, Map.of(), Map.of(),
                Map.of(), Set.of(), oct.settlement().next(), List.of(), Map.of()));
        assertThat(nov.payLines()).extracting(PayLine::code, PayLine::amount)
                .containsExactly(tuple(EarningCode.COMMISSION, usd("1250.00")), tuple(EarningCode.ACCELERATOR,
                        usd("125.00")));
        assertThat(nov.components()).extracting(ComponentEarnings::componentId)
                .containsExactly("new-logos 2026-10", "new-logos 2026-11");
    }

    @Test
    void perDealCapsAndBundleCreditAreApplied() throws Exception {
        Plan plan = plan("""
                plan: AE
                version: 1
                effective_from: 2026-01-01
                currency: USD
                components:
                  - id: bookings
                    metric: BOOKINGS_ACV
                    rate: 0.10
                    credit_multipliers: [{bundle_includes: BACKUP, extra: 1.0}]
                    caps: {per_deal: 3000}
                """);
        // B1 (PLATFORM) and B2 (BACKUP) were sold together in bundle X: B1's credit is 20,000 x (1 + 1) = 40,000,
        // 4,000 at 10 %, capped at 3,000 (1,000 removed); B2 10,000 x 2 = 20,000 -> 2,000. Payout 5,000.
        CreditedDeal b1 = new CreditedDeal("B1", LocalDate.of(2026, 10, 1), "A", "NEW", "PLATFORM", "X", d("20000"),
                null, 12, BigDecimal.ONE, false);
        CreditedDeal b2 = new CreditedDeal("B2", LocalDate.of(2026, 10, 1), "A", "CROSS_SELL", "BACKUP", "X",
                d("10000"), null, 12, BigDecimal.ONE, false);
        RepPeriodResult result = calculator.calculate(plan, OCT, input(List.of(b1, b2), Map.of(), Map.of(),
                Ledger.start(USD)));
        assertThat(result.dealCaps()).singleElement().satisfies(c -> {
            assertThat(c.cap()).isEqualTo("per deal B1");
            assertThat(c.removed().amount()).isEqualByComparingTo("1000.00");
        });
        assertThat(result.payout().amount()).isEqualByComparingTo("5000.00");
    }

    @Test
    void aNewLogoIsADistinctCustomerAndABookingsMilestoneCountsTheYearToDate() throws Exception {
        Plan plan = plan("""
                plan: SDR
                version: 1
                effective_from: 2026-01-01
                currency: USD
                target_incentive: 1200
                components:
                  - id: logos
                    metric: NEW_LOGO_COUNT
                    quota: 4
                    pay: TARGET_BY_ATTAINMENT
                    rate_table: {bands: [{from: 0, rate: 1.0}]}
                bonuses: [{id: first-100k, metric: BOOKINGS_ACV, at_least: 100000, amount: 1500, once_per: YEAR}]
                """);
        // N1 and N2 are both NEW deals with customer A-1: one logo. N3 is another: 2 logos of 4 (50 %),
        // 1,200 x curve(50 %) 0.5 = 600.
        // Booked to date 60,000 + 30,000 + 20,000 = 110,000 >= 100,000: the 1,500 milestone is paid.
        CreditedDeal n1 = new CreditedDeal("N1", LocalDate.of(2026, 10, 2), "A-1", "NEW", "P", null, d("60000"), null,
                12, BigDecimal.ONE, false);
        CreditedDeal n2 = new CreditedDeal("N2", LocalDate.of(2026, 10, 9), "A-1", "NEW", "Q", null, d("30000"), null,
                12, BigDecimal.ONE, false);
        CreditedDeal n3 = new CreditedDeal("N3", LocalDate.of(2026, 10, 9), "A-3", "NEW", "P", null, d("20000"), null,
                12, BigDecimal.ONE, false);
        RepPeriodResult result = calculator.calculate(plan, OCT, input(List.of(n1, n2, n3), Map.of(), Map.of(),
                Ledger.start(USD)));
        assertThat(result.components().get(0).creditToDate()).isEqualByComparingTo("2");
        assertThat(result.payLines()).extracting(PayLine::code, PayLine::amount).containsExactly(
                tuple(EarningCode.COMMISSION, usd("600.00")), tuple(EarningCode.BONUS, usd("1500")));
        // once paid this year, it is not paid again
        RepPeriodResult again = calculator.calculate(plan, NOV, new RepPeriodInput(USD, List.of(n1, n2, n3), Map.of(),
                Map.of(), Map.of(), Set.of("first-100k"), result.settlement().next(), List.of(),
                Map.of()));
        assertThat(again.payLines()).isEmpty();
    }

    @Test
    void windowsFollowTheMeasurement() {
        LocalDate planStart = LocalDate.of(2025, 7, 1);
        assertThat(RepCalculator.windows(io.compclose.core.plan.Measurement.QUARTER, NOV, planStart, CALENDAR))
                .extracting(RepCalculator.Window::key).containsExactly("2026-Q1", "2026-Q2", "2026-Q3", "2026-Q4");
        assertThat(RepCalculator.windows(io.compclose.core.plan.Measurement.QUARTER, NOV, planStart, CALENDAR).get(3).to())
                .isEqualTo(LocalDate.of(2026, 11, 30));
        // a plan starting mid-year measures from its start: Q2 (from 15 May) to Q4
        assertThat(RepCalculator.windows(io.compclose.core.plan.Measurement.QUARTER, NOV, LocalDate.of(2026, 5, 15), CALENDAR))
                .extracting(RepCalculator.Window::key).containsExactly("2026-Q2", "2026-Q3", "2026-Q4");
        assertThat(RepCalculator.windows(io.compclose.core.plan.Measurement.QUARTER, NOV, LocalDate.of(2026, 5, 15), CALENDAR)
                .get(0).from()).isEqualTo(LocalDate.of(2026, 5, 15));
        assertThat(RepCalculator.windows(io.compclose.core.plan.Measurement.YEAR_TO_DATE, NOV, LocalDate.of(2026, 5, 15), CALENDAR)
                .get(0).from()).isEqualTo(LocalDate.of(2026, 5, 15));
        assertThat(RepCalculator.keysClosingIn(YearMonth.of(2026, 12), CALENDAR)).containsExactly("2026-12", "2026-Q4", "2026");
    }
}
