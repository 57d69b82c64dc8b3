package io.compclose.core.calculation;

import java.math.BigDecimal;
import java.util.Optional;

import io.compclose.core.money.Money;

/** A fixed amount for reaching a milestone on a metric, paid once per plan year. */
public record MilestoneBonus(String id, String metric, BigDecimal atLeast, Money amount) {

    /** The bonus line if the milestone is reached now and was not paid before this year. */
    public Optional<PayLine> pay(BigDecimal achieved, boolean alreadyPaidThisYear) {
        if (alreadyPaidThisYear || achieved == null || achieved.compareTo(atLeast) < 0) {
            return Optional.empty();
        }
        return Optional.of(new PayLine(EarningCode.BONUS, amount, "bonus " + id + ": " + metric + " "
                + achieved.stripTrailingZeros().toPlainString() + " reached " + atLeast.stripTrailingZeros()
                .toPlainString(), id));
    }
}
