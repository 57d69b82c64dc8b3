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
 * Target proration (jobs/plans.md, "Proration"): a plan version in force for part of the year measures against
 * its quota × days in force ÷ days of the year, and the versions of a year make one attainment together.
 * Days of 2026: January to June 31 + 28 + 31 + 30 + 31 + 30 = 181, July to December 31 + 31 + 30 + 31 + 30 + 31
 * = 184, 181 + 184 = 365; from 1 April 365 - (31 + 28 + 31) = 275.
 */
class TargetProrationTests {

    private static final YearMonth MAR = YearMonth.of(2026, 3);
    private static final YearMonth JUL = YearMonth.of(2026, 7);
    private static final YearMonth DEC = YearMonth.of(2026, 12);
    private static final Currency USD = Currency.getInstance("USD");

    /** Marginal bands on attainment: 5 % up to half the quota, 10 % above. */
    private static final String TABLE = "{bands: [{from: 0, to: 0.5, rate: 0.05}, {from: 0.5, rate: 0.10}]}";

    @TempDir
    Path plans;

    private final RepCalculator calculator = new RepCalculator(expression -> deal -> Conditions.holds(expression, deal));

    private List<Plan> plans(String yaml) throws Exception {
        Files.writeString(plans.resolve("p.yaml"), yaml);
        return new PlanLoader(Conditions::problem).load(plans).plans();
    }

    /** A version of plan AE with one bookings component. */
    private static String version(int version, String from, String to, String quota, String proration) {
        return """
                plan: AE
                version: %d
                effective_from: %s
                %s
                currency: USD
                %s
                components: [{id: bookings, metric: BOOKINGS_ACV, quota: %s, rate_table: %s}]
                """.formatted(version, from, to == null ? "" : "effective_to: " + to, proration, quota, TABLE);
    }

    /** Quota 1,200,000 from January to June (version 1), 1,800,000 from July (version 2). */
    private List<Plan> halves(String proration) throws Exception {
        return plans(version(1, "2026-01-01", "2026-06-30", "1200000", proration) + "---\n"
                + version(2, "2026-07-01", null, "1800000", proration));
    }

    private static CreditedDeal deal(String id, String date, String acv) {
        return new CreditedDeal(id, LocalDate.parse(date), "A-" + id, "NEW", "PLATFORM", null, new BigDecimal(acv),
                null, 12, BigDecimal.ONE, false);
    }

    private static RepPeriodInput input(List<CreditedDeal> deals, Ledger prior) {
        return new RepPeriodInput(USD, deals, Map.of(), Map.of(), Map.of(), Set.of(), prior, List.of(), Map.of());
    }

    private RepPeriodResult close(YearMonth period, List<RepCalculator.PlanDeals> versions, Ledger prior) {
        List<CreditedDeal> all = versions.stream().flatMap(v -> v.deals().stream()).toList();
        return calculator.calculate(versions, versions.get(versions.size() - 1).plan(), period, input(all, prior));
    }

    /** December, after D1 600,000 booked in March under version 1 and D2 300,000 in September under version 2. */
    private RepPeriodResult december(List<Plan> ae) {
        return close(DEC, List.of(new RepCalculator.PlanDeals(ae.get(0), List.of(deal("D1", "2026-03-10", "600000"))),
                new RepCalculator.PlanDeals(ae.get(1), List.of(deal("D2", "2026-09-15", "300000")))), Ledger.start(USD));
    }

    private static Money usd(String amount) {
        return Money.of(amount, "USD");
    }

    @Test
    void aMidYearQuotaChangeMeasuresTheYearAgainstBothProratedQuotas() throws Exception {
        List<Plan> ae = halves("proration: {by: DAYS}");
        RepPeriodResult december = december(ae);

        // year's quota 1,200,000 × 181/365 = 595,068.49 + 1,800,000 × 184/365 = 907,397.26 = 1,502,465.75;
        // half of it 751,232.88 is where 10 % starts.
        // D1 600,000 (v1) is all below it: 600,000 × 5 % = 30,000.00.
        // D2 300,000 (v2) goes on from 600,000, not from zero: 151,232.88 × 5 % = 7,561.64 and
        // 900,000 - 751,232.88 = 148,767.12 × 10 % = 14,876.71: 22,438.36 (exactly 22,438.3561...)
        assertThat(december.components()).extracting(c -> c.lines().get(0).sourceId(),
                c -> c.earnedToDate().amount()).containsExactly(tuple("D1", new BigDecimal("30000.00")),
                        tuple("D2", new BigDecimal("22438.36")));
        // both measure the year: 900,000 ÷ 1,502,465.75 = 59.90 %, against the quotas added up
        assertThat(december.components()).allSatisfy(c -> {
            assertThat(c.quota()).isEqualByComparingTo("1502465.7534246575");
            assertThat(c.attainment()).isEqualByComparingTo("0.599015317287");
        });
        assertThat(december.earnedToDate().amount()).isEqualByComparingTo("52438.36");
    }

