package io.compclose.core.calculation;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.util.List;

import org.junit.jupiter.api.Test;

import io.compclose.core.plan.Band;
import io.compclose.core.plan.BandBasis;
import io.compclose.core.plan.RateTable;
import io.compclose.core.plan.Threshold;
import io.compclose.core.plan.ThresholdSemantics;
import io.compclose.core.plan.TierPolicy;

/** Worked examples from domain.md and plans.md, the arithmetic in each comment. */
class RateTablePricingTests {

    private static BigDecimal d(String value) {
        return new BigDecimal(value);
    }

    private static Band band(String from, String to, String rate) {
        return new Band(d(from), to == null ? null : d(to), d(rate));
    }

    /** domain.md: 0–50 % of quota at 5 %, 50–100 % at 8 %, above 100 % at 12 %. */
    private static RateTable domainTable(TierPolicy policy) {
        return new RateTable(policy, BandBasis.ATTAINMENT,
                List.of(band("0", "0.5", "0.05"), band("0.5", "1.0", "0.08"), band("1.0", null, "0.12")), null);
    }

    @Test
    void marginalPaysEachBandsRateOnTheCreditInsideIt() {
        // quota 500,000; credit 600,000:
        // 250,000 x 5 % + 250,000 x 8 % + 100,000 x 12 % = 12,500 + 20,000 + 12,000 = 44,500
        Priced priced = RateTablePricing.commission(domainTable(TierPolicy.MARGINAL), d("600000"), d("500000"));
        assertThat(priced.amount()).isEqualByComparingTo("44500");
        assertThat(priced.slices()).extracting(BandSlice::quantity)
                .usingElementComparator(BigDecimal::compareTo)
                .containsExactly(d("250000"), d("250000"), d("100000"));
        assertThat(priced.topRate()).isEqualByComparingTo("0.12");
        // credit 400,000: 250,000 x 5 % + 150,000 x 8 % = 12,500 + 12,000 = 24,500
        assertThat(RateTablePricing.commission(domainTable(TierPolicy.MARGINAL), d("400000"), d("500000")).amount())
                .isEqualByComparingTo("24500");
    }

    @Test
    void retroactivePaysTheRateOfTheHighestBandReachedOnAllCredit() {
        // credit 600,000 reaches the 12 % band: 600,000 x 12 % = 72,000
        assertThat(RateTablePricing.commission(domainTable(TierPolicy.RETROACTIVE), d("600000"), d("500000"))
                .amount()).isEqualByComparingTo("72000");
        // credit 400,000 (80 %) is in the 8 % band: 400,000 x 8 % = 32,000
        assertThat(RateTablePricing.commission(domainTable(TierPolicy.RETROACTIVE), d("400000"), d("500000"))
                .amount()).isEqualByComparingTo("32000");
        // exactly at quota (100 %) the 12 % band is reached: 500,000 x 12 % = 60,000
        assertThat(RateTablePricing.commission(domainTable(TierPolicy.RETROACTIVE), d("500000"), d("500000"))
                .amount()).isEqualByComparingTo("60000");
    }

    @Test
    void theReferencePagesMarginalExample() {
        // jobs/plans.md: 4 % / 8 % / 12 % on a 500,000 quota, 600,000 -> 10,000 + 20,000 + 12,000 = 42,000
        RateTable table = new RateTable(TierPolicy.MARGINAL, BandBasis.ATTAINMENT,
                List.of(band("0", "0.5", "0.04"), band("0.5", "1.0", "0.08"), band("1.0", null, "0.12")), null);
        assertThat(RateTablePricing.commission(table, d("600000"), d("500000")).amount()).isEqualByComparingTo("42000");
    }

    @Test
    void decelerateBelowAndAccelerateAboveQuota() {
        // plans.md AE table, quota 500,000: 0–50 % at 4 % (decelerator), 50–100 % at 8 %, 100 %+ at 12 % (accelerator)
        RateTable ae = new RateTable(TierPolicy.MARGINAL, BandBasis.ATTAINMENT,
                List.of(band("0", "0.5", "0.04"), band("0.5", "1.0", "0.08"), band("1.0", null, "0.12")), null);
        // 100,000 credit (20 %): 100,000 x 4 % = 4,000 (a flat 8 % would pay 8,000)
        assertThat(RateTablePricing.commission(ae, d("100000"), d("500000")).amount()).isEqualByComparingTo("4000");
        // 550,000: 250,000 x 4 % + 250,000 x 8 % + 50,000 x 12 % = 10,000 + 20,000 + 6,000 = 36,000
        assertThat(RateTablePricing.commission(ae, d("550000"), d("500000")).amount()).isEqualByComparingTo("36000");
    }

