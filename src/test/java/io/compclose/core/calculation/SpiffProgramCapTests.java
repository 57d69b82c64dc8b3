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

/** A SPIFF program paying 2 % of ACV with a yearly cap, from the plan file through two closes. */
class SpiffProgramCapTests {

    private static final Currency USD = Currency.getInstance("USD");

    @TempDir
    Path plans;

    private final RepCalculator calculator = new RepCalculator(expression -> deal -> Conditions.holds(expression, deal));

    private static Money usd(String v) {
        return Money.of(v, "USD");
    }

    private static CreditedDeal deal(String id, String date, String type, String acv) {
        return new CreditedDeal(id, LocalDate.parse(date), "A-" + id, type, "PLATFORM", null, new BigDecimal(acv), null,
                12, BigDecimal.ONE, false);
    }

    private static RepPeriodInput input(List<CreditedDeal> deals, Map<String, LocalDate> cancellations,
            Map<String, RepPeriodInput.PaidCommission> paid, Ledger prior) {
        return new RepPeriodInput(USD, deals, Map.of(), cancellations, paid, Set.of(), prior, List.of(), Map.of());
    }

    @Test
    void theProgramCapIsReachedInTheSecondPeriodAndACancelledDealKeepsItsSpiff() throws Exception {
        Files.writeString(plans.resolve("ae.yaml"), """
                plan: AE
                version: 1
                effective_from: 2026-01-01
                effective_to: 2026-12-31
                currency: USD
                components: [{id: bookings, metric: BOOKINGS_ACV, rate: 0.10}]
                clawback: {window_days: 180, method: FULL}
                spiffs:
                  - {id: q4-new, from: 2026-10-01, to: 2026-12-31, when: "type == 'NEW'", rate: 0.02, cap_per_year: 5000}
                """);
        Plan plan = new PlanLoader(Conditions::problem).load(plans).plans().get(0);
        CreditedDeal d1 = deal("D1", "2026-10-05", "NEW", "150000");
        CreditedDeal d2 = deal("D2", "2026-10-20", "NEW", "60000");
        CreditedDeal d3 = deal("D3", "2026-10-25", "UPSELL", "50000");

        // October: commission 10 % x (150,000 + 60,000 + 50,000) = 26,000.00;
        // SPIFF on the NEW deals: D1 150,000 x 2 % = 3,000.00, D2 60,000 x 2 % = 1,200.00 (4,200 of 5,000);
        // payout 26,000 + 4,200 = 30,200
        RepPeriodResult october = calculator.calculate(plan, YearMonth.of(2026, 10),
                input(List.of(d1, d2, d3), Map.of(), Map.of(), Ledger.start(USD)));
        assertThat(october.payLines()).extracting(PayLine::code, PayLine::reference, PayLine::amount).containsExactly(
                tuple(EarningCode.COMMISSION, null, usd("26000.00")), tuple(EarningCode.SPIFF, "D1", usd("3000.00")),
                tuple(EarningCode.SPIFF, "D2", usd("1200.00")));
        assertThat(october.payout().amount()).isEqualByComparingTo("30200.00");

        // November: D4 50,000 and D5 20,000 (NEW). Earned to date 10 % x 330,000 = 33,000, due 33,000 - 26,000 =
        // 7,000. D2 is cancelled on 2026-11-15: its 6,000 commission paid in 2026-10 is clawed back in full,
        // its 1,200 SPIFF is not (SPIFFs are never clawed back) and still counts against the cap.
        // SPIFF: 5,000 - 4,200 paid in October = 800 left; D4 50,000 x 2 % = 1,000 -> 800.00 (cap reached);
        // D5 20,000 x 2 % = 400 -> nothing. Payout 7,000 - 6,000 + 800 = 1,800
        CreditedDeal d4 = deal("D4", "2026-11-10", "NEW", "50000");
        CreditedDeal d5 = deal("D5", "2026-11-12", "NEW", "20000");
        RepPeriodResult november = calculator.calculate(plan, YearMonth.of(2026, 11),
                input(List.of(d1, d2, d3, d4, d5), Map.of("D2", LocalDate.of(2026, 11, 15)),
                        Map.of("D2", new RepPeriodInput.PaidCommission(usd("6000.00"), "2026-10")),
                        october.settlement().next()));
        assertThat(november.payLines()).extracting(PayLine::code, PayLine::reference, PayLine::amount).containsExactly(
                tuple(EarningCode.COMMISSION, null, usd("7000.00")), tuple(EarningCode.CLAWBACK, "D2", usd("-6000.00")),
                tuple(EarningCode.SPIFF, "D4", usd("800.00")));
        assertThat(november.outsideQuota().get(0).why()).isEqualTo("SPIFF q4-new: D4 (NEW PLATFORM, 2026-11-10): "
                + "2 % of credited ACV 50000 = 1000.00; capped at 800.00, what is left of the program's 5000.00 a year");
        assertThat(november.payout().amount()).isEqualByComparingTo("1800.00");
    }
}
