package io.compclose.cli;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ScheduledFuture;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.SmartLifecycle;
import org.springframework.scheduling.TaskScheduler;
import org.springframework.scheduling.support.CronTrigger;
import org.springframework.scheduling.support.SimpleTriggerContext;

import io.compclose.schedule.CatalogEntry;

/**
 * Puts every catalog entry on Spring's scheduler with its cron expression and time zone while the
 * service runs. The scheduler's clock decides when a trigger is due, so a test drives time itself.
 */
public class CatalogScheduler implements SmartLifecycle {

    private static final Logger log = LoggerFactory.getLogger(CatalogScheduler.class);

    private final List<CatalogEntry> entries;
    private final TaskScheduler scheduler;
    private final CatalogLauncher launcher;
    private final Duration shutdownWait;
    private final List<ScheduledFuture<?>> scheduled = new ArrayList<>();
    /** Started and not stopped: the console alone schedules nothing and is still up. */
    private boolean running;

    public CatalogScheduler(List<CatalogEntry> entries, TaskScheduler scheduler, CatalogLauncher launcher,
            Duration shutdownWait) {
        this.entries = entries;
        this.scheduler = scheduler;
        this.launcher = launcher;
        this.shutdownWait = shutdownWait;
    }

    @Override
    public synchronized void start() {
        running = true;
        for (CatalogEntry entry : entries) {
            CronTrigger trigger = new CronTrigger(entry.cron(), entry.zone());
            scheduled.add(scheduler.schedule(() -> launcher.launch(entry), trigger));
            log.info("[{}] {} ({}): cron '{}' in {}, next at {}", entry.name(), entry.command().word(),
                    entry.period().word(), entry.cron(), entry.zone(), nextRun(entry, scheduler.getClock()));
        }
    }

    /** "close (previous-month), cron '0 0 6 1-10 * *' UTC, next at 2027-01-01T06:00": what serve lists. */
    static String described(CatalogEntry entry, Clock clock) {
        return entry.command().word() + " (" + entry.period().word() + "), cron '" + entry.cron() + "' " + entry.zone()
                + ", next at " + nextRun(entry, clock).atZone(entry.zone()).toLocalDateTime();
    }

    /** When the entry runs next, as the scheduler's clock sees it. */
    static Instant nextRun(CatalogEntry entry, Clock clock) {
        return new CronTrigger(entry.cron(), entry.zone()).nextExecution(new SimpleTriggerContext(clock));
    }

    /**
     * Nothing more is started, and a job already running may finish (up to {@code shutdownWait}) while
     * the database and everything else it needs are still there: stopping comes before any bean is
     * destroyed. A job cut short restarts where it stopped on its next run.
     */
    @Override
    public synchronized void stop() {
        running = false;
        scheduled.forEach(future -> future.cancel(false));
        scheduled.clear();
        try {
            if (!launcher.awaitIdle(shutdownWait)) {
                log.warn("stopping with a job still running after {}: it restarts where it stopped on its next run",
                        shutdownWait);
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    @Override
    public synchronized boolean isRunning() {
        return running;
    }

    public List<CatalogEntry> entries() {
        return entries;
    }
}
