package io.compclose.core.calculation;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.groups.Tuple.tuple;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.Currency;
import java.util.List;

import org.junit.jupiter.api.Test;

import io.compclose.core.calculation.PayRules.Draw;
import io.compclose.core.money.Money;
import io.compclose.core.plan.PlanTerms;

class PeriodSettlementTests {

    private static final YearMonth OCT = YearMonth.of(2026, 10);
    private static final YearMonth NOV = YearMonth.of(2026, 11);
    private static final YearMonth DEC = YearMonth.of(2026, 12);
    private final PeriodSettlement settlement = new PeriodSettlement();

    private static final Currency USD = Currency.getInstance("USD");

    private static Money d(String v) {
        return Money.of(v, "USD");
    }

    private static PayRules rules(Money perPeriod, Money perYear, BigDecimal multiple, Draw draw,
            BigDecimal holdback) {
        return new PayRules(perPeriod, perYear, multiple, d("10000"), draw, holdback, holdback == null ? null : DEC);
    }

    @Test
    void trueUpPaysEarnedToDateMinusPaidAndCarriesANegativeBalance() {
        // Oct earned 4,800 -> pay 4,800. Nov earned to date 13,200 (a retroactive band re-priced Oct) -> 8,400.
        Settlement oct = settlement.settle(OCT, d("4800.00"), List.of(), Ledger.start(USD), PayRules.none());
        assertThat(oct.payout().amount()).isEqualByComparingTo("4800.00");
        Settlement nov = settlement.settle(NOV, d("13200.00"), List.of(), oct.next(), PayRules.none());
        assertThat(nov.payout().amount()).isEqualByComparingTo("8400.00");
        assertThat(nov.lines().get(0).why()).isEqualTo("earned to date 13200.00 − paid 4800.00");
        // Dec: a correction brings earned to date down to 12,000: due -1,200 -> nothing paid, -1,200 carried
        Settlement dec = settlement.settle(DEC, d("12000.00"), List.of(), nov.next(), PayRules.none());
        assertThat(dec.payout().amount()).isEqualByComparingTo("0");
        assertThat(dec.carriedBalance().amount()).isEqualByComparingTo("-1200.00");
        // Jan: earned to date 15,000 -> due 15,000 - 13,200 = 1,800: the 1,200 was recovered, nothing lost
        Settlement jan = settlement.settle(YearMonth.of(2027, 1), d("15000.00"), List.of(), dec.next(), PayRules.none());
        assertThat(jan.payout().amount()).isEqualByComparingTo("1800.00");
        assertThat(jan.next().paidToDate().amount()).isEqualByComparingTo("15000.00");
    }

    @Test
    void aYearCapAsAMultipleOfTargetRecordsWhatItRemoved() {
        // TI 10,000 x 2.0 = 20,000 cap. Earned to date 23,000, paid 15,000 -> capped 20,000, removed 3,000, pay 5,000
        Ledger paid15k = new Ledger(d("15000"), d("0"), d("0"), d("0"), d("0"));
        Settlement s = settlement.settle(NOV, d("23000"), List.of(), paid15k,
                rules(null, null, new BigDecimal("2.0"), null, null));
        assertThat(s.payout().amount()).isEqualByComparingTo("5000");
        assertThat(s.caps()).extracting(Settlement.CapEffect::cap, Settlement.CapEffect::limit,
                Settlement.CapEffect::removed).containsExactly(tuple("year to date", d("20000.0"), d("3000.0")));
        // a fixed year cap of 18,000 is lower than 2 x TI and wins: removed 5,000, pay 3,000
        Settlement fixed = settlement.settle(NOV, d("23000"), List.of(), paid15k,
                rules(null, d("18000"), new BigDecimal("2.0"), null, null));
        assertThat(fixed.payout().amount()).isEqualByComparingTo("3000");
        assertThat(fixed.caps().get(0).removed().amount()).isEqualByComparingTo("5000");
    }

    @Test
    void aPeriodCapRemovesTheExcessForGood() {
        // cap 3,000 a period. Oct earned 10,000 -> pay 3,000, 7,000 removed.
        PayRules capped = rules(d("3000"), null, null, null, null);
        Settlement oct = settlement.settle(OCT, d("10000"), List.of(), Ledger.start(USD), capped);
        assertThat(oct.payout().amount()).isEqualByComparingTo("3000");
        assertThat(oct.caps().get(0).removed().amount()).isEqualByComparingTo("7000");
        // Nov earned to date 12,000 -> due 12,000 - 3,000 paid - 7,000 removed = 2,000; the removed 7,000 stays removed
        Settlement nov = settlement.settle(NOV, d("12000"), List.of(), oct.next(), capped);
        assertThat(nov.payout().amount()).isEqualByComparingTo("2000");
        assertThat(nov.caps()).isEmpty();
    }

