package io.compclose.core.calculation;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.groups.Tuple.tuple;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.Currency;
import java.util.List;

import org.junit.jupiter.api.Test;

import io.compclose.core.money.Money;
import io.compclose.core.plan.Band;
import io.compclose.core.plan.BandAmount;
import io.compclose.core.plan.BandBasis;
import io.compclose.core.plan.PayMethod;
import io.compclose.core.plan.RateTable;
import io.compclose.core.plan.TablePricing;
import io.compclose.core.plan.Threshold;
import io.compclose.core.plan.ThresholdSemantics;
import io.compclose.core.plan.TierPolicy;

/**
 * Per-transaction pricing and amount tables, the arithmetic in each comment. The public source is Oracle
 * Incentive Compensation's "Examples of Calculating Earnings Using Step Rates" and "... Using Interpolated Rates"
 * (docs.oracle.com/en/cloud/saas/sales/facmi/): six transactions of 200, 300, 1,500, 1,200, 2,000 and 4,500,
 * processed individually, earn 164 on its step (percent) table and 149 on its interpolated amount table.
 */
class TablePricingTests {

    private static final Currency USD = Currency.getInstance("USD");
    private static final YearMonth OCT = YearMonth.of(2026, 10);
    private static final YearMonth NOV = YearMonth.of(2026, 11);

    private static BigDecimal d(String value) {
        return new BigDecimal(value);
    }

    private static Money usd(String v) {
        return Money.of(v, "USD");
    }

    private static Band rate(String from, String to, String rate) {
        return new Band(d(from), to == null ? null : d(to), d(rate));
    }

    private static Band amount(String from, String to, String amount) {
        return new Band(d(from), to == null ? null : d(to), null, d(amount));
    }

    /** Oracle's step table: 0–1,000 at 1 %, 1,000–3,000 at 2 %, 3,000–8,000 at 3 %, 8,000–20,000 at 5 %. */
    private static RateTable oracleStep(TierPolicy policy, TablePricing pricing) {
        return new RateTable(policy, BandBasis.AMOUNT, List.of(rate("0", "1000", "0.01"), rate("1000", "3000", "0.02"),
                rate("3000", "8000", "0.03"), rate("8000", "20000", "0.05")), null, pricing, null);
    }

    /** Oracle's amount table: 0–1,000 pays 10, 1,000–3,000 pays 40, 3,000–8,000 pays 100, 8,000–20,000 pays 2,000. */
    private static RateTable oracleAmounts(TierPolicy policy, BandAmount amounts, TablePricing pricing) {
        return new RateTable(policy, BandBasis.AMOUNT, List.of(amount("0", "1000", "10"), amount("1000", "3000", "40"),
                amount("3000", "8000", "100"), amount("8000", "20000", "2000")), null, pricing, amounts);
    }

    /** The table: 0–10,000 pays 100, 10,000–20,000 pays 300. */
    private static RateTable twoAmounts(TierPolicy policy, BandAmount amounts) {
        return new RateTable(policy, BandBasis.AMOUNT, List.of(amount("0", "10000", "100"),
                amount("10000", "20000", "300")), null, TablePricing.CUMULATIVE, amounts);
    }

    private static CreditedTransaction deal(String id, String date, String value) {
        return new CreditedTransaction(id, LocalDate.parse(date), d(value), BigDecimal.ONE, null);
    }

    /** Oracle's six transactions, dated in one quarter as its example has them (here October and November). */
    private static List<CreditedTransaction> oracleTransactions() {
        return List.of(deal("T1", "2026-10-01", "200"), deal("T2", "2026-10-02", "300"),
                deal("T3", "2026-10-15", "1500"), deal("T4", "2026-11-01", "1200"),
                deal("T5", "2026-11-15", "2000"), deal("T6", "2026-11-30", "4500"));
    }

    private static ComponentEarnings calculate(RateTable table, List<CreditedTransaction> window) {
        return new ComponentCalculator().calculate(new ComponentTerms("bookings", PayMethod.RATE_ON_VALUE, null, null,
                BigDecimal.ONE, table, USD), window, NOV);
    }

