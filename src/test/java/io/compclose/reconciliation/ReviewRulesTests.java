package io.compclose.reconciliation;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.springframework.boot.context.properties.bind.Binder;
import org.springframework.boot.context.properties.source.MapConfigurationPropertySource;

/** Each review rule with the figures that trip it and the ones that do not. */
class ReviewRulesTests {

    private static BigDecimal d(String value) {
        return value == null ? null : new BigDecimal(value);
    }

    private static ReviewRules.RepPeriod rep(String id, String payout, String prior, String target, String balance) {
        return new ReviewRules.RepPeriod(id, "USD", d(payout), d(prior), d(target), d(balance));
    }

    private static List<String> found(ReviewProperties thresholds, List<ReviewRules.RepPeriod> reps,
            List<String> uncredited, long rejected) {
        return new ReviewRules(thresholds).check(new ReviewRules.PeriodFigures(List.of(), reps, List.of(), List.of(),
                uncredited, List.of(), rejected)).stream()
                .map(e -> e.kind() + " " + e.subject() + ": " + e.detail()).toList();
    }

    @Test
    void payoutsAboveAMultipleOfTargetOrAFixedAmount() {
        // monthly target 1,000: 2 × 1,000 = 2,000 < 2,500 (flagged); 2,000 is not above it
        ReviewProperties thresholds = new ReviewProperties(true, d("2"), d("10000"), null, null, null, false, false,
                null, null, 0, null, false);
        assertThat(found(thresholds, List.of(rep("A", "2500", null, "1000", "0"), rep("B", "2000", null, "1000", "0"),
                rep("C", "10000.01", null, null, "0")), List.of(), 0)).containsExactly(
                "PAYOUT_ABOVE_TARGET A: payout 2500 USD is above 2 × the monthly target incentive 1000",
                "PAYOUT_ABOVE_LIMIT C: payout 10000.01 USD is above 10000");
    }

    @Test
    void aChangeAgainstThePriorPeriodANegativeBalanceUncreditedBookingsAndRejects() {
        // D: 1,000 → 2,600 is +160 %, above 150 %; E: 1,000 → 2,400 is +140 %; F: no prior payout, not compared
        ReviewProperties thresholds = new ReviewProperties(true, null, null, d("150"), null, null, true, true, 10L,
                null, 0, null, false);
        assertThat(found(thresholds, List.of(rep("D", "2600", "1000", null, "0"), rep("E", "2400", "1000", null, "0"),
                rep("F", "5000", null, null, "-120.50")), List.of("B3: splits total 90 %"), 11)).containsExactly(
                "CHANGE_AGAINST_PRIOR D: payout 2600 against 1000 USD the period before: 160.0 % change, above 150 %",
                "NEGATIVE_BALANCE F: carries a negative balance of -120.5 USD (paid more than earned to date)",
                "UNCREDITED_BOOKING B3: B3: splits total 90 %",
                "REJECTED_ROWS input: 11 rejected input rows, more than 10");
        assertThat(found(thresholds, List.of(), List.of(), 10)).isEmpty();
    }

    /** The defaults, as Spring binds them from no configuration at all. */
    private static ReviewProperties defaults(Map<String, String> set) {
        return new Binder(new MapConfigurationPropertySource(set)).bindOrCreate("compclose.review",
                ReviewProperties.class);
    }

    private static List<String> found(ReviewProperties thresholds, ReviewRules.PeriodFigures period) {
        return new ReviewRules(thresholds).check(period).stream()
                .map(e -> e.kind() + " " + e.subject() + ": " + e.detail()).toList();
    }

    private static ReviewRules.PeriodFigures period(List<ReviewRules.RepWithoutRoster> withoutRoster,
            List<ReviewRules.RepPeriod> reps, List<ReviewRules.PayoutTotal> totals, List<ReviewRules.Booking> bookings,
            List<ReviewRules.FileRows> files) {
        return new ReviewRules.PeriodFigures(withoutRoster, reps, totals, bookings, List.of(), files, 0);
    }

    @Test
    void theGateIsOnByDefaultWithTheDocumentedThresholds() {
        ReviewProperties thresholds = defaults(Map.of());
        assertThat(thresholds.enabled()).isTrue();
        assertThat(thresholds.payoutAboveTargetMultiple()).isEqualByComparingTo("3");
        assertThat(thresholds.changeAgainstPriorPercent()).isEqualByComparingTo("300");
        assertThat(thresholds.changeAtLeast()).isEqualByComparingTo("5000");
        assertThat(thresholds.totalChangeAgainstPriorPercent()).isEqualByComparingTo("200");
        assertThat(thresholds.rejectedSharePercent()).isEqualByComparingTo("20");
        assertThat(thresholds.rejectedShareMinRows()).isEqualTo(10);
        assertThat(thresholds.bookingAbove()).isEqualByComparingTo("100000000");
        assertThat(thresholds.repsWithoutRoster()).isTrue();
        assertThat(thresholds.payoutAbove()).isNull();
        assertThat(thresholds.rejectedRowsAbove()).isNull();
        // a team that wants none says so
        assertThat(defaults(Map.of("compclose.review.enabled", "false")).enabled()).isFalse();
    }

