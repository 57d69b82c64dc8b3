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
import io.compclose.core.plan.BandBasis;
import io.compclose.core.plan.PayMethod;
import io.compclose.core.plan.RateTable;
import io.compclose.core.plan.TierPolicy;

/**
 * The accelerator paid as its own earning code (jobs/plans.md, "Accelerator"): what an earning line
 * earns above quota beyond the rate at quota, and how the settlement splits it out of the commission
 * without changing what the period pays.
 */
class AcceleratorTests {

    private static final YearMonth OCT = YearMonth.of(2026, 10);
    private static final YearMonth NOV = YearMonth.of(2026, 11);
    private static final YearMonth DEC = YearMonth.of(2026, 12);
    private static final Currency USD = Currency.getInstance("USD");

    private final PeriodSettlement settlement = new PeriodSettlement();

    private static Money usd(String v) {
        return Money.of(v, "USD");
    }

    private static BigDecimal d(String v) {
        return new BigDecimal(v);
    }

    private static RateTable table(TierPolicy policy, String... fromToRate) {
        List<Band> bands = new java.util.ArrayList<>();
        for (int i = 0; i < fromToRate.length; i += 3) {
            bands.add(new Band(d(fromToRate[i]), fromToRate[i + 1] == null ? null : d(fromToRate[i + 1]),
                    d(fromToRate[i + 2])));
        }
        return new RateTable(policy, BandBasis.ATTAINMENT, bands, null);
    }

    private static ComponentEarnings priced(RateTable table, String quota, String... idDateCredit) {
        List<CreditedTransaction> deals = new java.util.ArrayList<>();
        for (int i = 0; i < idDateCredit.length; i += 3) {
            deals.add(new CreditedTransaction(idDateCredit[i], LocalDate.parse(idDateCredit[i + 1]),
                    d(idDateCredit[i + 2]), BigDecimal.ONE, null));
        }
        return new ComponentCalculator().calculate(new ComponentTerms("bookings", PayMethod.RATE_ON_VALUE, d(quota),
                null, BigDecimal.ONE, table, USD), deals, NOV);
    }

    private static List<String> shown(List<PayLine> lines) {
        return lines.stream().map(l -> l.code() + " " + l.amount().rounded().amount().toPlainString() + " " + l.why())
                .toList();
    }

    @Test
    void theAcceleratorIsWhatABandAboveQuotaPaysOverTheRateAtQuota() {
        // 9 % to quota, 15 % above it, quota 100,000: B1 42,000 all below quota, 42,000 x 9 % = 3,780, no
        // accelerator; B2 80,000 = 58,000 to quota x 9 % + 22,000 above x 15 % = 5,220 + 3,300 = 8,520, of which
        // 22,000 x (15 % - 9 %) = 1,320 is accelerator
        ComponentEarnings earnings = priced(table(TierPolicy.MARGINAL, "0", "1.0", "0.09", "1.0", null, "0.15"),
                "100000", "B1", "2026-11-05", "42000", "B2", "2026-11-18", "80000");
        assertThat(earnings.lines()).extracting(ComponentLine::sourceId, ComponentLine::amount,
                ComponentLine::accelerator).containsExactly(tuple("B1", usd("3780.00"), usd("0.00")),
                        tuple("B2", usd("8520.00"), usd("1320.00")));
        assertThat(earnings.earnedToDate()).isEqualTo(usd("12300.00"));
        assertThat(earnings.acceleratorToDate()).isEqualTo(usd("1320.00"));

        // the settlement pays 12,300: ACCELERATOR 1,320 and COMMISSION 12,300 - 1,320 = 10,980
        Settlement s = settlement.settle(NOV, earnings.earnedToDate(), earnings.acceleratorToDate(), List.of(),
                Ledger.start(USD), PayRules.none());
        assertThat(shown(s.payLines())).containsExactly(
                "COMMISSION 10980.00 earned to date 12300.00 − paid 0.00; of which 1320.00 is paid as ACCELERATOR",
                "ACCELERATOR 1320.00 earned above quota at the accelerator rate to date 1320.00 − paid before 0.00");
        assertThat(s.payout()).isEqualTo(usd("12300.00"));
        assertThat(s.next().paidToDate()).isEqualTo(usd("12300.00"));
        assertThat(s.next().acceleratorPaidToDate()).isEqualTo(usd("1320.00"));
    }

