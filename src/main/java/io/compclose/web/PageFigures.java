package io.compclose.web;

import java.math.BigDecimal;

import org.springframework.boot.autoconfigure.condition.ConditionalOnWebApplication;
import org.springframework.stereotype.Component;

import io.compclose.core.calculation.ComponentLine;
import io.compclose.statement.StatementAttainment;
import io.compclose.statement.StatementRenderer;
import io.compclose.system.Amounts;

/**
 * Figures on the rep pages written as the statement writes them, for templates ({@code ${@figures.amount(x)}}):
 * amounts grouped to the cent, rates and shares as percentages.
 */
@Component("figures")
@ConditionalOnWebApplication(type = ConditionalOnWebApplication.Type.SERVLET)
public class PageFigures {

    /** 58081.95 is "58,081.95"; nothing is "". */
    public String amount(BigDecimal value) {
        return value == null ? "" : Amounts.format(value);
    }

    /** 0.08 is "8 %", as the statement writes a deal's rate. */
    public String rate(BigDecimal fraction) {
        return fraction == null ? "" : StatementRenderer.rate(fraction);
    }

    /** An earning line's rate as the statement writes it: a fraction, or an amount per unit for a count paid so. */
    public String rate(BigDecimal rate, boolean perUnit) {
        return rate == null ? "" : perUnit ? StatementRenderer.perUnit(rate) : StatementRenderer.rate(rate);
    }

    /** An earning line's rate, told per unit by the band it was priced in. */
    public String rate(BigDecimal rate, String band) {
        return rate(rate, ComponentLine.paidPerUnit(band));
    }

    /** A component as a rep reads it: "bookings", or "meetings: DISCOVERY_MEETING". */
    public String component(StatementAttainment a) {
        return AttainmentChart.name(a);
    }

    /** Attainment against quota: "58.7 %", or "no quota". */
    public String attainment(StatementAttainment a) {
        return AttainmentChart.percent(a);
    }

    /** A count or score as written: 7.000000 is "7". */
    public String number(BigDecimal value) {
        return value == null ? "" : value.stripTrailingZeros().toPlainString();
    }
}
