package io.compclose.plan;

import java.math.BigDecimal;

/** A component of a plan: what is measured and how it is paid. */
public record PlanComponent(String id, Metric metric, PayMethod pay, BigDecimal rate) {

    /** Plain-language description of the arithmetic, printed on the rep's statement. */
    public String explanation() {
        return switch (pay) {
            case FLAT_RATE -> "Commission = credited " + metric.label() + " × "
                    + rate.movePointRight(2).stripTrailingZeros().toPlainString()
                    + " % plan rate, rounded half-even to the cent per booking.";
        };
    }
}
