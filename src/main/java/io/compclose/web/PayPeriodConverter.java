package io.compclose.web;

import org.springframework.boot.autoconfigure.condition.ConditionalOnWebApplication;
import org.springframework.core.convert.converter.Converter;
import org.springframework.stereotype.Component;

import io.compclose.core.plan.PayPeriod;
import io.compclose.system.PayCalendar;

/**
 * Reads a period in a console address ({@code /periods/2026-10}, {@code /periods/2026-10-15}) as one of the
 * pay calendar's periods; a name that is none is a bad request.
 */
@ConditionalOnWebApplication(type = ConditionalOnWebApplication.Type.SERVLET)
@Component
class PayPeriodConverter implements Converter<String, PayPeriod> {

    private final PayCalendar calendar;

    PayPeriodConverter(PayCalendar calendar) {
        this.calendar = calendar;
    }

    @Override
    public PayPeriod convert(String source) {
        return calendar.period(source.trim());
    }
}
