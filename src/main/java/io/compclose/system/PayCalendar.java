package io.compclose.system;

import java.nio.file.Path;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;

import io.compclose.core.plan.FiscalYear;

/**
 * The configured pay calendar ({@code compclose.pay-calendar}, e.g. {@code jobs/pay-calendar.yaml}), read
 * once per run of the command line. Without one the plan year is the calendar year.
 */
@Component
public class PayCalendar {

    private final Path file;
    private FiscalYear fiscalYear;

    public PayCalendar(@Value("${compclose.pay-calendar:}") String file) {
        this.file = file.isBlank() ? null : Path.of(file);
    }

    /** How a message names the calendar: its file, or that there is none. */
    public String describe() {
        return file == null ? "pay calendar: none configured (compclose.pay-calendar), so the plan year is the "
                + "calendar year" : PayCalendarFile.named(file);
    }

    /** The plan year every close follows; a problem with the file names it and its field. */
    public synchronized FiscalYear fiscalYear() {
        if (fiscalYear == null) {
            fiscalYear = file == null ? FiscalYear.CALENDAR : PayCalendarFile.read(file);
        }
        return fiscalYear;
    }
}