    @Test
    void thresholdSemanticsAreNamedAndDiffer() {
        // 10 % flat, gate at 25 % of a 100,000 quota (25,000)
        RateTable payAbove = new RateTable(TierPolicy.MARGINAL, BandBasis.ATTAINMENT, List.of(band("0", null, "0.10")),
                new Threshold(d("0.25"), ThresholdSemantics.PAY_ABOVE_ONLY));
        RateTable unlock = new RateTable(TierPolicy.MARGINAL, BandBasis.ATTAINMENT, List.of(band("0", null, "0.10")),
                new Threshold(d("0.25"), ThresholdSemantics.UNLOCK_FROM_FIRST_DOLLAR));
        // below the gate: 20,000 earns nothing under either
        assertThat(RateTablePricing.commission(payAbove, d("20000"), d("100000")).belowThreshold()).isTrue();
        assertThat(RateTablePricing.commission(unlock, d("20000"), d("100000")).amount()).isEqualByComparingTo("0");
        // 40,000: pay above only = (40,000 - 25,000) x 10 % = 1,500 ; unlock = 40,000 x 10 % = 4,000
        assertThat(RateTablePricing.commission(payAbove, d("40000"), d("100000")).amount()).isEqualByComparingTo("1500");
        assertThat(RateTablePricing.commission(unlock, d("40000"), d("100000")).amount()).isEqualByComparingTo("4000");
        // exactly at the gate: unlocked, 25,000 x 10 % = 2,500 ; pay above only = 0
        assertThat(RateTablePricing.commission(unlock, d("25000"), d("100000")).amount()).isEqualByComparingTo("2500");
        assertThat(RateTablePricing.commission(payAbove, d("25000"), d("100000")).amount()).isEqualByComparingTo("0");
    }

    @Test
    void retroactiveWithAPayAboveOnlyGatePaysTheReachedRateAboveTheGate() {
        // domain table, gate at 50 % (250,000), credit 600,000 reaches 12 %: (600,000 - 250,000) x 12 % = 42,000
        RateTable table = new RateTable(TierPolicy.RETROACTIVE, BandBasis.ATTAINMENT, domainTable(TierPolicy.RETROACTIVE)
                .bands(), new Threshold(d("0.5"), ThresholdSemantics.PAY_ABOVE_ONLY));
        assertThat(RateTablePricing.commission(table, d("600000"), d("500000")).amount()).isEqualByComparingTo("42000");
    }

    @Test
    void bandsOnAmountsNeedNoQuota() {
        // first 50,000 at 5 %, the rest at 10 %: 80,000 -> 50,000 x 5 % + 30,000 x 10 % = 2,500 + 3,000 = 5,500
        RateTable amounts = new RateTable(TierPolicy.MARGINAL, BandBasis.AMOUNT,
                List.of(band("0", "50000", "0.05"), band("50000", null, "0.10")), null);
        assertThat(RateTablePricing.commission(amounts, d("80000"), null).amount()).isEqualByComparingTo("5500");
    }

    @Test
    void aPayoutCurveOnAttainmentWithACappedTopBand() {
        // plans.md activities: 0–100 % pays 1.0 per unit of attainment, 100–120 % pays 1.5, nothing above 120 %
        RateTable curve = new RateTable(TierPolicy.MARGINAL, BandBasis.ATTAINMENT,
                List.of(band("0", "1.0", "1.0"), band("1.0", "1.2", "1.5")), null);
        // 110 %: 1.0 x 1.0 + 0.1 x 1.5 = 1.15
        assertThat(RateTablePricing.curve(curve, d("1.1")).amount()).isEqualByComparingTo("1.15");
        // 130 %: 1.0 + 0.2 x 1.5 = 1.30 (capped at 120 % attainment)
        assertThat(RateTablePricing.curve(curve, d("1.3")).amount()).isEqualByComparingTo("1.30");
        // 80 %: 0.8
        assertThat(RateTablePricing.curve(curve, d("0.8")).amount()).isEqualByComparingTo("0.8");
    }

    @Test
    void nothingOrNegativeCreditEarnsNothing() {
        assertThat(RateTablePricing.commission(domainTable(TierPolicy.MARGINAL), BigDecimal.ZERO, d("1")).amount())
                .isEqualByComparingTo("0");
        assertThat(RateTablePricing.commission(domainTable(TierPolicy.RETROACTIVE), d("-5"), d("1")).slices()).isEmpty();
    }

    @Test
    void validationNamesGapsOverlapsAndNegativeRates() {
        RateTable broken = new RateTable(TierPolicy.MARGINAL, BandBasis.ATTAINMENT, List.of(band("0.1", "0.5", "0.05"),
                band("0.6", "1.0", "0.08"), band("0.9", null, "-0.01"), band("1.5", null, "0.2")), null);
        assertThat(broken.problems()).containsExactly(
                "bands[0].from: the first band must start at 0, was 0.1",
                "bands[1].from: gap between 0.5 and 0.6",
                "bands[2].rate: must not be negative, was -0.01",
                "bands[2]: only the last band may be open-ended",
                "bands[2].from: overlaps the previous band, which ends at 1.0");
        assertThat(domainTable(TierPolicy.MARGINAL).problems()).isEmpty();
    }
}
