package io.compclose.core.calculation;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.groups.Tuple.tuple;

import java.math.BigDecimal;
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
import io.compclose.core.plan.FiscalYear;
import io.compclose.core.plan.PayPeriod;
import io.compclose.core.plan.PaySchedule.Frequency;
import io.compclose.core.plan.PaySchedule;
import io.compclose.core.plan.Plan;
import io.compclose.plan.PlanFileFixture;
import io.compclose.rules.Conditions;

/**
 * Semi-monthly and bi-weekly closes: each pay period measures its month up to the period's end and pays what
 * the month has earned since the periods before it; a deal's SPIFF is paid in the period it was booked in, once;
 * a draw's periods are pay periods; what is measured by month (MBO, a KPI's value, a holdback's release) waits
 * for the period that closes the month.
 */
public class PayPeriodCloseTests {

    private static final Currency USD = Currency.getInstance("USD");
    private static final PaySchedule SEMI_MONTHLY = new PaySchedule(Frequency.SEMI_MONTHLY, null);
    /** Runs of fourteen days from Monday 5 January 2026: ..., 12 to 25 October, 26 October to 8 November. */
    private static final PaySchedule BI_WEEKLY = new PaySchedule(Frequency.BI_WEEKLY, LocalDate.of(2026, 1, 5));
    /** A monthly quota of 20,000 (240,000 a year): 10 % up to it, 20 % above; 200 for every new deal. */
    public static final String MONTHLY_QUOTA = """
            plan: AE-SM
            version: 1
            effective_from: 2026-01-01
            currency: USD
            measurement: MONTH
            components:
              - id: bookings
                metric: BOOKINGS_ACV
                quota: 240000
                rate_table: {bands: [{from: 0, to: 1, rate: 0.10}, {from: 1, rate: 0.20}]}
            spiffs:
              - {id: new-logo, from: 2026-01-01, to: 2026-12-31, when: "type == 'NEW'", amount_per_deal: 200}
            """;

    @TempDir
    Path plans;

    private Plan plan(String yaml) {
        return new PlanFileFixture(plans).load(yaml);
    }

    private static CreditedDeal deal(String id, String date, String acv) {
        return FiscalYearCloseTests.deal(id, date, acv);
    }

    private static RepPeriodInput input(List<CreditedDeal> deals, Ledger prior) {
        return new RepPeriodInput(USD, deals, Map.of(), Map.of(), Map.of(), Set.of(), prior, List.of(), Map.of());
    }

    private static RepCalculator calculator(PaySchedule schedule) {
        return new RepCalculator(expression -> deal -> Conditions.holds(expression, deal), FiscalYear.CALENDAR,
                schedule);
    }

    private static PayPeriod period(PaySchedule schedule, String id) {
        return schedule.named(id).orElseThrow();
    }

    private static List<Object> pay(RepPeriodResult result) {
        return result.settlement().lines().stream().map(l -> (Object) tuple(l.code(), l.amount())).toList();
    }

    @Test
    void theSecondHalfOfAMonthPaysWhatTheMonthEarnedSinceTheFirst() throws Exception {
        Plan plan = plan(MONTHLY_QUOTA);
        RepCalculator calculator = calculator(SEMI_MONTHLY);
        CreditedDeal first = deal("D1", "2026-10-05", "15000");
        CreditedDeal second = deal("D2", "2026-10-20", "10000");

        // 1 to 15 October: 15,000 of the month's 20,000 quota at 10 % = 1,500.00, and D1's SPIFF of 200
        RepPeriodResult early = calculator.calculate(plan, period(SEMI_MONTHLY, "2026-10-15"),
                input(List.of(first), Ledger.start(USD)));
        assertThat(early.settlement().earnedToDate()).isEqualTo(Money.of("1500.00", "USD"));
        assertThat(pay(early)).containsExactly(tuple(EarningCode.COMMISSION, Money.of("1500.00", "USD")));
        assertThat(early.outsideQuota()).extracting(PayLine::amount).containsExactly(Money.of("200", "USD"));

        // 16 to 31 October: the month's 25,000 is 20,000 x 10 % + 5,000 x 20 % = 2,000 + 1,000 = 3,000.00 earned;
        // 1,500.00 was paid on the 15th, so 1,500.00 now; D2's SPIFF alone: D1's was paid with its own period
        RepPeriodResult late = calculator.calculate(plan, period(SEMI_MONTHLY, "2026-10-31"),
                input(List.of(first, second), early.settlement().next()));
        assertThat(late.settlement().earnedToDate()).isEqualTo(Money.of("3000.00", "USD"));
        assertThat(pay(late)).containsExactly(tuple(EarningCode.COMMISSION, Money.of("1500.00", "USD")));
        assertThat(late.outsideQuota()).extracting(PayLine::amount).containsExactly(Money.of("200", "USD"));
        assertThat(late.outsideQuota().get(0).why()).contains("D2");
    }

