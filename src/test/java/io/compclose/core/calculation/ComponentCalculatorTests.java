package io.compclose.core.calculation;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.Currency;
import java.util.List;

import org.junit.jupiter.api.Test;

import io.compclose.core.calculation.ComponentLine.Kind;
import io.compclose.core.money.Money;
import io.compclose.core.plan.Band;
import io.compclose.core.plan.BandBasis;
import io.compclose.core.plan.PayMethod;
import io.compclose.core.plan.RateTable;
import io.compclose.core.plan.TierPolicy;

class ComponentCalculatorTests {

    private static final YearMonth OCT = YearMonth.of(2026, 10);
    private static final YearMonth NOV = YearMonth.of(2026, 11);
    private final ComponentCalculator calculator = new ComponentCalculator();

    private static final Currency USD = Currency.getInstance("USD");

    private static BigDecimal d(String v) {
        return new BigDecimal(v);
    }

    private static Money usd(String v) {
        return Money.of(v, "USD");
    }

    private static RateTable table(TierPolicy policy, Band... bands) {
        return new RateTable(policy, BandBasis.ATTAINMENT, List.of(bands), null);
    }

    private static Band band(String from, String to, String rate) {
        return new Band(d(from), to == null ? null : d(to), d(rate));
    }

    private static CreditedTransaction deal(String id, String date, String value, String multiplier) {
        return new CreditedTransaction(id, LocalDate.parse(date), d(value), d(multiplier), null);
    }

    private static ComponentTerms onValue(RateTable table, String quota) {
        return new ComponentTerms("bookings", PayMethod.RATE_ON_VALUE, d(quota), null, BigDecimal.ONE, table, USD);
    }

    @Test
    void rateFromTargetIsTargetIncentiveOverQuota() {
        // domain.md: TI 40,000 on a 500,000 quota -> 8 %
        assertThat(TargetRate.of(d("40000"), d("500000"))).isEqualByComparingTo("0.08");
    }

    @Test
    void aMarginalDealThatStraddlesBandsIsPricedInBoth() {
        // quota 100,000; 8 % to quota, 12 % above. Oct: 60,000 -> 4,800.
        // Nov: 50,000 -> 40,000 x 8 % + 10,000 x 12 % = 3,200 + 1,200 = 4,400. Earned to date 9,200.
        RateTable table = table(TierPolicy.MARGINAL, band("0", "1", "0.08"), band("1", null, "0.12"));
        ComponentEarnings earnings = calculator.calculate(onValue(table, "100000"),
                List.of(deal("B-2", "2026-11-05", "50000", "1"), deal("B-1", "2026-10-10", "60000", "1")), NOV);
        assertThat(earnings.lines()).extracting(ComponentLine::sourceId, ComponentLine::amount)
                .containsExactly(org.assertj.core.groups.Tuple.tuple("B-1", usd("4800.00")),
                        org.assertj.core.groups.Tuple.tuple("B-2", usd("4400.00")));
        assertThat(earnings.lines().get(1).band()).isEqualTo("0–100 % of quota at 8 % + 100 %+ of quota at 12 %");
        assertThat(earnings.lines().get(1).rate()).isEqualByComparingTo("0.088"); // 4,400 / 50,000
        assertThat(earnings.earnedToDate().amount()).isEqualByComparingTo("9200.00");
        assertThat(earnings.attainment()).isEqualByComparingTo("1.1");
        assertThat(earnings.linesOf(NOV)).hasSize(1);
    }

    @Test
    void aRetroactiveBandCrossedInNovemberRepricesOctoberCredit() {
        // same table, retroactive. Oct: 60,000 x 8 % = 4,800.
        // Nov: 50,000 crosses 100 %: its own 50,000 x 12 % = 6,000, and October's 60,000 is re-priced
        // from 8 % to 12 %: 60,000 x 4 % = 2,400. Earned to date 110,000 x 12 % = 13,200 = 4,800 + 2,400 + 6,000.
        RateTable table = table(TierPolicy.RETROACTIVE, band("0", "1", "0.08"), band("1", null, "0.12"));
        ComponentEarnings earnings = calculator.calculate(onValue(table, "100000"),
                List.of(deal("B-1", "2026-10-10", "60000", "1"), deal("B-2", "2026-11-05", "50000", "1")), NOV);
        assertThat(earnings.earnedToDate().amount()).isEqualByComparingTo("13200.00");
        List<ComponentLine> november = earnings.linesOf(NOV);
        assertThat(november).extracting(ComponentLine::kind).containsExactly(Kind.REPRICING, Kind.TRANSACTION);
        assertThat(november.get(0).amount().amount()).isEqualByComparingTo("2400.00");
        assertThat(november.get(0).credit()).isEqualByComparingTo("60000");
        assertThat(november.get(0).why()).isEqualTo("credit before B-2 re-priced at 12 % (retroactive)");
        assertThat(november.get(1).amount().amount()).isEqualByComparingTo("6000.00");
        assertThat(earnings.linesOf(OCT).get(0).amount().amount()).isEqualByComparingTo("4800.00");
    }

