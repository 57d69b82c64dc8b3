package io.compclose.web;

import java.nio.file.Path;
import java.util.Optional;

import org.springframework.boot.autoconfigure.condition.ConditionalOnWebApplication;
import org.springframework.stereotype.Component;

import io.compclose.core.plan.PayPeriod;
import io.compclose.schedule.CatalogEntry;
import io.compclose.schedule.JobCatalog;
import io.compclose.schedule.ScheduledCommand;

/**
 * Where a close started from the console reads its month: the inbox the scheduled monthly close would read
 * ({@code serve}), or {@code compclose.console.inbox} where there is no catalog ({@code console}), so that a
 * month started by hand and one started by the schedule read the same folder.
 */
@ConditionalOnWebApplication(type = ConditionalOnWebApplication.Type.SERVLET)
@Component
public class InboxLayout {

    private final Optional<CatalogEntry> scheduledClose;
    private final String consolePattern;

    public InboxLayout(JobCatalog catalog, ConsoleProperties properties) {
        this.scheduledClose = catalog.entries().stream().filter(entry -> entry.command() == ScheduledCommand.CLOSE)
                .findFirst();
        this.consolePattern = properties.inbox();
    }

    public Path inboxOf(PayPeriod period) {
        return scheduledClose.map(entry -> entry.inboxOf(period))
                .orElseGet(() -> Path.of(consolePattern.replace(CatalogEntry.PERIOD_PLACEHOLDER, period.toString())))
                .toAbsolutePath().normalize();
    }

    /** Where the layout comes from, as the start page names it. */
    public String source() {
        return scheduledClose.map(entry -> "the inbox of the scheduled job " + entry.name() + " (" + entry.inbox() + ")")
                .orElse("compclose.console.inbox (" + consolePattern + ")");
    }
}