    @Test
    void repsWithBookingsButNoRosterRowComeFirst() {
        // R010's roster row was rejected: its booking on line 89 was rejected as an unknown rep; R999 has two
        ReviewProperties thresholds = defaults(Map.of());
        assertThat(found(thresholds, period(List.of(new ReviewRules.RepWithoutRoster("R010", List.of(89L)),
                new ReviewRules.RepWithoutRoster("R999", List.of(17L, 40L))),
                List.of(rep("A", "10000.00", null, "3333.33", "0")), List.of(), List.of(), List.of()))).containsExactly(
                "REP_NOT_ON_ROSTER R010: 1 booking (bookings.csv line 89) rejected: the rep has no accepted row in "
                        + "reps.csv (see the rejects of reps.csv, or add the row), so it is not paid",
                "REP_NOT_ON_ROSTER R999: 2 bookings (bookings.csv lines 17, 40) rejected: the rep has no accepted row "
                        + "in reps.csv (see the rejects of reps.csv, or add the row), so they are not paid",
                // TI 40,000 / 12 = 3,333.33 a month; 3 × 3,333.33 = 9,999.99 < 10,000.00
                "PAYOUT_ABOVE_TARGET A: payout 10000 USD is above 3 × the monthly target incentive 3333.33");
        ReviewProperties off = defaults(Map.of("compclose.review.reps-without-roster", "false"));
        assertThat(found(off, period(List.of(new ReviewRules.RepWithoutRoster("R010", List.of(89L))),
                List.of(rep("B", "9999.99", null, "3333.33", "0")), List.of(), List.of(), List.of()))).isEmpty();
    }

    @Test
    void aRepsChangeAgainstThePriorPeriodCountsOnlyAboveAFloor() {
        // G: 1,000 -> 5,500 is +450 %, but 4,500 is below the 5,000 floor
        // H: 2,000 -> 9,000 is +350 % and 7,000 above the floor: flagged
        // I: 2,000 -> 7,900 is +295 %: not above 300 %
        // J: monthly TI 10,000 raises the floor: 2,000 -> 11,000 changes 9,000, below 10,000
        // K: 2,000 -> -6,000 (a clawback) changes 8,000, 400 %: flagged
        assertThat(found(defaults(Map.of()), period(List.of(), List.of(rep("G", "5500", "1000", null, "0"),
                rep("H", "9000", "2000", null, "0"), rep("I", "7900", "2000", null, "0"),
                rep("J", "11000", "2000", "10000", "0"), rep("K", "-6000", "2000", null, "0")), List.of(), List.of(),
                List.of()))).containsExactly(
                "CHANGE_AGAINST_PRIOR H: payout 9000 against 2000 USD the period before: 350.0 % change, above 300 %",
                "CHANGE_AGAINST_PRIOR K: payout -6000 against 2000 USD the period before: 400.0 % change, above 300 %");
    }

    @Test
    void thePeriodsTotalChangeAgainstThePriorPeriod() {
        // USD 100,000 -> 310,000: +210 %, above 200 %; EUR 100,000 -> 300,000: exactly 200 %, not above;
        // GBP 1,000 -> 5,000: +400 %, but 4,000 is below the 5,000 floor; CHF: no prior period
        assertThat(found(defaults(Map.of()), period(List.of(), List.of(), List.of(
                new ReviewRules.PayoutTotal("USD", d("310000"), d("100000")),
                new ReviewRules.PayoutTotal("EUR", d("300000"), d("100000")),
                new ReviewRules.PayoutTotal("GBP", d("5000"), d("1000")),
                new ReviewRules.PayoutTotal("CHF", d("999999"), null)), List.of(), List.of()))).containsExactly(
                "TOTAL_CHANGE_AGAINST_PRIOR USD: the period's payout total 310000 against 100000 USD the period "
                        + "before: 210.0 % change, above 200 %");
    }

    @Test
    void aShareOfAFilesRowsRejectedAndABookingAboveTheLimit() {
        // bookings.csv 21 of 100 = 21.0 % > 20 %; reps.csv 2 of 10 = 20 %, not above; kpis.csv 1 of 2 = 50 %, but
        // in a file of fewer than 10 rows; splits.csv 3 of 10 = 30 % in a file of 10 rows: flagged
        // B-9: 999,999,999,999.99 > 100,000,000; B-8 at exactly 100,000,000 is not above
        assertThat(found(defaults(Map.of()), period(List.of(), List.of(), List.of(),
                List.of(new ReviewRules.Booking("B-9", "R001", "USD", d("999999999999.99")),
                        new ReviewRules.Booking("B-8", "R002", "USD", d("100000000.00"))),
                List.of(new ReviewRules.FileRows("bookings.csv", 100, 21), new ReviewRules.FileRows("reps.csv", 10, 2),
                        new ReviewRules.FileRows("kpis.csv", 2, 1), new ReviewRules.FileRows("splits.csv", 10, 3))))).containsExactly(
                "BOOKING_ABOVE_LIMIT B-9: ACV 999999999999.99 USD (rep R001) is above 100000000 for a single booking",
                "REJECTED_SHARE bookings.csv: 21 of 100 rows rejected (21.0 %), more than 20 %",
                "REJECTED_SHARE splits.csv: 3 of 10 rows rejected (30.0 %), more than 20 %");
    }
}
