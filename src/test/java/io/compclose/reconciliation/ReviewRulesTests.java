package io.compclose.reconciliation;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.util.List;

import org.junit.jupiter.api.Test;

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
        return new ReviewRules(thresholds).check(reps, uncredited, rejected).stream()
                .map(e -> e.kind() + " " + e.subject() + ": " + e.detail()).toList();
    }

    @Test
    void payoutsAboveAMultipleOfTargetOrAFixedAmount() {
        // monthly target 1,000: 2 × 1,000 = 2,000 < 2,500 (flagged); 2,000 is not above it
        ReviewProperties thresholds = new ReviewProperties(true, d("2"), d("10000"), null, false, false, null);
        assertThat(found(thresholds, List.of(rep("A", "2500", null, "1000", "0"), rep("B", "2000", null, "1000", "0"),
                rep("C", "10000.01", null, null, "0")), List.of(), 0)).containsExactly(
                "PAYOUT_ABOVE_TARGET A: payout 2500 USD is above 2 × the monthly target incentive 1000",
                "PAYOUT_ABOVE_LIMIT C: payout 10000.01 USD is above 10000");
    }

    @Test
    void aChangeAgainstThePriorPeriodANegativeBalanceUncreditedBookingsAndRejects() {
        // D: 1,000 → 2,600 is +160 %, above 150 %; E: 1,000 → 2,400 is +140 %; F: no prior payout, not compared
        ReviewProperties thresholds = new ReviewProperties(true, null, null, d("150"), true, true, 10L);
        assertThat(found(thresholds, List.of(rep("D", "2600", "1000", null, "0"), rep("E", "2400", "1000", null, "0"),
                rep("F", "5000", null, null, "-120.50")), List.of("B3: splits total 90 %"), 11)).containsExactly(
                "CHANGE_AGAINST_PRIOR D: payout 2600 against 1000 USD the period before: 160.0 % change, above 150 %",
                "NEGATIVE_BALANCE F: carries a negative balance of -120.5 USD (paid more than earned to date)",
                "UNCREDITED_BOOKING B3: B3: splits total 90 %",
                "REJECTED_ROWS input: 11 rejected input rows, more than 10");
        assertThat(found(thresholds, List.of(), List.of(), 10)).isEmpty();
    }
}
