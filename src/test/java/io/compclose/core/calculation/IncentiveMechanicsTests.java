package io.compclose.core.calculation;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;

import io.compclose.core.calculation.ComponentLine.Kind;
import io.compclose.core.calculation.TeamPool.Member;
import io.compclose.core.calculation.TeamPool.Split;
import io.compclose.core.money.FxConversion;
import io.compclose.core.money.Money;

/** Caps per deal, SPIFFs, bonuses, MBO, team pools, usage growth, new logos and FX. */
class IncentiveMechanicsTests {

    private static final YearMonth OCT = YearMonth.of(2026, 10);

    private static BigDecimal d(String v) {
        return new BigDecimal(v);
    }

    private static Money usd(String v) {
        return Money.of(v, "USD");
    }

    @Test
    void aPerDealCapRecordsWhatItRemovedFromEachDeal() {
        // plans.md per_deal cap 15,000: a 20,000 commission is cut to 15,000 (5,000 removed), 5,000 untouched
        List<ComponentLine> lines = List.of(
                new ComponentLine(Kind.TRANSACTION, "B-1", OCT, d("250000"), BigDecimal.ONE, "-", d("0.08"),
                        usd("20000.00"), ""),
                new ComponentLine(Kind.TRANSACTION, "B-2", OCT, d("62500"), BigDecimal.ONE, "-", d("0.08"),
                        usd("5000.00"), ""));
        DealCap.Capped capped = DealCap.apply(lines, usd("15000"));
        assertThat(capped.lines()).extracting(ComponentLine::amount).containsExactly(usd("15000.00"), usd("5000.00"));
        assertThat(capped.removed()).singleElement().satisfies(c -> {
            assertThat(c.cap()).isEqualTo("per deal B-1");
            assertThat(c.removed().amount()).isEqualByComparingTo("5000");
        });
    }

    private static CreditedDeal spiffDeal(String id, LocalDate bookedOn, String type, String product) {
        return new CreditedDeal(id, bookedOn, "A", type, product, null, d("1000"), null, 12, BigDecimal.ONE, false);
    }

    @Test
    void aSpiffPaysPerQualifyingDealInsideItsDates() {
        // plans.md: 500 per CROSS_SELL of BACKUP closed 2026-10-01..2026-12-31
        Spiff spiff = new Spiff("q4-backup", LocalDate.of(2026, 10, 1), LocalDate.of(2026, 12, 31),
                d -> d.type().equals("CROSS_SELL") && d.product().equals("BACKUP"), usd("500"));
        List<PayLine> paid = spiff.pay(List.of(
                spiffDeal("B-1", LocalDate.of(2026, 10, 5), "CROSS_SELL", "BACKUP"),
                spiffDeal("B-2", LocalDate.of(2026, 10, 6), "CROSS_SELL", "PLATFORM"),
                spiffDeal("B-3", LocalDate.of(2026, 10, 7), "NEW", "BACKUP"),
                spiffDeal("B-4", LocalDate.of(2027, 1, 2), "CROSS_SELL", "BACKUP"),
                spiffDeal("B-5", LocalDate.of(2026, 12, 31), "CROSS_SELL", "BACKUP")));
        // B-1 and B-5 (the last day counts): 2 x 500
        assertThat(paid).extracting(PayLine::amount).containsExactly(usd("500"), usd("500"));
        assertThat(paid.get(0).why()).isEqualTo("SPIFF q4-backup: B-1 (CROSS_SELL BACKUP, 2026-10-05)");
        assertThat(paid).allSatisfy(l -> assertThat(l.code()).isEqualTo(EarningCode.SPIFF));
    }

    @Test
    void aMilestoneBonusIsPaidOnceWhenReached() {
        // plans.md: 2,500 for usage up 20 %
        MilestoneBonus bonus = new MilestoneBonus("usage-up-20", "USAGE_GROWTH", d("0.20"), usd("2500"));
        assertThat(bonus.pay(d("0.25"), false)).hasValueSatisfying(l -> {
            assertThat(l.amount().amount()).isEqualByComparingTo("2500");
            assertThat(l.why()).isEqualTo("bonus usage-up-20: USAGE_GROWTH 0.25 reached 0.2");
        });
        assertThat(bonus.pay(d("0.19"), false)).isEmpty();
        assertThat(bonus.pay(d("0.30"), true)).isEmpty();
    }