    @Test
    void theRateAtQuotaIsTheLastBandStartingBelowQuotaNotADecelerator() {
        // plans.md's table on a 500,000 quota: 4 % to 50 %, 8 % to 100 %, 12 % above. 600,000 pays 42,000;
        // the rate at quota is 8 % (the 4 % decelerator is no base): 100,000 x (12 % - 8 %) = 4,000 accelerator
        ComponentEarnings earnings = priced(table(TierPolicy.MARGINAL, "0", "0.5", "0.04", "0.5", "1.0", "0.08",
                "1.0", null, "0.12"), "500000", "D1", "2026-11-02", "600000");
        assertThat(earnings.earnedToDate()).isEqualTo(usd("42000.00"));
        assertThat(earnings.acceleratorToDate()).isEqualTo(usd("4000.00"));
        // a band from 100 % that pays no more than the rate at quota is no accelerator
        assertThat(priced(table(TierPolicy.MARGINAL, "0", "1.0", "0.08", "1.0", null, "0.08"), "500000",
                "D1", "2026-11-02", "600000").acceleratorToDate()).isEqualTo(usd("0.00"));
    }

    @Test
    void aRetroactiveCrossingIsAcceleratorOnTheRepricingAndOnTheDeal() {
        // 8 % to quota, 12 % above, quota 100,000: D1 65,000 x 8 % = 5,200; D2 50,000 reaches 115 %:
        // D2 50,000 x 12 % = 6,000 (accelerator 50,000 x 4 % = 2,000), D1's 65,000 re-priced +4 % = 2,600,
        // all of it accelerator. Accelerator to date 115,000 x 4 % = 4,600
        ComponentEarnings earnings = priced(table(TierPolicy.RETROACTIVE, "0", "1.0", "0.08", "1.0", null, "0.12"),
                "100000", "D1", "2026-11-02", "65000", "D2", "2026-11-20", "50000");
        assertThat(earnings.lines()).extracting(ComponentLine::kind, ComponentLine::amount, ComponentLine::accelerator)
                .containsExactly(tuple(ComponentLine.Kind.TRANSACTION, usd("5200.00"), usd("0.00")),
                        tuple(ComponentLine.Kind.REPRICING, usd("2600.00"), usd("2600.00")),
                        tuple(ComponentLine.Kind.TRANSACTION, usd("6000.00"), usd("2000.00")));
        assertThat(earnings.acceleratorToDate()).isEqualTo(usd("4600.00"));
    }

    @Test
    void whenAttainmentFallsBackTheAcceleratorPaidIsReturnedAsCommission() {
        // Oct: earned 12,300 of which 1,320 accelerator: ACCELERATOR 1,320 + COMMISSION 10,980
        Settlement oct = settlement.settle(OCT, usd("12300.00"), usd("1320.00"), List.of(), Ledger.start(USD),
                PayRules.none());
        // Nov: a correction takes October's credit back to quota (no accelerator left: 9,000 earned) and November
        // earns 2,000 more: earned to date 11,000 - 12,300 paid = -1,300: nothing paid, carried; the 1,320 of
        // accelerator paid and no longer earned waits for a period that pays commission
        Settlement nov = settlement.settle(NOV, usd("11000.00"), usd("0.00"), List.of(), oct.next(), PayRules.none());
        assertThat(nov.payLines()).isEmpty();
        assertThat(nov.carriedBalance()).isEqualTo(usd("-1300.00"));
        assertThat(nov.next().acceleratorPaidToDate()).isEqualTo(usd("1320.00"));
        // Dec: earned to date 16,000 (no accelerator) - 12,300 paid = 3,700 due: ACCELERATOR 0 - 1,320 = -1,320,
        // COMMISSION 3,700 + 1,320 = 5,020. The year paid 16,000: COMMISSION 10,980 + 5,020 = 16,000, ACCELERATOR 0
        Settlement dec = settlement.settle(DEC, usd("16000.00"), usd("0.00"), List.of(), nov.next(), PayRules.none());
        assertThat(shown(dec.payLines())).containsExactly(
                "COMMISSION 5020.00 earned to date 16000.00 − paid 12300.00; with 1320.00 paid as ACCELERATOR before, "
                        + "no longer earned above quota",
                "ACCELERATOR -1320.00 earned above quota at the accelerator rate to date 0.00 − paid before 1320.00: "
                        + "attainment fell back, paid as commission");
        assertThat(dec.payout()).isEqualTo(usd("3700.00"));
        assertThat(dec.next().acceleratorPaidToDate()).isEqualTo(usd("0.00"));
    }

