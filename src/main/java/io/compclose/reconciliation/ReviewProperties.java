package io.compclose.reconciliation;

import java.math.BigDecimal;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * The review gate, bound from {@code compclose.review.*}. It is on by default: a close that finds any of
 * these stops before payroll and statements (exit 3) until finance approves it; {@code enabled=false}
 * lets such a close go on, still listing what it found. {@code payoutAbove} and {@code rejectedRowsAbove}
 * are not checked unless set; the other thresholds have defaults, chosen so that an ordinary month passes
 * and a typo in a plan or an input does not (see the README, "Commands and exit codes"). A check a team
 * does not want is set out of reach (a flag to false, a threshold very high).
 *
 * @param enabled                   whether the gate stops the close
 * @param payoutAboveTargetMultiple a rep's payout above this many times their monthly target incentive
 * @param payoutAbove               a rep's payout above this amount (in the rep's pay currency)
 * @param changeAgainstPriorPercent a rep's payout changed by more than this percentage of the prior period's
 * @param changeAtLeast             a change (of a rep's payout, or of the period's total) smaller than this
 *                                  amount, or than the rep's monthly target incentive, is not flagged by the
 *                                  percentage checks: small payouts move by large percentages
 * @param totalChangeAgainstPriorPercent the period's payout total (per currency) changed by more than this
 *                                  percentage of the prior period's
 * @param negativeBalance           a rep carries a negative balance (earned less than already paid)
 * @param uncreditedBookings        bookings no crediting rule credits
 * @param rejectedRowsAbove         more rejected input rows than this (all files together)
 * @param rejectedSharePercent      more than this percentage of one file's rows rejected
 * @param rejectedShareMinRows      ... in a file of at least this many rows: a share of a handful says little
 * @param bookingAbove              a single booking's ACV above this amount (in the booking's currency)
 * @param repsWithoutRoster         reps who have bookings but no accepted roster row (their bookings were
 *                                  rejected, so they are not paid for them)
 */
@ConfigurationProperties("compclose.review")
public record ReviewProperties(
        @DefaultValue("true") boolean enabled,
        @DefaultValue("3") BigDecimal payoutAboveTargetMultiple,
        BigDecimal payoutAbove,
        @DefaultValue("300") BigDecimal changeAgainstPriorPercent,
        @DefaultValue("5000") BigDecimal changeAtLeast,
        @DefaultValue("200") BigDecimal totalChangeAgainstPriorPercent,
        @DefaultValue("true") boolean negativeBalance,
        @DefaultValue("true") boolean uncreditedBookings,
        Long rejectedRowsAbove,
        @DefaultValue("20") BigDecimal rejectedSharePercent,
        @DefaultValue("10") long rejectedShareMinRows,
        @DefaultValue("100000000") BigDecimal bookingAbove,
        @DefaultValue("true") boolean repsWithoutRoster) {
}
