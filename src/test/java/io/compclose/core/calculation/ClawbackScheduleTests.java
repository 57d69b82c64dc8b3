package io.compclose.core.calculation;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.groups.Tuple.tuple;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.List;
import java.util.Optional;

import org.junit.jupiter.api.Test;

import io.compclose.core.money.Money;
import io.compclose.core.plan.PlanTerms;
import io.compclose.core.plan.PlanTerms.Clawback.Method;
import io.compclose.core.plan.PlanTerms.Clawback.Recovery;
import io.compclose.core.plan.PlanTerms.Clawback.Step;

/**
 * A fixed share and a schedule by months since booking, and posting a clawback in full. Clawbacks are
 * "full, partial, or sliding-scale depending on the plan design", most often within 90–180 days of the
 * deal (https://getgangly.com/blog/sales-clawback); the schedule below is such a sliding scale.
 */
class ClawbackScheduleTests {

    private static final YearMonth NOV = YearMonth.of(2026, 11);
    private static final YearMonth DEC = YearMonth.of(2026, 12);
    private static final LocalDate BOOKED = LocalDate.of(2026, 1, 15);
    /** 100 % within 3 months of booking, 50 % within 6, nothing later; a year's window around it. */
    private static final PlanTerms.Clawback SCHEDULE = new PlanTerms.Clawback(365, Method.SCHEDULE_BY_MONTHS, null,
            List.of(new Step(3, BigDecimal.ONE), new Step(6, new BigDecimal("0.5"))), null);

    private static Money usd(String v) {
        return Money.of(v, "USD");
    }

    private static Optional<PayLine> clawback(PlanTerms.Clawback terms, LocalDate booked, LocalDate cancelled) {
        return Clawback.of("B-1", "2026-01", usd("1200.00"), booked, 12, cancelled, terms);
    }

    private static String amount(Optional<PayLine> line) {
        return line.orElseThrow().amount().amount().toPlainString();
    }

    @Test
    void aFixedShareRecoversThatShareOfTheCommissionPaid() {
        // the demo's B-1001: booked 9 October, 12,716 x 8 % = 1,017.28 paid, cancelled 20 November (22 + 20 = 42
        // days later): 50 % of it is 508.64
        PlanTerms.Clawback half = new PlanTerms.Clawback(180, Method.FIXED_SHARE, new BigDecimal("0.5"), null, null);
        PayLine line = Clawback.of("B-1001", "2026-10", usd("1017.28"), LocalDate.of(2026, 10, 9), 12,
                LocalDate.of(2026, 11, 20), half).orElseThrow();
        assertThat(line.amount()).isEqualTo(usd("-508.64"));
        assertThat(line.why()).isEqualTo("clawback of B-1001 (commission 1017.28 paid in 2026-10), cancelled "
                + "2026-11-20, 42 days after booking, fixed share: 50 %");
        // 1,017.28 x 33.3 % = 338.75424 -> 338.75 (half-even to the cent)
        PlanTerms.Clawback third = new PlanTerms.Clawback(180, Method.FIXED_SHARE, new BigDecimal("0.333"), null,
                null);
        assertThat(Clawback.of("B-1001", "2026-10", usd("1017.28"), LocalDate.of(2026, 10, 9), 12,
                LocalDate.of(2026, 11, 20), third).orElseThrow().amount()).isEqualTo(usd("-338.75"));
        // the window still bounds it: 181 days after booking, nothing
        assertThat(clawback(half, BOOKED, BOOKED.plusDays(181))).isEmpty();
    }

    @Test
    void withinThreeMonthsEndsTheDayBeforeTheThreeMonthAnniversary() {
        // booked 2026-01-15: up to 2026-04-14 is within 3 months, 1,200 x 100 % = 1,200.00
        assertThat(amount(clawback(SCHEDULE, BOOKED, LocalDate.of(2026, 4, 14)))).isEqualTo("-1200.00");
        // 2026-04-15, the anniversary, is not: within 6 months, 1,200 x 50 % = 600.00
        PayLine sixMonths = clawback(SCHEDULE, BOOKED, LocalDate.of(2026, 4, 15)).orElseThrow();
        assertThat(sixMonths.amount()).isEqualTo(usd("-600.00"));
        assertThat(sixMonths.why()).endsWith("cancelled 2026-04-15, 90 days after booking, schedule: 50 % within "
                + "6 months of booking (before 2026-07-15)");
        // the same edge at 6 months: 2026-07-14 gives 600.00, 2026-07-15 nothing (the window of 365 days is not
        // reached: 181 days)
        assertThat(amount(clawback(SCHEDULE, BOOKED, LocalDate.of(2026, 7, 14)))).isEqualTo("-600.00");
        assertThat(clawback(SCHEDULE, BOOKED, LocalDate.of(2026, 7, 15))).isEmpty();
    }

