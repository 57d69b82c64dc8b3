package io.compclose.core.calculation;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.groups.Tuple.tuple;

import java.math.BigDecimal;
import java.nio.file.Path;
import java.time.LocalDate;
import java.time.Month;
import java.time.YearMonth;
import java.util.Currency;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import io.compclose.core.money.Money;
import io.compclose.core.plan.FiscalYear;
import io.compclose.core.plan.Measurement;
import io.compclose.core.plan.Plan;
import io.compclose.plan.PlanFileFixture;
import io.compclose.rules.Conditions;

/**
 * A plan year from February to January (FY2027 = February 2026 to January 2027): windows, quotas, the
 * year's deals and its settling month follow it; without a pay calendar nothing changes.
 */
public class FiscalYearCloseTests {

    private static final FiscalYear FEBRUARY = new FiscalYear(Month.FEBRUARY);
    private static final Currency USD = Currency.getInstance("USD");
    /** 10 % up to quota, 20 % above; the close through the command line uses it too. */
    public static final String YEARLY = """
            plan: AE-FY
            version: 1
            effective_from: 2025-02-01
            currency: USD
            measurement: YEAR_TO_DATE
            components:
              - id: bookings
                metric: BOOKINGS_ACV
                quota: 100000
                rate_table: {bands: [{from: 0, to: 1, rate: 0.10}, {from: 1, rate: 0.20}]}
            """;

    @TempDir
    Path plans;

    private Plan plan(String yaml) {
        return new PlanFileFixture(plans).load(yaml);
    }

    /** A new deal of {@code acv} booked on {@code date}, credited whole. */
    static CreditedDeal deal(String id, String date, String acv) {
        return new CreditedDeal(id, LocalDate.parse(date), "A-" + id, "NEW", "PLATFORM", null, new BigDecimal(acv),
                null, 12, BigDecimal.ONE, false);
    }

    private static RepPeriodInput input(List<CreditedDeal> deals) {
        return new RepPeriodInput(USD, deals, Map.of(), Map.of(), Map.of(), Set.of(), Ledger.start(USD), List.of(),
                Map.of());
    }

    private static RepCalculator calculator(FiscalYear fiscal) {
        return new RepCalculator(expression -> deal -> Conditions.holds(expression, deal), fiscal);
    }

    @Test
    void februaryStartsANewYearToDateSoJanuarysDealDoesNotCountTowardsItsQuota() throws Exception {
        Plan plan = plan(YEARLY);
        List<CreditedDeal> deals = List.of(deal("D1", "2026-01-10", "80000"), deal("D2", "2026-02-05", "50000"));

        // FY2027 starts on 1 February: D2 alone, 50,000 x 10 % = 5,000.00
        RepPeriodResult fiscal = calculator(FEBRUARY).calculate(plan, YearMonth.of(2026, 2), input(deals));
        assertThat(fiscal.settlement().earnedToDate()).isEqualTo(Money.of("5000.00", "USD"));
        assertThat(fiscal.priced()).extracting(PricedComponent::window).containsExactly("FY2027");

        // the calendar year keeps D1: 130,000 is 100,000 x 10 % + 30,000 x 20 % = 10,000 + 6,000 = 16,000.00
        RepPeriodResult calendar = calculator(FiscalYear.CALENDAR).calculate(plan, YearMonth.of(2026, 2),
                input(deals));
        assertThat(calendar.settlement().earnedToDate()).isEqualTo(Money.of("16000.00", "USD"));
        assertThat(calendar.priced()).extracting(PricedComponent::window).containsExactly("2026");
    }

    @Test
    void januaryIsTheLastMonthOfTheYearItsDealsAccelerateWithAllOfTheYearsDeals() throws Exception {
        Plan plan = plan(YEARLY);
        // FY2026 (February 2025 to January 2026): 70,000 in November 2025 and 80,000 in January 2026 = 150,000,
        // 100,000 x 10 % + 50,000 x 20 % = 20,000.00 earned to date
        List<CreditedDeal> deals = List.of(deal("D0", "2025-11-20", "70000"), deal("D1", "2026-01-10", "80000"));
        RepPeriodResult january = calculator(FEBRUARY).calculate(plan, YearMonth.of(2026, 1), input(deals));
        assertThat(january.settlement().earnedToDate()).isEqualTo(Money.of("20000.00", "USD"));
        assertThat(RepCalculator.keysClosingIn(YearMonth.of(2026, 1), FEBRUARY))
                .containsExactly("2026-01", "FY2026-Q4", "FY2026");
    }

    @Test
    void quarterlyWindowsAndTheirQuotasFollowTheFiscalQuarters() throws Exception {
        Plan plan = plan("""
                plan: AE-FQ
                version: 1
                effective_from: 2026-02-01
                currency: USD
                measurement: QUARTER
                components:
                  - id: bookings
                    metric: BOOKINGS_ACV
                    quota_by_period: {FY2027-Q1: 30000, FY2027-Q2: 40000}
                    rate_table: {bands: [{from: 0, to: 1, rate: 0.10}, {from: 1, rate: 0.20}]}
                """);
        assertThat(RepCalculator.windows(Measurement.QUARTER, YearMonth.of(2026, 5), plan.effectiveFrom(), FEBRUARY))
                .extracting(RepCalculator.Window::key, RepCalculator.Window::from, RepCalculator.Window::to)
                .containsExactly(tuple("FY2027-Q1", LocalDate.of(2026, 2, 1), LocalDate.of(2026, 4, 30)),
                        tuple("FY2027-Q2", LocalDate.of(2026, 5, 1), LocalDate.of(2026, 5, 31)));

        // FY2027-Q1 (February to April): 45,000 against 30,000 is 30,000 x 10 % + 15,000 x 20 % = 6,000.00;
        // FY2027-Q2 (May): 10,000 against 40,000 at 10 % = 1,000.00; 7,000.00 to date
        RepPeriodResult may = calculator(FEBRUARY).calculate(plan, YearMonth.of(2026, 5),
                input(List.of(deal("D1", "2026-03-10", "45000"), deal("D2", "2026-05-04", "10000"))));
        assertThat(may.priced()).extracting(PricedComponent::window, p -> p.earnings().earnedToDate())
                .containsExactly(tuple("FY2027-Q1", Money.of("6000.00", "USD")),
                        tuple("FY2027-Q2", Money.of("1000.00", "USD")));
        assertThat(may.settlement().earnedToDate()).isEqualTo(Money.of("7000.00", "USD"));
    }

    @Test
    void aProratedVersionCountsItsDaysInForceOfThePlanYear() throws Exception {
        Plan august = plan("""
                plan: AE-PR
                version: 1
                effective_from: 2026-08-01
                currency: USD
                proration: {by: DAYS}
                components: [{id: bookings, metric: BOOKINGS_ACV, quota: 365000, rate: 0.1}]
                """);
        // FY2027 (1 February 2026 to 31 January 2027, 365 days): August to January is
        // 31 + 30 + 31 + 30 + 31 + 31 = 184 days; the calendar year 2026 holds 153 of them
        assertThat(InForce.ofYear(august, List.of(august), YearMonth.of(2026, 11), FEBRUARY).fraction())
                .isEqualTo("184/365 days");
        assertThat(InForce.ofYear(august, List.of(august), YearMonth.of(2026, 11), FiscalYear.CALENDAR).fraction())
                .isEqualTo("153/365 days");
    }
}