    @Test
    void aYearCapTakesFromTheAcceleratorFirst() {
        // TI 10,000 x 2 = 20,000 cap. Earned to date 23,000 of which 5,000 accelerator; paid 15,000 of which 1,000
        // as ACCELERATOR. The cap removes 3,000, from the accelerator first: 5,000 - 3,000 = 2,000 earned above
        // quota, 1,000 of it due. The period pays 20,000 - 15,000 = 5,000: ACCELERATOR 1,000, COMMISSION 4,000
        Ledger paid = new Ledger(usd("15000"), usd("0"), usd("0"), usd("0"), usd("0"), usd("1000"));
        PayRules cap = new PayRules(null, null, d("2.0"), usd("10000"), null, null, null);
        Settlement s = settlement.settle(NOV, usd("23000"), usd("5000"), List.of(), paid, cap);
        assertThat(s.payLines()).extracting(PayLine::code, PayLine::amount).containsExactly(
                tuple(EarningCode.COMMISSION, usd("4000.00")), tuple(EarningCode.ACCELERATOR, usd("1000.00")));
        // with 4,000 accelerator the cap leaves 1,000, all paid already: everything due is COMMISSION
        assertThat(settlement.settle(NOV, usd("23000"), usd("4000"), List.of(), paid, cap).payLines())
                .extracting(PayLine::code, PayLine::amount).containsExactly(tuple(EarningCode.COMMISSION, usd("5000.0")));
    }

    @Test
    void aPeriodCapAndAHoldbackLeaveTheAcceleratorToLaterCommission() {
        // cap 3,000 a period: Oct earns 10,000 of which 4,000 accelerator and pays 3,000, all of it ACCELERATOR
        // (COMMISSION never negative); the 1,000 accelerator left follows with later commission
        PayRules capped = new PayRules(usd("3000"), null, null, null, null, null, null);
        Settlement oct = settlement.settle(OCT, usd("10000"), usd("4000"), List.of(), Ledger.start(USD), capped);
        assertThat(shown(oct.payLines())).containsExactly("ACCELERATOR 3000.00 earned above quota at the accelerator "
                + "rate to date 4000.00 − paid before 0.00; 1000.00 follows with later commission");
        // Nov: earned to date 12,000 (no more accelerator): due 12,000 - 3,000 - 7,000 removed = 2,000:
        // ACCELERATOR 4,000 - 3,000 = 1,000 and COMMISSION 1,000
        Settlement nov = settlement.settle(NOV, usd("12000"), usd("4000"), List.of(), oct.next(), capped);
        assertThat(nov.payLines()).extracting(PayLine::code, PayLine::amount).containsExactly(
                tuple(EarningCode.COMMISSION, usd("1000.00")), tuple(EarningCode.ACCELERATOR, usd("1000.00")));

        // holdback 10 %: 5,000 due of which 1,000 accelerator pays 4,500 now: ACCELERATOR 1,000 and COMMISSION
        // 4,000 - 500 held = 3,500 in payroll
        PayRules holdback = new PayRules(null, null, null, null, null, d("0.10"), DEC);
        Settlement held = settlement.settle(OCT, usd("5000.00"), usd("1000.00"), List.of(), Ledger.start(USD),
                holdback);
        assertThat(held.payLines()).extracting(PayLine::code, PayLine::amount).containsExactly(
                tuple(EarningCode.COMMISSION, usd("4000.00")), tuple(EarningCode.ACCELERATOR, usd("1000.00")),
                tuple(EarningCode.COMMISSION, usd("-500.00")));
    }

    @Test
    void aPerDealCapTakesFromTheLinesAcceleratorFirst() {
        // B2's 8,520 (1,320 accelerator) capped at 8,000 per deal: 520 removed, 1,320 - 520 = 800 accelerator left
        ComponentEarnings earnings = priced(table(TierPolicy.MARGINAL, "0", "1.0", "0.09", "1.0", null, "0.15"),
                "100000", "B1", "2026-11-05", "42000", "B2", "2026-11-18", "80000");
        DealCap.Capped capped = DealCap.apply(earnings.lines(), usd("8000"));
        assertThat(capped.lines()).extracting(ComponentLine::amount, ComponentLine::accelerator).containsExactly(
                tuple(usd("3780.00"), usd("0.00")), tuple(usd("8000.00"), usd("800.00")));
    }

    @Test
    void aLateCorrectionIsNamedFromTheWholeCommissionAndTheRestIsSplit() {
        // earned 12,300 of which 1,320 accelerator; 12,000 of it is due to a late booking: ADJUSTMENT 12,000 as
        // without the split, and the 300 left is paid as ACCELERATOR (1,320 outstanding, bounded by the 300)
        Settlement s = settlement.settle(NOV, usd("12300.00"), usd("1320.00"), List.of(), Ledger.start(USD),
                PayRules.none());
        RepPeriodResult result = new RepPeriodResult(List.of(), List.of(), s, List.of()).withLateCorrection(
                usd("12000.00"), List.of(new LateCorrection.Item("K5", "2026-10", "booked late")));
        assertThat(result.payLines()).extracting(PayLine::code, PayLine::amount).containsExactly(
                tuple(EarningCode.ACCELERATOR, usd("300.00")), tuple(EarningCode.ADJUSTMENT, usd("12000.00")));
        assertThat(result.settlement().next().acceleratorPaidToDate()).isEqualTo(usd("300.00"));
        assertThat(result.payout()).isEqualTo(usd("12300.00"));
    }
}