    @Test
    void aHoldbackIsPaidAtItsRelease() {
        // 10 % held until December. Oct 5,000 earned: 500 held, 4,500 paid.
        PayRules holdback = rules(null, null, null, null, new BigDecimal("0.10"));
        Settlement oct = settlement.settle(OCT, d("5000.00"), List.of(), Ledger.start(USD), holdback);
        assertThat(oct.lines()).extracting(PayLine::amount).containsExactly(d("5000.00"), d("-500.00"));
        assertThat(oct.payout().amount()).isEqualByComparingTo("4500.00");
        // Nov earned to date 9,000: due 9,000 - 4,500 paid - 500 held = 4,000; 400 held, 3,600 paid
        Settlement nov = settlement.settle(NOV, d("9000.00"), List.of(), oct.next(), holdback);
        assertThat(nov.payout().amount()).isEqualByComparingTo("3600.00");
        // Dec nothing new: due 9,000 - 8,100 - 900 = 0; the 900 held is released
        Settlement dec = settlement.settle(DEC, d("9000.00"), List.of(), nov.next(), holdback);
        assertThat(dec.lines()).extracting(PayLine::why, PayLine::amount)
                .containsExactly(tuple("holdback released", d("900.00")));
        assertThat(dec.next().paidToDate().amount()).isEqualByComparingTo("9000.00");
        assertThat(dec.next().heldBack().amount()).isEqualByComparingTo("0");
    }

    @Test
    void aRecoverableDrawIsAdvancedAndRecoveredFromCommissionAboveIt() {
        PayRules draw = rules(null, null, null, new Draw(PlanTerms.Draw.Kind.RECOVERABLE, d("3000"), OCT, 3), null);
        // Oct earned 1,000: commission 1,000 + draw 2,000 = 3,000; 2,000 outstanding
        Settlement oct = settlement.settle(OCT, d("1000"), List.of(), Ledger.start(USD), draw);
        assertThat(oct.lines()).extracting(PayLine::code, PayLine::amount)
                .containsExactly(tuple(EarningCode.COMMISSION, d("1000")), tuple(EarningCode.DRAW, d("2000")));
        assertThat(oct.next().drawBalance().amount()).isEqualByComparingTo("2000");
        // Nov earned to date 7,000: commission 6,000, 3,000 above the draw; recover 2,000 -> pay 4,000
        Settlement nov = settlement.settle(NOV, d("7000"), List.of(), oct.next(), draw);
        assertThat(nov.lines()).extracting(PayLine::code, PayLine::amount).containsExactly(
                tuple(EarningCode.COMMISSION, d("6000")), tuple(EarningCode.DRAW_RECOVERY, d("-2000")));
        assertThat(nov.payout().amount()).isEqualByComparingTo("4000");
        assertThat(nov.next().drawBalance().amount()).isEqualByComparingTo("0");
        // Dec earned to date 8,000: commission 1,000, topped up 2,000 to the 3,000 draw; 2,000 outstanding again
        Settlement dec = settlement.settle(DEC, d("8000"), List.of(), nov.next(), draw);
        assertThat(dec.payout().amount()).isEqualByComparingTo("3000");
        // Jan, the draw has ended: earned to date 12,000 -> commission 4,000, recover 2,000 -> pay 2,000
        Settlement jan = settlement.settle(YearMonth.of(2027, 1), d("12000"), List.of(), dec.next(), draw);
        assertThat(jan.payout().amount()).isEqualByComparingTo("2000");
        assertThat(jan.lines().get(1).why()).isEqualTo("recovery of draw advanced, 0.00 still outstanding");
    }

    @Test
    void aNonRecoverableDrawIsAGuaranteeNeverRecovered() {
        PayRules draw = rules(null, null, null, new Draw(PlanTerms.Draw.Kind.NON_RECOVERABLE, d("3000"), OCT, 3), null);
        // Oct 1,000 earned -> 1,000 + 2,000 top-up; Nov earned to date 7,000 -> 6,000, no recovery
        Settlement oct = settlement.settle(OCT, d("1000"), List.of(), Ledger.start(USD), draw);
        assertThat(oct.payout().amount()).isEqualByComparingTo("3000");
        Settlement nov = settlement.settle(NOV, d("7000"), List.of(), oct.next(), draw);
        assertThat(nov.payout().amount()).isEqualByComparingTo("6000");
        assertThat(nov.lines()).extracting(PayLine::code).containsExactly(EarningCode.COMMISSION);
    }