    @Test
    void aTransactionPricedOnItsOwnStartsAgainAtTheFirstBand() {
        RateTable table = oracleStep(TierPolicy.MARGINAL, TablePricing.PER_TRANSACTION);
        // 1,500 = 1,000 x 1 % + 500 x 2 % = 10 + 10 = 20, whatever came before it
        assertThat(RateTablePricing.perTransaction(table, d("1500")).amount()).isEqualByComparingTo("20");
        // 4,500 = 1,000 x 1 % + 2,000 x 2 % + 1,500 x 3 % = 10 + 40 + 45 = 95
        assertThat(RateTablePricing.perTransaction(table, d("4500")).amount()).isEqualByComparingTo("95");
        // a reversal of 1,500 takes back what 1,500 earns: -20
        assertThat(RateTablePricing.perTransaction(table, d("-1500")).amount()).isEqualByComparingTo("-20");
    }

    @Test
    void oraclesStepRateExampleEarns164OverSixTransactions() {
        // T1 200 x 1 % = 2; T2 300 x 1 % = 3; T3 10 + 500 x 2 % = 20; T4 10 + 200 x 2 % = 14;
        // T5 10 + 1,000 x 2 % = 30; T6 10 + 40 + 1,500 x 3 % = 95: 2 + 3 + 20 + 14 + 30 + 95 = 164
        ComponentEarnings earnings = calculate(oracleStep(TierPolicy.MARGINAL, TablePricing.PER_TRANSACTION),
                oracleTransactions());
        assertThat(earnings.lines()).extracting(ComponentLine::kind).containsOnly(ComponentLine.Kind.TRANSACTION);
        assertThat(earnings.lines()).extracting(ComponentLine::sourceId, ComponentLine::amount).containsExactly(
                tuple("T1", usd("2.00")), tuple("T2", usd("3.00")), tuple("T3", usd("20.00")),
                tuple("T4", usd("14.00")), tuple("T5", usd("30.00")), tuple("T6", usd("95.00")));
        assertThat(earnings.earnedToDate()).isEqualTo(usd("164.00"));
        assertThat(earnings.lines().get(2).band()).isEqualTo("0–1,000 at 1 % + 1,000–3,000 at 2 %");
        assertThat(earnings.lines().get(2).rate()).isEqualByComparingTo("0.0133333333333"); // 20 / 1,500
        assertThat(earnings.acceleratorToDate().isZero()).isTrue(); // bands on amounts: no quota to be above
        // cumulatively, the same credit (9,700 in all) runs up the bands once:
        // 1,000 x 1 % + 2,000 x 2 % + 5,000 x 3 % + 1,700 x 5 % = 10 + 40 + 150 + 85 = 285
        assertThat(calculate(oracleStep(TierPolicy.MARGINAL, TablePricing.CUMULATIVE), oracleTransactions())
                .earnedToDate()).isEqualTo(usd("285.00"));
    }

    @Test
    void retroactivePerTransactionPaysTheWholeDealAtTheBandItsOwnAmountReaches() {
        RateTable table = oracleStep(TierPolicy.RETROACTIVE, TablePricing.PER_TRANSACTION);
        // 1,500 reaches 1,000–3,000: 1,500 x 2 % = 30; 4,500 reaches 3,000–8,000: 4,500 x 3 % = 135
        ComponentEarnings earnings = calculate(table, List.of(deal("A", "2026-10-05", "1500"),
                deal("B", "2026-10-06", "4500"), deal("C", "2026-10-07", "800")));
        // C 800 is back in the first band however much came before: 800 x 1 % = 8; nothing is re-priced
        assertThat(earnings.lines()).extracting(ComponentLine::kind, ComponentLine::amount).containsExactly(
                tuple(ComponentLine.Kind.TRANSACTION, usd("30.00")), tuple(ComponentLine.Kind.TRANSACTION, usd("135.00")),
                tuple(ComponentLine.Kind.TRANSACTION, usd("8.00")));
    }