    @Test
    void withoutProrationEachVersionStillMeasuresItsOwnDealsAgainstItsFullQuota() throws Exception {
        List<Plan> ae = halves("");

        RepPeriodResult december = december(ae);

        // today's meaning: D1 600,000 ÷ 1,200,000 = 50 %, all at 5 % = 30,000; D2 starts over against
        // 1,800,000: 300,000 ÷ 1,800,000 = 16.7 %, at 5 % = 15,000
        assertThat(december.components()).extracting(c -> c.quota().toPlainString(), c -> c.earnedToDate().amount())
                .containsExactly(tuple("1200000", new BigDecimal("30000.00")),
                        tuple("1800000", new BigDecimal("15000.00")));
    }

    @Test
    void aVersionWithoutDealsStillCountsItsShareOfTheYearsQuota() throws Exception {
        List<Plan> ae = halves("proration: {}");

        RepPeriodResult december = close(DEC, List.of(new RepCalculator.PlanDeals(ae.get(0), List.of()),
                new RepCalculator.PlanDeals(ae.get(1), List.of(deal("D2", "2026-09-15", "900000")))),
                Ledger.start(USD));

        // by defaults to DAYS. Quota 1,502,465.75 as above, though v1 brought nothing: D2 900,000 pays
        // 751,232.88 × 5 % = 37,561.64 + 148,767.12 × 10 % = 14,876.71 = 52,438.36 (exactly 52,438.356...)
        assertThat(december.earnedToDate().amount()).isEqualByComparingTo("52438.36");
    }

    @Test
    void aNewHireFromAprilMeasuresAndIsPaidOn275DaysOfTheYear() throws Exception {
        Plan hire = plans("""
                plan: AE
                version: 1
                effective_from: 2026-04-01
                currency: USD
                target_incentive: 60000
                proration: {by: DAYS}
                components:
                  - id: bookings
                    metric: BOOKINGS_ACV
                    quota: 1200000
                    pay: TARGET_BY_ATTAINMENT
                    rate_table: {bands: [{from: 0, to: 1.0, rate: 1}, {from: 1.0, rate: 2}]}
                """).get(0);

        RepPeriodResult december = calculator.calculate(hire, DEC,
                input(List.of(deal("D1", "2026-06-10", "1000000")), Ledger.start(USD)));

        // quota 1,200,000 × 275/365 = 904,109.59; target 60,000 × 275/365 = 45,205.48.
        // attainment 1,000,000 ÷ 904,109.59 = 110.61 % (365/330); marginal curve 1 + 10.61 % × 2 = 1.2121
        // (400/330); payout 45,205.48 × 1.2121 = 54,794.52 (60,000 × 275 × 400 ÷ (365 × 330) = 54,794.5205...).
        // Unprorated it would be 1,000,000 ÷ 1,200,000 = 83.33 % of 60,000 = 50,000.
        ComponentEarnings bookings = december.components().get(0);
        assertThat(bookings.quota()).isEqualByComparingTo("904109.5890410959");
        assertThat(bookings.attainment()).isEqualByComparingTo("1.10606060606");
        assertThat(bookings.lines()).extracting(ComponentLine::amount, ComponentLine::why).containsExactly(tuple(
                usd("54794.52"), "target incentive 60000 × 275/365 days × weight 100 % × curve(110.606060606 %) "
                        + "1.21212121212"));
    }

    @Test
    void eachVersionPaysItsProratedTargetByTheYearsAttainment() throws Exception {
        String curve = "pay: TARGET_BY_ATTAINMENT, rate_table: {bands: [{from: 0, rate: 1}]}";
        List<Plan> ae = plans("""
                plan: AE
                version: 1
                effective_from: 2026-01-01
                effective_to: 2026-06-30
                currency: USD
                target_incentive: 60000
                proration: {by: DAYS}
                components: [{id: bookings, metric: BOOKINGS_ACV, quota: 1200000, %s}]
                ---
                plan: AE
                version: 2
                effective_from: 2026-07-01
                currency: USD
                target_incentive: 90000
                proration: {by: DAYS}
                components: [{id: bookings, metric: BOOKINGS_ACV, quota: 1800000, %s}]
                """.formatted(curve, curve));

        RepPeriodResult december = december(ae);

        // the year's attainment 900,000 ÷ 1,502,465.75 = 59.9015 % pays both versions (not 50 % and 16.67 %):
        // v1 60,000 × 181/365 = 29,753.42 × 59.9015 % = 17,822.76; v2 90,000 × 184/365 = 45,369.86 × 59.9015 %
        // = 27,177.24; together 45,000.00, 5 % of 900,000 as both plans' target ÷ quota is 5 %
        assertThat(december.components()).extracting(c -> c.lines().get(0).amount(), c -> c.lines().get(0).why())
                .containsExactly(
                        tuple(usd("17822.76"), "target incentive 60000 × 181/365 days × weight 100 % × "
                                + "curve(59.9015317287 %) 0.599015317287"),
                        tuple(usd("27177.24"), "target incentive 90000 × 184/365 days × weight 100 % × "
                                + "curve(59.9015317287 %) 0.599015317287"));
    }

