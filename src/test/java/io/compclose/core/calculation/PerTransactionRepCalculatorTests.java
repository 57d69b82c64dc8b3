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
 * A per-transaction plan file through the plan loader and the rep calculator, October then November. The
 * table is Oracle Incentive Compensation's step table ("Examples of Calculating Earnings Using Step Rates").
 */
class PerTransactionRepCalculatorTests {

    private static final YearMonth OCT = YearMonth.of(2026, 10);
    private static final YearMonth NOV = YearMonth.of(2026, 11);
    private static final Currency USD = Currency.getInstance("USD");

    @TempDir
    Path plans;

    private final RepCalculator calculator = new RepCalculator(expression -> deal -> Conditions.holds(expression, deal));

    private static Money usd(String v) {
        return Money.of(v, "USD");
    }

    private static CreditedDeal deal(String id, String date, String acv) {
        return new CreditedDeal(id, LocalDate.parse(date), "A-" + id, "NEW", "PLATFORM", null, new BigDecimal(acv),
                null, 12, BigDecimal.ONE, false);
    }

    private static RepPeriodInput input(List<CreditedDeal> deals, Ledger prior) {
        return new RepPeriodInput(USD, deals, Map.of(), Map.of(), Map.of(), Set.of(), prior, List.of(), Map.of());
    }

    @Test
    void eachDealIsPricedFromTheFirstBandAndTheYearToDateTrueUpPaysTheDifference() throws Exception {
        Files.writeString(plans.resolve("p.yaml"), """
                plan: AE-STEP
                name: Account Executive, step rates per deal
                currency: USD
                version: 1
                effective_from: 2026-01-01
                components:
                  - id: deals
                    metric: BOOKINGS_ACV
                    caps: {per_deal: 90}
                    rate_table:
                      basis: AMOUNT
                      pricing: PER_TRANSACTION
                      bands: [{from: 0, to: 1000, rate: 0.01}, {from: 1000, to: 3000, rate: 0.02},
                              {from: 3000, to: 8000, rate: 0.03}, {from: 8000, to: 20000, rate: 0.05}]
                """);
        Plan plan = new PlanLoader(Conditions::problem).load(plans).plans().get(0);
        CreditedDeal d1 = deal("D1", "2026-10-15", "1500");
        CreditedDeal d2 = deal("D2", "2026-11-10", "4500");

        // October: D1 1,500 = 1,000 x 1 % + 500 x 2 % = 10 + 10 = 20.00
        RepPeriodResult october = calculator.calculate(plan, OCT, input(List.of(d1), Ledger.start(USD)));
        assertThat(october.payLines()).extracting(PayLine::code, PayLine::amount)
                .containsExactly(tuple(EarningCode.COMMISSION, usd("20.00")));

        // November: D2 starts again at the first band: 1,000 x 1 % + 2,000 x 2 % + 1,500 x 3 % = 10 + 40 + 45 = 95,
        // capped at 90 per deal (5 removed). Earned to date 20 + 90 = 110, paid 20: November pays 90.00.
        // (Cumulatively D2 would run from 1,500 to 6,000: 1,500 x 2 % + 3,000 x 3 % = 30 + 90 = 120.)
        RepPeriodResult november = calculator.calculate(plan, NOV, input(List.of(d1, d2), october.settlement().next()));
        ComponentEarnings bookings = november.components().get(0);
        assertThat(bookings.lines()).extracting(ComponentLine::sourceId, ComponentLine::kind, ComponentLine::amount)
                .containsExactly(tuple("D1", ComponentLine.Kind.TRANSACTION, usd("20.00")),
                        tuple("D2", ComponentLine.Kind.TRANSACTION, usd("90.00")));
        assertThat(bookings.lines().get(1).band())
                .isEqualTo("0–1,000 at 1 % + 1,000–3,000 at 2 % + 3,000–8,000 at 3 %");
        assertThat(november.dealCaps()).singleElement().satisfies(cap -> {
            assertThat(cap.cap()).isEqualTo("per deal D2");
            assertThat(cap.removed().amount()).isEqualByComparingTo("5");
        });
        assertThat(november.payLines()).extracting(PayLine::code, PayLine::amount)
                .containsExactly(tuple(EarningCode.COMMISSION, usd("90.00")));
        assertThat(november.settlement().next().paidToDate().amount()).isEqualByComparingTo("110");
    }
}
