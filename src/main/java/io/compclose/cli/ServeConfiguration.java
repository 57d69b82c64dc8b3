package io.compclose.cli;

import java.time.Clock;
import org.springframework.batch.core.repository.JobRepository;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.boot.autoconfigure.condition.ConditionalOnWebApplication;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.env.Environment;
import org.springframework.scheduling.TaskScheduler;
import org.springframework.scheduling.concurrent.ThreadPoolTaskScheduler;

import io.micrometer.core.instrument.MeterRegistry;

import io.compclose.schedule.JobCatalog;
import io.compclose.system.PayCalendar;

/**
 * {@code serve} only (the one command that starts a web server): the job catalog on Spring's
 * scheduler, one thread per entry so that a long close never holds up the daily usage intake.
 */
@Configuration
@ConditionalOnWebApplication(type = ConditionalOnWebApplication.Type.SERVLET)
@EnableConfigurationProperties(ServeProperties.class)
public class ServeConfiguration {

    /**
     * The catalog's own scheduler. Spring Integration (remote partitioning) brings a {@code taskScheduler}
     * of its own, so the catalog names the one it runs on rather than taking whichever is the only one.
     */
    public static final String CATALOG_SCHEDULER = "catalogTaskScheduler";

    /** The catalog the command line is reading while the context starts, or read here when there is none. */
    @Bean
    JobCatalog jobCatalog(ServeProperties properties, ObjectProvider<LoadingCatalog> loading) {
        LoadingCatalog read = loading.getIfAvailable();
        if (read != null) {
            return read.join();
        }
        return properties.schedule() ? JobCatalog.load(properties.jobs())
                : new JobCatalog(properties.jobs(), java.util.List.of());
    }

    @Bean(CATALOG_SCHEDULER)
    ThreadPoolTaskScheduler catalogTaskScheduler(JobCatalog jobCatalog, Clock clock, ServeProperties properties) {
        ThreadPoolTaskScheduler scheduler = new ThreadPoolTaskScheduler();
        scheduler.setPoolSize(Math.max(1, jobCatalog.entries().size()));
        scheduler.setThreadNamePrefix("schedule-");
        scheduler.setClock(clock);
        // a stopping service starts nothing more and interrupts nothing (CatalogScheduler waits)
        scheduler.setExecuteExistingDelayedTasksAfterShutdownPolicy(false);
        scheduler.setWaitForTasksToCompleteOnShutdown(true);
        scheduler.setAwaitTerminationMillis(properties.shutdownWait().toMillis());
        return scheduler;
    }

    @Bean
    CatalogLauncher catalogLauncher(Clock clock, ServeProperties properties, CloseCommand close,
            UsageIntakeCommand usageIntake, ResendCommand resend, JobRepository jobRepository, Environment environment,
            MeterRegistry meters, PayCalendar calendar) {
        return new CatalogLauncher(clock, properties.out().toAbsolutePath().normalize(), close, usageIntake, resend,
                jobRepository, environment, meters, calendar);
    }

    @Bean
    CatalogScheduler catalogScheduler(JobCatalog jobCatalog, @Qualifier(CATALOG_SCHEDULER) TaskScheduler scheduler,
            CatalogLauncher launcher, ServeProperties properties) {
        return new CatalogScheduler(jobCatalog.entries(), scheduler, launcher, properties.shutdownWait());
    }

    /** {@code /actuator/health}'s {@code catalog} shows each scheduled job and its next run, and DOWN once the schedule stopped. */
    @Bean
    CatalogHealth catalogHealthIndicator(CatalogScheduler catalogScheduler, @Qualifier(CATALOG_SCHEDULER) TaskScheduler scheduler) {
        return new CatalogHealth(catalogScheduler, scheduler.getClock());
    }
}
