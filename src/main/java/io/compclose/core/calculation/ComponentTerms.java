package io.compclose.core.calculation;

import java.math.BigDecimal;
import java.util.Currency;

import io.compclose.core.money.Money;
import io.compclose.core.plan.PayMethod;
import io.compclose.core.plan.RateTable;

/**
 * What a component needs for one measurement window: its quota and share of target incentive for
 * that window, how it pays, its rate table (or payout curve), and the rep's pay currency.
 * <p>
 * A prorated plan version whose window is shared with other versions measures against the quota of them
 * all, and the credit they measure counts for its attainment: {@code creditBefore} that of the versions
 * before it (its deals are priced from there on), {@code creditAfter} that of the versions after it. Neither
 * is paid here. {@code targetWritten} says how the target was prorated ("60000 × 184/365 days"), null when
 * it was not.
 */
public record ComponentTerms(String id, PayMethod pay, BigDecimal quota, BigDecimal targetIncentive,
        BigDecimal weight, RateTable table, Currency currency, BigDecimal creditBefore, BigDecimal creditAfter,
        String targetWritten) {

    public ComponentTerms {
        creditBefore = creditBefore == null ? BigDecimal.ZERO : creditBefore;
        creditAfter = creditAfter == null ? BigDecimal.ZERO : creditAfter;
    }

    /** A window measured on its own, against its own quota. */
    public ComponentTerms(String id, PayMethod pay, BigDecimal quota, BigDecimal targetIncentive, BigDecimal weight,
            RateTable table, Currency currency) {
        this(id, pay, quota, targetIncentive, weight, table, currency, BigDecimal.ZERO, BigDecimal.ZERO, null);
    }

    /** The same terms measured with the other versions' credit against their quotas added up. */
    ComponentTerms sharedWith(BigDecimal yearQuota, BigDecimal before, BigDecimal after) {
        return new ComponentTerms(id, pay, yearQuota, targetIncentive, weight, table, currency, before, after,
                targetWritten);
    }

    /** An exact amount as a line pays it: rounded to the pay currency's minor unit (jobs/plans.md, "Rounding"). */
    Money line(BigDecimal exact) {
        return new Money(exact, currency).rounded();
    }

    /** A band's rate as a line writes it: "8 %" on value, "50 per unit" paid per unit. */
    String rateLabel(BigDecimal rate) {
        return pay == PayMethod.PER_UNIT ? ComponentLine.perUnit(rate) : ComponentLine.percent(rate);
    }

    /** The target incentive as a line's why writes it: "60000", or "60000 × 184/365 days" when prorated. */
    String targetLabel() {
        return targetWritten != null ? targetWritten : targetIncentive.toPlainString();
    }
}