    @Test
    void anAnniversaryInAShorterMonthFallsOnItsLastDay() {
        // booked 2026-01-31: one month later is 2026-02-28 (February has no 31st): the 27th is within 1 month,
        // the 28th is not (nothing: the schedule has no later step)
        PlanTerms.Clawback oneMonth = new PlanTerms.Clawback(365, Method.SCHEDULE_BY_MONTHS, null,
                List.of(new Step(1, BigDecimal.ONE)), null);
        LocalDate booked = LocalDate.of(2026, 1, 31);
        assertThat(amount(clawback(oneMonth, booked, LocalDate.of(2026, 2, 27)))).isEqualTo("-1200.00");
        assertThat(clawback(oneMonth, booked, LocalDate.of(2026, 2, 28))).isEmpty();
    }

    @Test
    void theWindowBoundsTheScheduleAndAZeroShareRecoversNothing() {
        // 45 days after booking is within 3 months, but past a 30-day window: nothing
        PlanTerms.Clawback shortWindow = new PlanTerms.Clawback(30, Method.SCHEDULE_BY_MONTHS, null,
                SCHEDULE.schedule(), null);
        assertThat(clawback(shortWindow, BOOKED, BOOKED.plusDays(45))).isEmpty();
        PlanTerms.Clawback none = new PlanTerms.Clawback(180, Method.FIXED_SHARE, BigDecimal.ZERO, null, null);
        assertThat(clawback(none, BOOKED, BOOKED.plusDays(10))).isEmpty();
    }

    @Test
    void theOlderTermsGiveTheSameLinesThroughThePlansTerms() {
        // FULL and PRO_RATA_UNUSED_TERM read from the terms as before: 1,200 in full; 3 of 12 months used -> 900
        LocalDate booked = LocalDate.of(2026, 10, 1);
        LocalDate cancelled = LocalDate.of(2026, 12, 30);
        for (Method method : List.of(Method.FULL, Method.PRO_RATA_UNUSED_TERM)) {
            assertThat(clawback(new PlanTerms.Clawback(180, method), booked, cancelled))
                    .isEqualTo(Clawback.of("B-1", "2026-01", usd("1200.00"), booked, 12, cancelled, 180, method));
        }
        assertThat(amount(clawback(new PlanTerms.Clawback(180, Method.PRO_RATA_UNUSED_TERM), booked, cancelled)))
                .isEqualTo("-900.00");
        assertThat(new PlanTerms.Clawback(180, Method.FULL).recovery()).isEqualTo(Recovery.NET_AND_CARRY);
    }

    @Test
    void postedInFullAClawbackLargerThanThePeriodsPayMakesItNegativeAndCarriesNothing() {
        // the same month as PeriodSettlementTests' carried case: commission 1,500 - 1,200 paid = 300, clawback
        // 1,200 -> posted in full: 300 - 1,200 = -900 net, nothing carried
        PayLine clawback = new PayLine(EarningCode.CLAWBACK, usd("-1200.00"), "clawback of B-1");
        Ledger paid = new Ledger(usd("1200.00"), usd("0"), usd("0"), usd("0"), usd("0"));
        PayRules inFull = new PayRules(null, null, null, null, null, null, null, Recovery.FULL_NEGATIVE);
        Settlement nov = new PeriodSettlement().settle(NOV, usd("1500.00"), List.of(clawback), paid, inFull);
        assertThat(nov.lines()).extracting(PayLine::code, PayLine::amount).containsExactly(
                tuple(EarningCode.COMMISSION, usd("300.00")), tuple(EarningCode.CLAWBACK, usd("-1200.00")));
        assertThat(nov.payout().amount()).isEqualByComparingTo("-900.00");
        assertThat(nov.next().clawbackBalance().amount()).isEqualByComparingTo("0");
        // December: commission 3,500 - 1,500 = 2,000, nothing left to recover: 2,000 paid (carried, it would be
        // 2,000 - 900 = 1,100)
        Settlement dec = new PeriodSettlement().settle(DEC, usd("3500.00"), List.of(), nov.next(), inFull);
        assertThat(dec.lines()).extracting(PayLine::amount).containsExactly(usd("2000.00"));
        assertThat(dec.payout().amount()).isEqualByComparingTo("2000.00");
    }

    @Test
    void postedInFullABalanceCarriedUnderEarlierTermsIsTakenWhole() {
        // 900 carried from a period under NET_AND_CARRY; no commission now and the plan posts in full: -900
        Ledger carried = new Ledger(usd("1200.00"), usd("0"), usd("0"), usd("0"), usd("900.00"));
        Settlement dec = new PeriodSettlement().settle(DEC, usd("1200.00"), List.of(), carried,
                new PayRules(null, null, null, null, null, null, null, Recovery.FULL_NEGATIVE));
        assertThat(dec.lines()).extracting(PayLine::code, PayLine::amount)
                .containsExactly(tuple(EarningCode.CLAWBACK, usd("-900.00")));
        assertThat(dec.next().clawbackBalance().amount()).isEqualByComparingTo("0");
    }
}
