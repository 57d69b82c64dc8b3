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

/** A cancellation under a clawback schedule, plan file in, pay lines out, posted in full or carried. */
class ClawbackScheduleCloseTests {

    private static final YearMonth JUL = YearMonth.of(2026, 7);
    private static final YearMonth NOV = YearMonth.of(2026, 11);
    private static final YearMonth DEC = YearMonth.of(2026, 12);
    private static final Currency USD = Currency.getInstance("USD");
    private static final String PLAN = """
            plan: AE-CB
            version: 1
            effective_from: 2026-01-01
            currency: USD
            components: [{id: bookings, metric: BOOKINGS_ACV, rate: 0.08}]
            clawback:
              window_days: 365
              method: SCHEDULE_BY_MONTHS
              schedule: [{within_months: 3, share: 1}, {within_months: 6, share: 0.5}]
            """;

    @TempDir
    Path plans;

    private final RepCalculator calculator = new RepCalculator(expression -> deal -> Conditions.holds(expression, deal));

    private static Money usd(String v) {
        return Money.of(v, "USD");
    }

    private Plan plan(String yaml) throws Exception {
        Files.writeString(plans.resolve("p.yaml"), yaml);
        return new PlanLoader(Conditions::problem).load(plans).plans().get(0);
    }

    private static CreditedDeal deal(String id, String date, String acv) {
        return new CreditedDeal(id, LocalDate.parse(date), "A-" + id, "NEW", "PLATFORM", null, new BigDecimal(acv),
                null, 12, BigDecimal.ONE, false);
    }

    private static RepPeriodInput input(List<CreditedDeal> deals, Map<String, LocalDate> cancellations,
            Map<String, RepPeriodInput.PaidCommission> paid, Ledger prior) {
        return new RepPeriodInput(USD, deals, Map.of(), cancellations, paid, Set.of(), prior, List.of(), Map.of());
    }

    private static final CreditedDeal D1 = deal("D1", "2026-07-15", "40000");
    private static final CreditedDeal D2 = deal("D2", "2026-11-05", "5000");

    /** November, D1 cancelled on 20 November, after a July that paid D1 40,000 x 8 % = 3,200. */
    private RepPeriodResult november(Plan plan) {
        RepPeriodResult july = calculator.calculate(plan, JUL, input(List.of(D1), Map.of(), Map.of(),
                Ledger.start(USD)));
        assertThat(july.payLines()).extracting(PayLine::code, PayLine::amount)
                .containsExactly(tuple(EarningCode.COMMISSION, usd("3200.00")));
        return calculator.calculate(plan, NOV, input(List.of(D1, D2), Map.of("D1", LocalDate.of(2026, 11, 20)),
                Map.of("D1", new RepPeriodInput.PaidCommission(usd("3200.00"), "2026-07")), july.settlement().next()));
    }

    @Test
    void aCancellationInTheSecondStepPostedInFullMakesTheMonthNegative() throws Exception {
        Plan plan = plan(PLAN + "  recovery: FULL_NEGATIVE\n");

        // November: D2 5,000 x 8 % = 400 (the cancelled D1 keeps its credit: earned to date 3,600 - paid 3,200).
        // D1 booked 2026-07-15, cancelled 2026-11-20 (16 + 31 + 30 + 31 + 20 = 128 days, within 365): on or after
        // 2026-10-15 it is not within 3 months, before 2027-01-15 it is within 6: 50 % x 3,200 = 1,600.
        // Posted in full: 400 - 1,600 = -1,200 net, nothing carried
        RepPeriodResult november = november(plan);
        assertThat(november.payLines()).extracting(PayLine::code, PayLine::amount).containsExactly(
                tuple(EarningCode.COMMISSION, usd("400.00")), tuple(EarningCode.CLAWBACK, usd("-1600.00")));
        assertThat(november.payLines().get(1).why()).isEqualTo("clawback of D1 (commission 3200.00 paid in 2026-07), "
                + "cancelled 2026-11-20, 128 days after booking, schedule: 50 % within 6 months of booking "
                + "(before 2027-01-15)");
        assertThat(november.payout().amount()).isEqualByComparingTo("-1200.00");
        assertThat(november.settlement().next().clawbackBalance().amount()).isEqualByComparingTo("0");

        // December: D3 10,000 x 8 % = 800, all of it paid: nothing was carried
        CreditedDeal d3 = deal("D3", "2026-12-01", "10000");
        RepPeriodResult december = calculator.calculate(plan, DEC, input(List.of(D1, D2, d3), Map.of(), Map.of(),
                november.settlement().next()));
        assertThat(december.payLines()).extracting(PayLine::code, PayLine::amount)
                .containsExactly(tuple(EarningCode.COMMISSION, usd("800.00")));
    }

    @Test
    void theSameCancellationRecoveredFromPayIsCarried() throws Exception {
        // without recovery (NET_AND_CARRY): 400 recovered now, 1,600 - 400 = 1,200 carried, nothing paid
        RepPeriodResult november = november(plan(PLAN));
        assertThat(november.payLines()).extracting(PayLine::code, PayLine::amount).containsExactly(
                tuple(EarningCode.COMMISSION, usd("400.00")), tuple(EarningCode.CLAWBACK, usd("-1600.00")),
                tuple(EarningCode.CLAWBACK, usd("1200.00")));
        assertThat(november.payout().amount()).isEqualByComparingTo("0");
        assertThat(november.settlement().next().clawbackBalance().amount()).isEqualByComparingTo("1200.00");
    }
}