    @Test
    void mboPaysTargetTimesWeightTimesScore() {
        // 40,000 x 10 % x 80 % = 3,200
        PayLine line = Mbo.pay("QBR_COVERAGE", usd("40000"), d("0.10"), d("0.8"));
        assertThat(line.amount().amount()).isEqualByComparingTo("3200.00");
        assertThat(line.code()).isEqualTo(EarningCode.MBO);
        assertThatThrownBy(() -> Mbo.pay("X", usd("1"), d("1"), d("1.2"))).hasMessageContaining("between 0 and 1");
    }

    @Test
    void theDomainsTwentyThousandPoolAtOnePointOneMillion() {
        List<Member> team = List.of(new Member("A", d("600000"), true), new Member("B", d("300000"), true),
                new Member("C", d("200000"), false));
        // team credit 1,100,000 reaches the 1,100,000 target. Equal: 20,000 / 3 = 6,666.666... -> 6,666.67 x 3
        // = 20,000.01; the extra cent comes off the first largest share: 6,666.66 + 6,666.67 + 6,666.67 = 20,000.00
        List<TeamPool.Share> equal = new TeamPool("EMEA", d("1100000"), usd("20000"), Split.EQUAL, false).pay(team);
        assertThat(equal).extracting(s -> s.line().amount())
                .containsExactly(usd("6666.66"), usd("6666.67"), usd("6666.67"));
        // by credit: 20,000 x 6/11 = 10,909.09; x 3/11 = 5,454.55; x 2/11 = 3,636.36; total 20,000.00
        List<TeamPool.Share> byCredit = new TeamPool("EMEA", d("1100000"), usd("20000"), Split.BY_CREDIT, false)
                .pay(team);
        assertThat(byCredit).extracting(s -> s.line().amount())
                .containsExactly(usd("10909.09"), usd("5454.55"), usd("3636.36"));
        // every member must qualify: C missed their own target, so nobody is paid
        assertThat(new TeamPool("EMEA", d("1100000"), usd("20000"), Split.EQUAL, true).pay(team)).isEmpty();
        // below target: 1,100,000 is short of 1,200,000
        assertThat(new TeamPool("EMEA", d("1200000"), usd("20000"), Split.EQUAL, false).pay(team)).isEmpty();
    }

    @Test
    void usageGrowthIsRevenueAboveTheTrailingThreeMonthAverage() {
        // Jul 100, Aug 110, Sep 120 -> baseline 110; Oct 150 -> growth 40; Oct 100 -> 0 (no negative growth)
        Map<YearMonth, BigDecimal> revenue = Map.of(YearMonth.of(2026, 7), d("100"), YearMonth.of(2026, 8), d("110"),
                YearMonth.of(2026, 9), d("120"), OCT, d("150"));
        assertThat(UsageGrowth.baseline(revenue, OCT, "USD")).isEqualByComparingTo("110");
        assertThat(UsageGrowth.growth(revenue, OCT, "USD")).isEqualByComparingTo("40");
        assertThat(UsageGrowth.growth(Map.of(YearMonth.of(2026, 9), d("300"), OCT, d("100")), OCT, "USD"))
                .isEqualByComparingTo("0");
        // a new account (no history) has a zero baseline: all of it is growth
        assertThat(UsageGrowth.growth(Map.of(OCT, d("75")), OCT, "USD")).isEqualByComparingTo("75");
    }

    @Test
    void fxConvertsAtThePeriodsRateAndKeepsBothAmounts() {
        FxConversion fx = new FxConversion("USD", Map.of("EUR", d("1.08"), "GBP", d("1.27")));
        // 1,000 EUR x 1.08 = 1,080.00 USD
        FxConversion.Converted eurToUsd = fx.convert(Money.of("1000.00", "EUR"), "USD");
        assertThat(eurToUsd.converted()).isEqualTo(Money.of("1080.00", "USD"));
        assertThat(eurToUsd.original()).isEqualTo(Money.of("1000.00", "EUR"));
        // 1,000 USD / 1.08 = 925.9259... -> 925.93 EUR
        assertThat(fx.convert(Money.of("1000.00", "USD"), "EUR").converted()).isEqualTo(Money.of("925.93", "EUR"));
        // cross rate 1,000 GBP x 1.27 / 1.08 = 1,175.9259... -> 1,175.93 EUR
        assertThat(fx.convert(Money.of("1000.00", "GBP"), "EUR").converted()).isEqualTo(Money.of("1175.93", "EUR"));
        assertThatThrownBy(() -> fx.convert(Money.of("1", "JPY"), "USD")).hasMessage("no FX rate for JPY in this period");
    }
}
