package io.compclose.core.calculation;

import java.math.BigDecimal;

import io.compclose.core.money.Money;

/** A management objective scored 0–100 % by a manager, paid as target incentive × weight × score. */
public final class Mbo {

    private Mbo() {
    }

    public static PayLine pay(String objective, Money targetIncentive, BigDecimal weight, BigDecimal score) {
        if (score.signum() < 0 || score.compareTo(BigDecimal.ONE) > 0) {
            throw new IllegalArgumentException("MBO score for " + objective + " must be between 0 and 1, was " + score);
        }
        Money amount = targetIncentive.times(weight).times(score).rounded();
        return new PayLine(EarningCode.MBO, amount, "MBO " + objective + ": " + targetIncentive.amount().toPlainString()
                + " × " + ComponentLine.percent(weight) + " × score " + ComponentLine.percent(score), objective);
    }
}