    @Test
    void aThresholdPerTransactionIsAMinimumDealSize() {
        RateTable unlock = new RateTable(TierPolicy.MARGINAL, BandBasis.AMOUNT, List.of(rate("0", "1000", "0.01"),
                rate("1000", null, "0.02")), new Threshold(d("1000"), ThresholdSemantics.UNLOCK_FROM_FIRST_DOLLAR),
                TablePricing.PER_TRANSACTION, null);
        // 800 is below 1,000: nothing; 1,500 unlocks from the first dollar: 1,000 x 1 % + 500 x 2 % = 20
        ComponentEarnings earnings = calculate(unlock, List.of(deal("A", "2026-10-05", "800"),
                deal("B", "2026-10-06", "1500")));
        assertThat(earnings.lines()).extracting(ComponentLine::amount, ComponentLine::why).containsExactly(
                tuple(usd("0.00"), "below the threshold: this transaction earns nothing"), tuple(usd("20.00"), ""));
        RateTable above = new RateTable(TierPolicy.MARGINAL, BandBasis.AMOUNT, unlock.bands(),
                new Threshold(d("1000"), ThresholdSemantics.PAY_ABOVE_ONLY), TablePricing.PER_TRANSACTION, null);
        // only each deal's credit above 1,000 earns: 1,500 -> 500 x 2 % = 10
        assertThat(RateTablePricing.perTransaction(above, d("1500")).amount()).isEqualByComparingTo("10");
    }

    @Test
    void oraclesInterpolatedAmountExampleEarns149OverSixTransactions() {
        // T1 (200 / 1,000) x 10 = 2; T2 (300 / 1,000) x 10 = 3; T3 10 + (500 / 2,000) x 40 = 20;
        // T4 10 + (200 / 2,000) x 40 = 14; T5 10 + (1,000 / 2,000) x 40 = 30;
        // T6 10 + 40 + (1,500 / 5,000) x 100 = 80: 2 + 3 + 20 + 14 + 30 + 80 = 149
        ComponentEarnings earnings = calculate(oracleAmounts(TierPolicy.MARGINAL, BandAmount.INTERPOLATED,
                TablePricing.PER_TRANSACTION), oracleTransactions());
        assertThat(earnings.lines()).extracting(ComponentLine::amount).containsExactly(usd("2.00"), usd("3.00"),
                usd("20.00"), usd("14.00"), usd("30.00"), usd("80.00"));
        assertThat(earnings.earnedToDate()).isEqualTo(usd("149.00"));
        assertThat(earnings.lines().get(5).band())
                .isEqualTo("0–1,000 pays 10 + 1,000–3,000 pays 40 + 3,000–8,000 100 × 30 %");
    }

    @Test
    void anAmountTablePaysWholeOrProRataThroughTheBand() {
        // interpolated at 15,000: 100 + 300 x (5,000 / 10,000) = 100 + 150 = 250
        assertThat(RateTablePricing.commission(twoAmounts(TierPolicy.MARGINAL, BandAmount.INTERPOLATED), d("15000"),
                null).amount()).isEqualByComparingTo("250");
        // whole at 15,000: both bands reached, 100 + 300 = 400
        assertThat(RateTablePricing.commission(twoAmounts(TierPolicy.MARGINAL, BandAmount.WHOLE), d("15000"), null)
                .amount()).isEqualByComparingTo("400");
        // whole at exactly 10,000: [10,000, 20,000) holds 10,000, so it is reached: 400
        assertThat(RateTablePricing.commission(twoAmounts(TierPolicy.MARGINAL, BandAmount.WHOLE), d("10000"), null)
                .amount()).isEqualByComparingTo("400");
        // retroactive whole at 15,000: only the band reached pays, 300; at 9,999.99: 100
        assertThat(RateTablePricing.commission(twoAmounts(TierPolicy.RETROACTIVE, BandAmount.WHOLE), d("15000"), null)
                .amount()).isEqualByComparingTo("300");
        assertThat(RateTablePricing.commission(twoAmounts(TierPolicy.RETROACTIVE, BandAmount.WHOLE), d("9999.99"),
                null).amount()).isEqualByComparingTo("100");
        // above the bounded top nothing more: interpolated at 25,000 is 100 + 300 = 400
        assertThat(RateTablePricing.commission(twoAmounts(TierPolicy.MARGINAL, BandAmount.INTERPOLATED), d("25000"),
                null).amount()).isEqualByComparingTo("400");
        // 3,333.3333333333 of the first band: 100 x 3,333.3333333333 / 10,000 = 33.333333333333, the line rounds
        // it to 33.33
        assertThat(calculate(twoAmounts(TierPolicy.MARGINAL, BandAmount.INTERPOLATED),
                List.of(deal("A", "2026-10-05", "3333.3333333333"))).earnedToDate()).isEqualTo(usd("33.33"));
    }

