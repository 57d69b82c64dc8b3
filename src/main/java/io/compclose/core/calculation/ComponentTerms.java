package io.compclose.core.calculation;

import java.math.BigDecimal;
import java.util.Currency;

import io.compclose.core.money.Money;
import io.compclose.core.plan.PayMethod;
import io.compclose.core.plan.RateTable;

/**
 * What a component needs for one measurement window: its quota and share of target incentive for
 * that window, how it pays, its rate table (or payout curve), and the rep's pay currency.
 */
public record ComponentTerms(String id, PayMethod pay, BigDecimal quota, BigDecimal targetIncentive,
        BigDecimal weight, RateTable table, Currency currency) {

    /** An exact amount as a line pays it: rounded to the pay currency's minor unit (jobs/plans.md, "Rounding"). */
    Money line(BigDecimal exact) {
        return new Money(exact, currency).rounded();
    }

    /** A band's rate as a line writes it: "8 %" on value, "50 per unit" paid per unit. */
    String rateLabel(BigDecimal rate) {
        return pay == PayMethod.PER_UNIT ? ComponentLine.perUnit(rate) : ComponentLine.percent(rate);
    }
}
