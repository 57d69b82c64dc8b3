package io.compclose.system;

import java.nio.file.Path;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;

import io.compclose.core.plan.FiscalYear;
import io.compclose.core.plan.PaySchedule;

/**
 * The configured pay calendar ({@code compclose.pay-calendar}, e.g. {@code jobs/pay-calendar.yaml}), read
 * once per run of the command line. Without one the plan year is the calendar year and payroll is monthly.
 */
@Component
public class PayCalendar {

    private final Path file;
    private PayCalendarFile.Read read;

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
        return read().fiscalYear();
    }

    /** The payroll runs every close pays in; a problem with the file names it and its field. */
    public synchronized PaySchedule schedule() {
        return read().schedule();
    }

    private PayCalendarFile.Read read() {
        if (read == null) {
            read = file == null ? new PayCalendarFile.Read(FiscalYear.CALENDAR, PaySchedule.MONTHLY)
                    : PayCalendarFile.read(file);
        }
        return read;
    }
}
