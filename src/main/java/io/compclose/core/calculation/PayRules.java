package io.compclose.core.calculation;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.YearMonth;

import io.compclose.core.money.Money;
import io.compclose.core.plan.PayPeriod;
import io.compclose.core.plan.PlanTerms.Clawback.Recovery;
import io.compclose.core.plan.PlanTerms.Draw.Kind;

/**
 * The plan-level limits and timing rules one settlement applies, amounts in the pay currency. Any
 * part may be null (not in the plan).
 *
 * @param perPeriodCap     most commission paid in one period; the excess is removed, not carried
 * @param perYearCap       most commission earned in the plan year
 * @param multipleOfTarget most commission earned in the plan year as a multiple of target incentive
 * @param targetIncentive  annual target incentive, for the multiple-of-target cap
 * @param draw             a draw against commission
 * @param holdbackShare    share of each payout held back until {@code holdbackRelease}
 * @param holdbackRelease  the month whose closing pay period pays held-back commission out
 * @param clawbackRecovery how a clawback larger than the period's pay is recovered; null is NET_AND_CARRY
 */
public record PayRules(Money perPeriodCap, Money perYearCap, BigDecimal multipleOfTarget, Money targetIncentive,
        Draw draw, BigDecimal holdbackShare, YearMonth holdbackRelease, Recovery clawbackRecovery) {

    /** Rules recovering clawbacks from pay and carrying the rest. */
    public PayRules(Money perPeriodCap, Money perYearCap, BigDecimal multipleOfTarget, Money targetIncentive,
            Draw draw, BigDecimal holdbackShare, YearMonth holdbackRelease) {
        this(perPeriodCap, perYearCap, multipleOfTarget, targetIncentive, draw, holdbackShare, holdbackRelease, null);
    }

    public static PayRules none() {
        return new PayRules(null, null, null, null, null, null, null);
    }

    /** Whether clawbacks beyond the period's pay are posted in full (a negative net), not carried. */
    boolean postsClawbacksInFull() {
        return clawbackRecovery == Recovery.FULL_NEGATIVE;
    }

    /**
     * A draw of {@code perPeriod} in each pay period ending from {@code from} to {@code to}: RECOVERABLE is an
     * advance recovered from later commission above it, NON_RECOVERABLE a guaranteed minimum.
     */
    public record Draw(Kind kind, Money perPeriod, LocalDate from, LocalDate to) {

        /** A draw for {@code periods} months from {@code first}. */
        public Draw(Kind kind, Money perPeriod, YearMonth first, int periods) {
            this(kind, perPeriod, first.atDay(1), first.plusMonths(periods - 1L).atEndOfMonth());
        }

        boolean activeIn(PayPeriod period) {
            return !period.end().isBefore(from) && !period.end().isAfter(to);
        }
    }

    /** The year cap in money: the lower of the fixed cap and the multiple of target. */
    Money yearLimit() {
        Money byMultiple = multipleOfTarget == null || targetIncentive == null ? null
                : targetIncentive.times(multipleOfTarget);
        if (perYearCap == null) {
            return byMultiple;
        }
        return byMultiple == null ? perYearCap : perYearCap.min(byMultiple);
    }
}
