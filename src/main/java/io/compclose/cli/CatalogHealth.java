package io.compclose.cli;

import java.time.Clock;

import org.springframework.boot.health.contributor.Health;
import org.springframework.boot.health.contributor.HealthIndicator;

import io.compclose.schedule.CatalogEntry;

/**
 * The {@code catalog} part of {@code /actuator/health}: UP with each job of the catalog and when it runs next
 * while the schedule runs, DOWN once it stopped (a stopping service starts nothing more). What an operator
 * checks to see that {@code serve} has its jobs on the schedule, not only a web server up.
 */
record CatalogHealth(CatalogScheduler scheduler, Clock clock) implements HealthIndicator {

    @Override
    public Health health() {
        Health.Builder health = scheduler.isRunning() ? Health.up() : Health.down();
        for (CatalogEntry entry : scheduler.entries()) {
            health.withDetail(entry.name(), CatalogScheduler.described(entry, clock));
        }
        return health.build();
    }
}