    @Test
    void aPayAboveOnlyThresholdTrimsAnInterpolatedBand() {
        RateTable table = new RateTable(TierPolicy.MARGINAL, BandBasis.AMOUNT, List.of(amount("0", "10000", "100"),
                amount("10000", "20000", "300")), new Threshold(d("5000"), ThresholdSemantics.PAY_ABOVE_ONLY),
                TablePricing.CUMULATIVE, BandAmount.INTERPOLATED);
        // 15,000, credit below 5,000 unpaid: 100 x (5,000 / 10,000) + 300 x (5,000 / 10,000) = 50 + 150 = 200
        assertThat(RateTablePricing.commission(table, d("15000"), null).amount()).isEqualByComparingTo("200");
    }

    @Test
    void aCumulativeAmountTableTruesUpLikeRates() {
        // interpolated, year to date: October 5,000 -> 100 x 5,000 / 10,000 = 50.
        // November +10,000 -> 15,000 -> 250 to date: November's line 250 - 50 = 200, so November pays
        // earned to date 250 - paid before 50 = 200
        ComponentEarnings interpolated = calculate(twoAmounts(TierPolicy.MARGINAL, BandAmount.INTERPOLATED),
                List.of(deal("O1", "2026-10-10", "5000"), deal("N1", "2026-11-10", "10000")));
        assertThat(interpolated.lines()).extracting(ComponentLine::period, ComponentLine::amount)
                .containsExactly(tuple(OCT, usd("50.00")), tuple(NOV, usd("200.00")));
        assertThat(interpolated.earnedToDate()).isEqualTo(usd("250.00"));
        assertThat(interpolated.lines().get(1).band())
                .isEqualTo("0–10,000 pays 100 + 10,000–20,000 300 × 50 %");
        // whole: October 5,000 reaches the first band, 100. November's 10,000 reaches the second: +300.
        // A third deal inside the second band adds nothing: the band was already paid in full
        ComponentEarnings whole = calculate(twoAmounts(TierPolicy.MARGINAL, BandAmount.WHOLE), List.of(
                deal("O1", "2026-10-10", "5000"), deal("N1", "2026-11-10", "10000"), deal("N2", "2026-11-20", "1000")));
        assertThat(whole.lines()).extracting(ComponentLine::sourceId, ComponentLine::amount, ComponentLine::band)
                .containsExactly(tuple("O1", usd("100.00"), "0–10,000 pays 100"),
                        tuple("N1", usd("300.00"), "10,000–20,000 pays 300"), tuple("N2", usd("0.00"), "-"));
        // retroactive whole: 100 in October; reaching the second band in November makes it 300: +200
        ComponentEarnings retroactive = calculate(twoAmounts(TierPolicy.RETROACTIVE, BandAmount.WHOLE),
                List.of(deal("O1", "2026-10-10", "5000"), deal("N1", "2026-11-10", "10000")));
        assertThat(retroactive.lines()).extracting(ComponentLine::kind, ComponentLine::amount).containsExactly(
                tuple(ComponentLine.Kind.TRANSACTION, usd("100.00")), tuple(ComponentLine.Kind.TRANSACTION, usd("200.00")));
    }

    @Test
    void theDefaultsAreTodaysCumulativeRateTable() {
        RateTable today = new RateTable(TierPolicy.MARGINAL, BandBasis.AMOUNT, List.of(rate("0", null, "0.1")), null);
        assertThat(today.pricing()).isEqualTo(TablePricing.CUMULATIVE);
        assertThat(today.paysAmounts()).isFalse();
        assertThat(new RateTable(TierPolicy.MARGINAL, BandBasis.AMOUNT, today.bands(), null, null, null))
                .isEqualTo(today);
    }
}
