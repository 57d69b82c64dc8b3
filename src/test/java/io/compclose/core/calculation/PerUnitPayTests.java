package io.compclose.core.calculation;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.groups.Tuple.tuple;

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

/**
 * Pay per unit of a count: an amount per qualified meeting or new logo, with bands on the count. Vendors show
 * the same shape: QuotaPath's SDR plan pays "$100 per" qualified opportunity
 * (https://comp.quotapath.com/sdr/bonus-commission); Bentega lists "Flat-Rate per SQL: $100–$200 per qualified
 * meeting" and "Tiered Payouts: Higher payout per SQL above quota"
 * (https://www.bentega.io/blog/sdr-commission-structure-how-to-reward-sales-development-reps).
 */
class PerUnitPayTests {

    private static final YearMonth OCT = YearMonth.of(2026, 10);
    private static final Currency USD = Currency.getInstance("USD");
    private final ComponentCalculator calculator = new ComponentCalculator();

    private static BigDecimal d(String v) {
        return new BigDecimal(v);
    }

    private static Money usd(String v) {
        return Money.of(v, "USD");
    }

    /** Bands on counts: 0–20 at {@code low} per unit, {@code high} per unit from the 21st. */
    private static ComponentTerms perUnit(TierPolicy policy, String low, String high) {
        RateTable table = new RateTable(policy, BandBasis.AMOUNT,
                List.of(new Band(d("0"), d("20"), d(low)), new Band(d("20"), null, d(high))), null);
        return new ComponentTerms("meetings", PayMethod.PER_UNIT, null, null, BigDecimal.ONE, table, USD);
    }

    private static CreditedTransaction units(String id, String date, String count) {
        return new CreditedTransaction(id, LocalDate.parse(date), d(count), BigDecimal.ONE, null);
    }

    @Test
    void unitsAboveABandEdgeEarnTheHigherAmountOnlyOnThemselves() {
        // 25 meetings, 50 each up to 20 and 75 above: 20 x 50 + 5 x 75 = 1,000 + 375 = 1,375.00; 1,375 / 25 = 55 each
        ComponentEarnings earnings = calculator.calculate(perUnit(TierPolicy.MARGINAL, "50", "75"),
                List.of(units("ACTIVITY_COUNT", "2026-10-31", "25")), OCT);

        assertThat(earnings.lines()).extracting(ComponentLine::kind, ComponentLine::credit, ComponentLine::band,
                ComponentLine::amount).containsExactly(tuple(Kind.TRANSACTION, d("25"),
                        "0–20 at 50 per unit + 20+ at 75 per unit", usd("1375.00")));
        assertThat(earnings.lines().get(0).rate()).isEqualByComparingTo("55");
        // counts have no quota to be above: nothing is paid as ACCELERATOR
        assertThat(earnings.acceleratorToDate().amount()).isEqualByComparingTo("0");
    }

    @Test
    void eachNewLogoEarnsWhatItAddsToTheCount() {
        // 500 per logo for the first 2, 750 from the 3rd: L-1 500, L-2 500, L-3 750; 1,750.00 to date
        RateTable table = new RateTable(TierPolicy.MARGINAL, BandBasis.AMOUNT,
                List.of(new Band(d("0"), d("2"), d("500")), new Band(d("2"), null, d("750"))), null);
        ComponentTerms logos = new ComponentTerms("logos", PayMethod.PER_UNIT, null, null, BigDecimal.ONE, table, USD);

        ComponentEarnings earnings = calculator.calculate(logos, List.of(units("L-3", "2026-10-20", "1"),
                units("L-1", "2026-10-02", "1"), units("L-2", "2026-10-09", "1")), OCT);

        assertThat(earnings.lines()).extracting(ComponentLine::sourceId, ComponentLine::amount).containsExactly(
                tuple("L-1", usd("500.00")), tuple("L-2", usd("500.00")), tuple("L-3", usd("750.00")));
        assertThat(earnings.earnedToDate().amount()).isEqualByComparingTo("1750.00");
    }

    @Test
    void aRetroactiveBandRepricesTheEarlierUnitsOnItsOwnLine() {
        // 18 meetings in September at 50 = 900; 7 more in October reach 25 > 20: all 25 at 75 = 1,875.
        // October adds 975: its own 7 x 75 = 525 and the earlier 18 re-priced 18 x (75 - 50) = 450
        ComponentEarnings earnings = calculator.calculate(perUnit(TierPolicy.RETROACTIVE, "50", "75"),
                List.of(units("SEP", "2026-09-30", "18"), units("OCT", "2026-10-31", "7")), OCT);

        assertThat(earnings.lines()).extracting(ComponentLine::kind, ComponentLine::sourceId, ComponentLine::amount,
                ComponentLine::why).containsExactly(
                        tuple(Kind.TRANSACTION, "SEP", usd("900.00"), ""),
                        tuple(Kind.REPRICING, "OCT", usd("450.00"),
                                "credit before OCT re-priced at 75 per unit (retroactive)"),
                        tuple(Kind.TRANSACTION, "OCT", usd("525.00"), ""));
        assertThat(earnings.earnedToDate().amount()).isEqualByComparingTo("1875.00");
    }
}
