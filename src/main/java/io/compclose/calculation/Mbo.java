package io.compclose.calculation;

import java.math.BigDecimal;
import java.math.RoundingMode;

/** A management objective scored 0–100 % by a manager, paid as target incentive × weight × score. */
public final class Mbo {

    private Mbo() {
    }

    public static PayLine pay(String objective, BigDecimal targetIncentive, BigDecimal weight, BigDecimal score) {
        if (score.signum() < 0 || score.compareTo(BigDecimal.ONE) > 0) {
            throw new IllegalArgumentException("MBO score for " + objective + " must be between 0 and 1, was " + score);
        }
        BigDecimal amount = targetIncentive.multiply(weight).multiply(score).setScale(2, RoundingMode.HALF_EVEN);
        return new PayLine(EarningCode.MBO, amount, "MBO " + objective + ": " + targetIncentive.toPlainString()
                + " × " + ComponentCalculator.percent(weight) + " × score " + ComponentCalculator.percent(score));
    }
}