    @Test
    void clawbackInFullOrProRataWithinTheWindowOnly() {
        // 1,200 paid on a 12-month deal booked 2026-10-01, cancelled 2026-12-30 (90 days later), window 180 days
        LocalDate booked = LocalDate.of(2026, 10, 1);
        LocalDate cancelled = LocalDate.of(2026, 12, 30);
        assertThat(Clawback.of("B-1", "2026-10", d("1200.00"), booked, 12, cancelled, 180, PlanTerms.Clawback.Method.FULL)
                .orElseThrow().amount().amount()).isEqualByComparingTo("-1200.00");
        // pro rata: Oct and Nov complete, Dec started -> 3 of 12 months used, 9 unused: 1,200 x 9 / 12 = 900.00
        PayLine proRata = Clawback.of("B-1", "2026-10", d("1200.00"), booked, 12, cancelled, 180,
                PlanTerms.Clawback.Method.PRO_RATA_UNUSED_TERM).orElseThrow();
        assertThat(proRata.amount().amount()).isEqualByComparingTo("-900.00");
        assertThat(proRata.why()).isEqualTo("clawback of B-1 (commission 1200.00 paid in 2026-10), cancelled "
                + "2026-12-30, 90 days after booking, pro rata: 9 of 12 months of the term unused");
        // cancelled exactly three months in (2027-01-01): 3 used, 9 unused, the same 900.00; a day later, 4 used
        assertThat(Clawback.monthsUsed(booked, LocalDate.of(2027, 1, 1))).isEqualTo(3);
        assertThat(Clawback.monthsUsed(booked, LocalDate.of(2027, 1, 2))).isEqualTo(4);
        // cancelled 212 days after booking: outside the 180-day window, nothing clawed back
        assertThat(Clawback.of("B-1", "2026-10", d("1200.00"), booked, 12, LocalDate.of(2027, 5, 1), 180,
                PlanTerms.Clawback.Method.FULL)).isEmpty();
    }

    @Test
    void aClawbackLargerThanThePeriodsPayIsCarriedAndRecoveredLater() {
        // Nov: commission 300, clawback 1,200 -> 300 recovered now, 900 carried, nothing paid
        PayLine clawback = new PayLine(EarningCode.CLAWBACK, d("-1200.00"), "clawback of B-1");
        Ledger paid = new Ledger(d("1200.00"), d("0"), d("0"), d("0"), d("0"));
        Settlement nov = settlement.settle(NOV, d("1500.00"), List.of(clawback), paid, PayRules.none());
        assertThat(nov.lines()).extracting(PayLine::code, PayLine::amount).containsExactly(
                tuple(EarningCode.COMMISSION, d("300.00")), tuple(EarningCode.CLAWBACK, d("-1200.00")),
                tuple(EarningCode.CLAWBACK, d("900.00")));
        assertThat(nov.payout().amount()).isEqualByComparingTo("0");
        assertThat(nov.next().clawbackBalance().amount()).isEqualByComparingTo("900.00");
        // Dec: commission 2,000 -> the 900 is recovered, 1,100 paid
        Settlement dec = settlement.settle(DEC, d("3500.00"), List.of(), nov.next(), PayRules.none());
        assertThat(dec.lines()).extracting(PayLine::amount).containsExactly(d("2000.00"), d("-900.00"));
        assertThat(dec.payout().amount()).isEqualByComparingTo("1100.00");
        assertThat(dec.next().clawbackBalance().amount()).isEqualByComparingTo("0");
    }

    @Test
    void aSettlementIsInThePayCurrencyAndRefusesToMixAnother() {
        // in yen, a 10 % holdback of 10,005 is 1,000.5 -> JPY 1,000 (half-even to the whole yen)
        Currency jpy = Currency.getInstance("JPY");
        Settlement yen = settlement.settle(OCT, Money.of("10005", "JPY"), List.of(), Ledger.start(jpy),
                new PayRules(null, null, null, null, null, new BigDecimal("0.10"), DEC));
        assertThat(yen.lines()).extracting(PayLine::amount)
                .containsExactly(Money.of("10005", "JPY"), Money.of("-1000", "JPY"));
        // yen earned cannot be settled against a ledger kept in dollars
        assertThatThrownBy(() -> settlement.settle(OCT, Money.of("4800", "JPY"), List.of(), Ledger.start(USD),
                PayRules.none())).isInstanceOf(IllegalArgumentException.class)
                .hasMessage("cannot combine JPY with USD");
    }
}
