package io.compclose.reconciliation;

import java.math.BigDecimal;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * The review gate, bound from {@code compclose.review.*}. When it is on, a close that finds any of
 * these stops before payroll and statements (exit 3) until finance approves it. A threshold left
 * empty is not checked.
 *
 * @param enabled                  whether the gate stops the close
 * @param payoutAboveTargetMultiple a rep's payout above this many times their monthly target incentive
 * @param payoutAbove              a rep's payout above this amount (in the rep's pay currency)
 * @param changeAgainstPriorPercent a rep's payout changed by more than this percentage of the prior period's
 * @param negativeBalance          a rep carries a negative balance (earned less than already paid)
 * @param uncreditedBookings       bookings no crediting rule credits
 * @param rejectedRowsAbove        more rejected input rows than this
 */
@ConfigurationProperties("compclose.review")
public record ReviewProperties(
        @DefaultValue("false") boolean enabled,
        BigDecimal payoutAboveTargetMultiple,
        BigDecimal payoutAbove,
        BigDecimal changeAgainstPriorPercent,
        @DefaultValue("true") boolean negativeBalance,
        @DefaultValue("true") boolean uncreditedBookings,
        Long rejectedRowsAbove) {
}