    @Test
    void byMonthsCountsWholeMonthsInForce() throws Exception {
        List<Plan> ae = halves("proration: {by: MONTHS}");

        RepPeriodResult december = december(ae);

        // 1,200,000 × 6/12 + 1,800,000 × 6/12 = 600,000 + 900,000 = 1,500,000; 10 % from 750,000.
        // D1 600,000 × 5 % = 30,000; D2 150,000 × 5 % = 7,500 + 150,000 × 10 % = 15,000: 22,500
        assertThat(december.components()).extracting(c -> c.quota().toPlainString(), c -> c.earnedToDate().amount())
                .containsExactly(tuple("1500000", new BigDecimal("30000.00")),
                        tuple("1500000", new BigDecimal("22500.00")));
    }

    @Test
    void aQuarterIsProratedOnlyWhereTheVersionIsNotInForceForAllOfIt() throws Exception {
        Plan hire = plans("""
                plan: AE
                version: 1
                effective_from: 2026-04-15
                currency: USD
                measurement: QUARTER
                proration: {by: DAYS}
                components: [{id: bookings, metric: BOOKINGS_ACV, quota: 1200000, rate_table: %s}]
                """.formatted(TABLE)).get(0);

        RepPeriodResult september = calculator.calculate(hire, YearMonth.of(2026, 9),
                input(List.of(deal("D1", "2026-05-10", "200000"), deal("D2", "2026-08-10", "200000")),
                        Ledger.start(USD)));

        // Q2 is 30 + 31 + 30 = 91 days, in force from 15 April 16 + 31 + 30 = 77: quota 1,200,000 × 3/12 × 77/91
        // = 253,846.15, 10 % from 126,923.08: D1 126,923.08 × 5 % = 6,346.15 + 73,076.92 × 10 % = 7,307.69
        // = 13,653.85 (exactly 13,653.846...). Q3 is whole: 300,000, 10 % from 150,000: D2 150,000 × 5 %
        // = 7,500 + 50,000 × 10 % = 5,000 = 12,500
        assertThat(september.components()).extracting(c -> c.quota().toPlainString(), c -> c.earnedToDate().amount())
                .containsExactly(tuple("253846.1538461538", new BigDecimal("13653.85")),
                        tuple("300000", new BigDecimal("12500.00")));
    }

    @Test
    void theTrueUpPaysWhatALaterQuotaChangeDoesToTheYearsEarlierDeals() throws Exception {
        // March: only version 1 is known, open-ended: in force all year, 365/365 of 1,200,000.
        // July: version 2 cuts the quota to 600,000 from 1 July and takes version 1's days from then on.
        List<Plan> ae = plans(version(1, "2026-01-01", null, "1200000", "proration: {by: DAYS}") + "---\n"
                + version(2, "2026-07-01", null, "600000", "proration: {by: DAYS}"));
        CreditedDeal d1 = deal("D1", "2026-03-10", "700000");

        RepPeriodResult march = close(MAR, List.of(new RepCalculator.PlanDeals(ae.get(0), List.of(d1))),
                Ledger.start(USD));
        // 10 % from 600,000: 600,000 × 5 % = 30,000 + 100,000 × 10 % = 10,000 = 40,000
        assertThat(march.earnedToDate().amount()).isEqualByComparingTo("40000.00");
        assertThat(march.payout().amount()).isEqualByComparingTo("40000.00");

        RepPeriodResult july = close(JUL, List.of(new RepCalculator.PlanDeals(ae.get(0), List.of(d1)),
                new RepCalculator.PlanDeals(ae.get(1), List.of())), march.settlement().next());
        // year's quota 1,200,000 × 181/365 = 595,068.49 + 600,000 × 184/365 = 302,465.75 = 897,534.25, 10 % from
        // 448,767.12: D1 448,767.12 × 5 % = 22,438.36 + 251,232.88 × 10 % = 25,123.29 = 47,561.64
        // (exactly 47,561.6438...). Earned to date rose by 7,561.64, which July pays.
        assertThat(july.earnedToDate().amount()).isEqualByComparingTo("47561.64");
        assertThat(july.payout().amount()).isEqualByComparingTo("7561.64");
    }
}