    @Test
    void aCreditMultiplierRaisesCreditNotTheRate() {
        // domain.md: upsell credited at 1.25x. 40,000 upsell -> 50,000 credit = 50 % of a 100,000 quota;
        // the rate stays 8 %: 50,000 x 8 % = 4,000
        ComponentEarnings earnings = calculator.calculate(onValue(table(TierPolicy.MARGINAL, band("0", null, "0.08")),
                "100000"), List.of(deal("U-1", "2026-10-01", "40000", "1.25")), OCT);
        ComponentLine line = earnings.lines().get(0);
        assertThat(line.credit()).isEqualByComparingTo("50000");
        assertThat(line.multiplier()).isEqualByComparingTo("1.25");
        assertThat(line.rate()).isEqualByComparingTo("0.08");
        assertThat(line.amount().amount()).isEqualByComparingTo("4000.00");
        assertThat(earnings.attainment()).isEqualByComparingTo("0.5");
    }

    @Test
    void weightedSeventyThirtyBookingsAndActivities() {
        // domain.md 70/30 on TI 40,000. Bookings 90 % on a linear curve: 40,000 x 0.7 x 0.9 = 25,200.
        // Activities 264 of 240 (110 %), curve 1.0 to 100 % then 1.5 to 120 %: 40,000 x 0.3 x 1.15 = 13,800.
        RateTable linear = table(TierPolicy.MARGINAL, band("0", null, "1.0"));
        RateTable activityCurve = table(TierPolicy.MARGINAL, band("0", "1.0", "1.0"), band("1.0", "1.2", "1.5"));
        ComponentEarnings bookings = calculator.calculate(new ComponentTerms("bookings", PayMethod.TARGET_BY_ATTAINMENT,
                d("500000"), d("40000"), d("0.7"), linear, USD), List.of(deal("B-1", "2026-10-01", "450000", "1")),
                OCT);
        ComponentEarnings activities = calculator.calculate(new ComponentTerms("activities", PayMethod.TARGET_BY_ATTAINMENT,
                d("240"), d("40000"), d("0.3"), activityCurve, USD),
                List.of(deal("DISCOVERY", "2026-10-31", "264", "1")), OCT);
        assertThat(bookings.earnedToDate().amount()).isEqualByComparingTo("25200.00");
        assertThat(activities.earnedToDate().amount()).isEqualByComparingTo("13800.00");
        assertThat(activities.lines().get(0).why())
                .isEqualTo("target incentive 40000 × weight 30 % × curve(110 %) 1.15");
    }

    @Test
    void weightedSeventyFiveTwentyFiveRetentionAndExpansion() {
        // domain.md 75/25 on TI 20,000. Retention 95 %: 20,000 x 0.75 x 0.95 = 14,250.
        // Expansion 110 % with a 2x accelerator above quota: 20,000 x 0.25 x (1.0 + 0.1 x 2) = 6,000.
        RateTable linear = table(TierPolicy.MARGINAL, band("0", null, "1.0"));
        RateTable accelerated = table(TierPolicy.MARGINAL, band("0", "1.0", "1.0"), band("1.0", null, "2.0"));
        assertThat(calculator.calculate(new ComponentTerms("retention", PayMethod.TARGET_BY_ATTAINMENT, d("1000000"),
                d("20000"), d("0.75"), linear, USD), List.of(deal("R", "2026-10-31", "950000", "1")), OCT)
                .earnedToDate().amount())
                .isEqualByComparingTo("14250.00");
        assertThat(calculator.calculate(new ComponentTerms("expansion", PayMethod.TARGET_BY_ATTAINMENT, d("200000"),
                d("20000"), d("0.25"), accelerated, USD), List.of(deal("E", "2026-10-31", "220000", "1")), OCT)
                .earnedToDate().amount()).isEqualByComparingTo("6000.00");
    }

    @Test
    void eachLineIsRoundedHalfEvenToTheCent() {
        // 7.5 % on 9,689.50 = 726.7125 -> 726.71; then 1,062.50 x 7.5 % = 79.6875 -> 79.69;
        // a tie: 1,095.00 x 7.5 % = 82.125 -> 82.12 (half-even keeps the even cent; half-up would give 82.13)
        ComponentEarnings earnings = calculator.calculate(onValue(table(TierPolicy.MARGINAL, band("0", null, "0.075")),
                "1000000"), List.of(deal("A", "2026-10-01", "9689.50", "1"), deal("B", "2026-10-02", "1062.50", "1"),
                deal("C", "2026-10-03", "1095.00", "1")), OCT);
        assertThat(earnings.lines()).extracting(ComponentLine::amount)
                .containsExactly(usd("726.71"), usd("79.69"), usd("82.12"));
        // 726.71 + 79.69 + 82.12 = 888.52
        assertThat(earnings.earnedToDate().amount()).isEqualByComparingTo("888.52");
    }

    @Test
    void inAZeroDecimalCurrencyEachLineIsRoundedHalfEvenToTheWholeYen() {
        // 7.5 % on 12,345 = 925.875 -> JPY 926; a tie: 12,300 x 7.5 % = 922.5 -> 922 (half-even keeps the even yen)
        ComponentTerms yen = new ComponentTerms("bookings", PayMethod.RATE_ON_VALUE, d("1000000"), null, BigDecimal.ONE,
                table(TierPolicy.MARGINAL, band("0", null, "0.075")), Currency.getInstance("JPY"));
        ComponentEarnings earnings = calculator.calculate(yen, List.of(deal("A", "2026-10-01", "12345", "1"),
                deal("B", "2026-10-02", "12300", "1")), OCT);
        assertThat(earnings.lines()).extracting(ComponentLine::amount)
                .containsExactly(Money.of("926", "JPY"), Money.of("922", "JPY"));
        assertThat(earnings.earnedToDate()).isEqualTo(Money.of("1848", "JPY"));
    }
}
