package io.compclose.core.calculation;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.groups.Tuple.tuple;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.Currency;
import java.util.List;

import org.junit.jupiter.api.Test;

import io.compclose.core.money.Money;
import io.compclose.core.plan.Band;

/** SPIFFs that pay by the deal's value: a rate on credited ACV, an amount by deal-size tier, a cap per program. */
class SpiffByValueTests {

    private static final Currency USD = Currency.getInstance("USD");
    private static final LocalDate NOV_1 = LocalDate.of(2026, 11, 1);
    private static final LocalDate NOV_30 = LocalDate.of(2026, 11, 30);

    private static BigDecimal d(String v) {
        return new BigDecimal(v);
    }

    private static Money usd(String v) {
        return Money.of(v, "USD");
    }

    private static CreditedDeal deal(String id, String bookedOn, String acv, String share) {
        return new CreditedDeal(id, LocalDate.parse(bookedOn), "A-" + id, "NEW", "PLATFORM", null, d(acv), null, 12,
                d(share), false);
    }

    private static Spiff spiff(SpiffReward reward, Money cap) {
        return new Spiff("nov", NOV_1, NOV_30, deal -> true, reward, cap);
    }

    private static List<BigDecimal> amounts(List<PayLine> lines) {
        return lines.stream().map(l -> l.amount().amount()).toList();
    }

    @Test
    void aRateSpiffPaysItsShareOfEachDealsCreditedAcv() {
        // revenue-based SPIF, "SPIF payout = eligible value x SPIF rate", 2 % of 50,000 = 1,000
        // (https://bentega.io/what-is-a-spif); here per deal on the rep's credited ACV:
        // B-1 40,000 x 100 % x 2 % = 800.00; B-2 split half of 30,000: 15,000 x 2 % = 300.00;
        // B-3 12,345.67 x 2 % = 246.9134 -> 246.91 (half-even); B-4 booked 2026-12-01 is outside the window
        List<PayLine> paid = spiff(new SpiffReward.RateOnCredit(d("0.02"), USD), null).pay(List.of(
                deal("B-1", "2026-11-05", "40000", "1"), deal("B-2", "2026-11-06", "30000", "0.5"),
                deal("B-3", "2026-11-30", "12345.67", "1"), deal("B-4", "2026-12-01", "40000", "1")));

        assertThat(paid).extracting(PayLine::code, PayLine::amount, PayLine::reference).containsExactly(
                tuple(EarningCode.SPIFF, usd("800.00"), "B-1"), tuple(EarningCode.SPIFF, usd("300.00"), "B-2"),
                tuple(EarningCode.SPIFF, usd("246.91"), "B-3"));
        assertThat(paid.get(0).why())
                .isEqualTo("SPIFF nov: B-1 (NEW PLATFORM, 2026-11-05): 2 % of credited ACV 40000 = 800.00");
    }

    @Test
    void aTieredSpiffPaysTheAmountOfTheTierTheDealsAcvFallsIn() {
        // 0-50,000 pays 500, 50,000-100,000 pays 1,000, 100,000+ pays 2,500; tiers are [from, to):
        // 49,999.99 -> 500; 50,000 (a tier's lower bound belongs to it) -> 1,000; 250,000 -> 2,500.
        // The tier goes by the whole deal's ACV: a 120,000 deal split in half still pays 2,500 to this rep.
        SpiffReward tiers = new SpiffReward.ByDealSize(List.of(new Band(d("0"), d("50000"), d("500")),
                new Band(d("50000"), d("100000"), d("1000")), new Band(d("100000"), null, d("2500"))), USD);
        List<PayLine> paid = spiff(tiers, null).pay(List.of(deal("B-1", "2026-11-02", "49999.99", "1"),
                deal("B-2", "2026-11-03", "50000", "1"), deal("B-3", "2026-11-04", "250000", "1"),
                deal("B-4", "2026-11-05", "120000", "0.5")));

        assertThat(amounts(paid)).usingElementComparator(BigDecimal::compareTo)
                .containsExactly(d("500"), d("1000"), d("2500"), d("2500"));
        assertThat(paid.get(1).why())
                .isEqualTo("SPIFF nov: B-2 (NEW PLATFORM, 2026-11-03): ACV 50000 in tier 50,000–100,000");
    }

