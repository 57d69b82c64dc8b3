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

import io.compclose.core.input.DealAttributes;
import io.compclose.core.money.Money;
import io.compclose.core.plan.Plan;
import io.compclose.plan.PlanLoader;
import io.compclose.rules.Conditions;
import io.compclose.support.TestInbox;

/**
 * Eligibility on a booking's attributes: no commission below 20 % gross margin (a component's {@code when}),
 * half the credit above 30 % discount (a credit multiplier's {@code when}), written as jobs/plans.md shows.
 */
class DealAttributeEligibilityTests {

    private static final YearMonth OCT = YearMonth.of(2026, 10);
    private static final Currency USD = Currency.getInstance("USD");

    @TempDir
    Path plans;

    private final RepCalculator calculator = new RepCalculator(expression -> deal -> Conditions.holds(expression, deal));

    /** The plan of jobs/plans.md, "Deal attributes", its component counting the deals {@code when} admits. */
    private Plan plan(String when) throws Exception {
        Files.writeString(plans.resolve("p.yaml"), TestInbox.AE_10_MARGIN_PLAN.replace(
                "grossMarginPct != null and grossMarginPct >= 20", when));
        return new PlanLoader(Conditions::problem).load(plans).plans().get(0);
    }

    private static CreditedDeal deal(String id, String acv, String margin, String discount) {
        BigDecimal value = new BigDecimal(acv);
        return new CreditedDeal(id, LocalDate.of(2026, 10, 10), "A-" + id, "NEW", "PLATFORM", null, value, null, 12,
                BigDecimal.ONE, false, null, value, new DealAttributes(margin == null ? null : new BigDecimal(margin),
                        discount == null ? null : new BigDecimal(discount), null));
    }

    private final List<CreditedDeal> october = List.of(
            deal("M1", "40000", "35", "10"),
            deal("M2", "20000", "15", null),
            deal("M3", "30000", "25", "40"),
            deal("M4", "10000", null, null),
            deal("M5", "8000", "20", "30"));

    private RepPeriodResult close(Plan plan) {
        return calculator.calculate(plan, OCT, new RepPeriodInput(USD, october, Map.of(), Map.of(), Map.of(), Set.of(),
                Ledger.start(USD), List.of(), Map.of()));
    }

    @Test
    void aDealBelowTwentyPercentMarginEarnsNothingAndOneAboveThirtyPercentDiscountEarnsHalf() throws Exception {
        RepPeriodResult result = close(plan("grossMarginPct != null and grossMarginPct >= 20"));

        // M1 40,000 x 10 % = 4,000; M2 (15 % margin) and M4 (no margin given) are not credited;
        // M3 40 % discount: credit 30,000 x 0.5 = 15,000, x 10 % = 1,500;
        // M5 at exactly 20 % margin and 30 % discount: in, not cut, 8,000 x 10 % = 800.
        // 4,000 + 1,500 + 800 = 6,300
        assertThat(result.components().get(0).lines()).extracting(ComponentLine::sourceId, ComponentLine::credit,
                ComponentLine::amount).containsExactly(
                        tuple("M1", new BigDecimal("40000"), Money.of("4000.00", "USD")),
                        tuple("M3", new BigDecimal("15000.0"), Money.of("1500.00", "USD")),
                        tuple("M5", new BigDecimal("8000"), Money.of("800.00", "USD")));
        assertThat(result.payout().amount()).isEqualByComparingTo("6300.00");
    }

    @Test
    void aPlanCanKeepPayingDealsThatCarryNoMargin() throws Exception {
        RepPeriodResult result = close(plan("grossMarginPct == null or grossMarginPct >= 20"));

        // as above, and M4, which carries no margin, earns as every deal did before: 10,000 x 10 % = 1,000.
        // 6,300 + 1,000 = 7,300
        assertThat(result.components().get(0).lines()).extracting(ComponentLine::sourceId)
                .containsExactly("M1", "M3", "M4", "M5");
        assertThat(result.payout().amount()).isEqualByComparingTo("7300.00");
    }
}
