package io.compclose.schedule;

import java.nio.file.Path;

import io.compclose.core.plan.PayPeriod;
import java.time.ZoneId;

/**
 * One scheduled job of the catalog.
 *
 * @param name        unique in the catalog; names the job in logs and metrics
 * @param command     what runs
 * @param cron        Spring's six fields: second minute hour day-of-month month day-of-week
 * @param zone        the time zone the cron expression and the period are read in
 * @param period      which pay period a run works on
 * @param inbox       the inbox folder, {@code {period}} standing for the period (null for resend)
 * @param requestedBy who a resend is recorded as requested by (null for the other commands)
 * @param file        the catalog file it came from
 */
public record CatalogEntry(String name, ScheduledCommand command, String cron, ZoneId zone, PeriodRule period,
        String inbox, String requestedBy, Path file) {

    public static final String PERIOD_PLACEHOLDER = "{period}";

    /** The inbox of a period: {@code inbox/{period}} is {@code inbox/2026-10} for October 2026. */
    public Path inboxOf(PayPeriod payPeriod) {
        return Path.of(inbox.replace(PERIOD_PLACEHOLDER, payPeriod.id()));
    }
}