    @Test
    void aDealAboveAClosedTopTierEarnsNothing() {
        // tiers end at 100,000: a 150,000 deal falls in none and gets no line
        SpiffReward tiers = new SpiffReward.ByDealSize(List.of(new Band(d("0"), d("100000"), d("500"))), USD);
        assertThat(spiff(tiers, null).pay(List.of(deal("B-1", "2026-11-02", "150000", "1")))).isEmpty();
    }

    @Test
    void theCapCountsWhatTheProgramPaidEarlierInTheYearAndTheDealThatCrossesItIsPaidWhatIsLeft() {
        // 2 % of ACV, at most 5,000 a year. Paid before: October's 100,000 x 2 % = 2,000 and 75,000 x 2 % =
        // 1,500, so 3,500; a September deal is outside the window and never counted.
        // November in booking order: B-3 50,000 -> 1,000 (4,500 paid); B-4 40,000 -> 800 but 500 left ->
        // 500.00 (5,000 reached); B-5 10,000 -> 200 -> nothing, no line. Given out of order on purpose.
        Spiff spiff = new Spiff("q4", LocalDate.of(2026, 10, 1), LocalDate.of(2026, 12, 31), deal -> true,
                new SpiffReward.RateOnCredit(d("0.02"), USD), usd("5000"));
        List<CreditedDeal> october = List.of(deal("B-0", "2026-09-20", "500000", "1"),
                deal("B-1", "2026-10-05", "100000", "1"), deal("B-2", "2026-10-20", "75000", "1"));
        List<PayLine> paid = spiff.pay(october, List.of(deal("B-5", "2026-11-20", "10000", "1"),
                deal("B-3", "2026-11-03", "50000", "1"), deal("B-4", "2026-11-10", "40000", "1")));

        assertThat(paid).extracting(PayLine::reference, PayLine::amount)
                .containsExactly(tuple("B-3", usd("1000.00")), tuple("B-4", usd("500.00")));
        assertThat(paid.get(1).why()).isEqualTo("SPIFF q4: B-4 (NEW PLATFORM, 2026-11-10): 2 % of credited ACV "
                + "40000 = 800.00; capped at 500.00, what is left of the program's 5000.00 a year");
    }

    @Test
    void aCapAlsoLimitsAFixedAmountAndOnceReachedPaysNothingMore() {
        // 500 a deal, at most 1,200: 500 + 500 + 200 (what is left); a year that already paid 1,200 pays nothing
        Spiff spiff = spiff(new SpiffReward.Fixed(usd("500")), usd("1200"));
        List<CreditedDeal> three = List.of(deal("B-1", "2026-11-02", "1000", "1"),
                deal("B-2", "2026-11-03", "1000", "1"), deal("B-3", "2026-11-04", "1000", "1"));
        assertThat(amounts(spiff.pay(three))).usingElementComparator(BigDecimal::compareTo)
                .containsExactly(d("500"), d("500"), d("200"));
        assertThat(spiff.pay(three, List.of(deal("B-4", "2026-11-05", "1000", "1")))).isEmpty();
    }

    @Test
    void withoutACapAFixedSpiffPaysAsBeforeWhateverWasPaidEarlier() {
        // today's SPIFF: 500 per deal, in the order given, no cap, the earlier deals change nothing
        Spiff spiff = new Spiff("nov", NOV_1, NOV_30, deal -> true, usd("500"));
        List<PayLine> paid = spiff.pay(List.of(deal("B-0", "2026-11-01", "1000", "1")),
                List.of(deal("B-2", "2026-11-09", "1000", "1"), deal("B-1", "2026-11-02", "1000", "1")));
        assertThat(paid).extracting(PayLine::reference, PayLine::amount)
                .containsExactly(tuple("B-2", usd("500")), tuple("B-1", usd("500")));
        assertThat(paid.get(0).why()).isEqualTo("SPIFF nov: B-2 (NEW PLATFORM, 2026-11-09)");
    }
}
