package io.compclose.system;

import java.nio.file.Path;
import java.time.YearMonth;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;

import io.compclose.core.plan.FiscalYear;
import io.compclose.core.plan.PayPeriod;
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

    /** The close period a name names: one of the schedule's periods, or a month closed before it. */
    public PayPeriod period(String id) {
        return schedule().closeNamed(id).orElseThrow(() -> new IllegalArgumentException(notAPeriod(id)));
    }

    /** Why {@code id} (YYYY-MM or YYYY-MM-DD) is no period of the calendar, and which periods its month has. */
    public String notAPeriod(String id) {
        PaySchedule schedule = schedule();
        return id + ": not a pay period of " + (file == null
                ? "the default monthly pay calendar (no compclose.pay-calendar is configured)"
                : "the " + schedule + " " + PayCalendarFile.named(file)) + "; " + theMonths(schedule, id);
    }

    /** "its periods in October 2026 are 2026-10-15, 2026-10-31": what to write instead. */
    private static String theMonths(PaySchedule schedule, String id) {
        YearMonth month = PayPeriod.monthOf(id);
        return "its periods ending in " + PayPeriod.of(month).describe() + " are "
                + String.join(", ", schedule.endingIn(month).stream().map(PayPeriod::id).toList());
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