    @Test
    void aBiWeeklyRunAcrossTheMonthsEndPaysItsDealsInTheMonthTheyWereBookedIn() throws Exception {
        Plan plan = plan(MONTHLY_QUOTA);
        RepCalculator calculator = calculator(BI_WEEKLY);
        CreditedDeal october12 = deal("D1", "2026-10-12", "15000");
        // 12 to 25 October closes October: 15,000 x 10 % = 1,500.00
        RepPeriodResult closing = calculator.calculate(plan, period(BI_WEEKLY, "2026-10-25"),
                input(List.of(october12), Ledger.start(USD)));
        assertThat(closing.settlement().earnedToDate()).isEqualTo(Money.of("1500.00", "USD"));

        // 26 October to 8 November: D2 of 28 October joins October's window, 25,000 = 3,000.00 for October;
        // D3 of 2 November is November's, 5,000 x 10 % = 500.00; earned to date 3,500.00 - 1,500.00 paid = 2,000.00
        RepPeriodResult across = calculator.calculate(plan, period(BI_WEEKLY, "2026-11-08"), input(List.of(october12,
                deal("D2", "2026-10-28", "10000"), deal("D3", "2026-11-02", "5000")), closing.settlement().next()));
        assertThat(across.priced()).filteredOn(p -> p.window().equals("2026-10") || p.window().equals("2026-11"))
                .extracting(PricedComponent::window, p -> p.earnings().earnedToDate())
                .containsExactly(tuple("2026-10", Money.of("3000.00", "USD")),
                        tuple("2026-11", Money.of("500.00", "USD")));
        assertThat(pay(across)).containsExactly(tuple(EarningCode.COMMISSION, Money.of("2000.00", "USD")));
        // the SPIFFs of the run's own deals: D2 and D3, 2 x 200
        assertThat(across.outsideQuota()).extracting(PayLine::amount)
                .containsExactly(Money.of("200", "USD"), Money.of("200", "USD"));
    }

    @Test
    void aDrawOfTwoPeriodsOnASemiMonthlyCalendarIsTheFirstHalfMonthsOfTheYear() throws Exception {
        Plan plan = plan("""
                plan: AE-DR
                version: 1
                effective_from: 2026-01-01
                currency: USD
                components: [{id: bookings, metric: BOOKINGS_ACV, quota: 240000, rate: 0.1}]
                draw: {kind: RECOVERABLE, per_period: 500, periods: 2}
                """);
        RepCalculator calculator = calculator(SEMI_MONTHLY);
        // nothing earned: 500 advanced on 15 and on 31 January, none from February: 1,000.00 outstanding
        Ledger ledger = Ledger.start(USD);
        Money drawn = Money.zero(USD);
        for (String id : List.of("2026-01-15", "2026-01-31", "2026-02-15")) {
            RepPeriodResult result = calculator.calculate(plan, period(SEMI_MONTHLY, id), input(List.of(), ledger));
            drawn = drawn.plus(PayLine.sum(Money.zero(USD), result.settlement().lines()));
            ledger = result.settlement().next();
        }
        assertThat(drawn).isEqualTo(Money.of("1000", "USD"));
        assertThat(ledger.drawBalance()).isEqualTo(Money.of("1000", "USD"));
    }

    @Test
    void whatIsMeasuredByMonthWaitsForThePeriodThatClosesTheMonth() {
        assertThat(RepCalculator.keysClosingIn(period(SEMI_MONTHLY, "2026-12-15"), FiscalYear.CALENDAR)).isEmpty();
        assertThat(RepCalculator.keysClosingIn(period(SEMI_MONTHLY, "2026-12-31"), FiscalYear.CALENDAR))
                .containsExactly("2026-12", "2026-Q4", "2026");
        // 12 to 25 October 2026 closes October: the next run ends on 8 November
        assertThat(RepCalculator.keysClosingIn(period(BI_WEEKLY, "2026-10-11"), FiscalYear.CALENDAR)).isEmpty();
        assertThat(RepCalculator.keysClosingIn(period(BI_WEEKLY, "2026-10-25"), FiscalYear.CALENDAR))
                .containsExactly("2026-10");
        assertThat(RepCalculator.keysClosingIn(PayPeriod.of(YearMonth.of(2026, 9)), FiscalYear.CALENDAR))
                .containsExactly("2026-09", "2026-Q3");
    }

    @Test
    void aHoldbackIsReleasedByTheLastPeriodOfThePlanYear() {
        PayRules rules = new PayRules(null, null, null, null, null, new BigDecimal("0.10"), YearMonth.of(2026, 12));
        Ledger held = new Ledger(Money.of("9000", "USD"), Money.zero(USD), Money.of("1000", "USD"), Money.zero(USD),
                Money.zero(USD));
        PeriodSettlement settlement = new PeriodSettlement();
        // earned to date 10,000 - paid 9,000 - held 1,000: nothing due; the 1,000 held waits for 31 December
        assertThat(settlement.settle(period(SEMI_MONTHLY, "2026-12-15"), Money.of("10000", "USD"), Money.zero(USD),
                List.of(), held, rules).lines()).isEmpty();
        assertThat(settlement.settle(period(SEMI_MONTHLY, "2026-12-31"), Money.of("10000", "USD"), Money.zero(USD),
                List.of(), held, rules).lines()).extracting(PayLine::amount, PayLine::why)
                .containsExactly(tuple(Money.of("1000", "USD"), "holdback released"));
    }
}
