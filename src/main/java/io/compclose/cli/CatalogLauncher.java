package io.compclose.cli;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.ZonedDateTime;
import java.util.Optional;
import java.util.HashSet;
import java.util.Set;
import java.util.concurrent.TimeUnit;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.batch.core.job.JobExecution;
import org.springframework.batch.core.repository.JobRepository;
import org.springframework.core.env.Environment;

import io.micrometer.core.instrument.MeterRegistry;

import io.compclose.core.plan.PayPeriod;
import io.compclose.job.MonthlyCloseJobConfiguration;
import io.compclose.job.UsageIntakeJobConfiguration;
import io.compclose.schedule.CatalogEntry;
import io.compclose.schedule.ScheduledCommand;
import io.compclose.system.CloseRun;
import io.compclose.system.DatabaseLock;
import io.compclose.system.PayCalendar;
import io.compclose.system.UsageIntakeRun;

/**
 * Runs a catalog entry's command now, for the period the clock says, exactly as the command line
 * would: the same command objects, so a scheduled close restarts, stops for review and reports as a
 * typed one does. A job of the same command and period that is still running, here or in another
 * process sharing the database, is not started again: the run is skipped and says why.
 */
public class CatalogLauncher {

    /** How a scheduled run ended, as counted in {@code compclose.schedule.runs}. */
    public enum Outcome {
        COMPLETED, FAILED, BAD_INPUT, REVIEW, SKIPPED;

        static Outcome of(int exitCode) {
            return switch (exitCode) {
                case ExitCode.OK -> COMPLETED;
                case ExitCode.BAD_INPUT -> BAD_INPUT;
                case ExitCode.REVIEW -> REVIEW;
                case ExitCode.BUSY -> SKIPPED; // a close of the period is running elsewhere
                default -> FAILED;
            };
        }

        String tag() {
            return name().toLowerCase(java.util.Locale.ROOT).replace('_', '-');
        }
    }

    private static final Logger log = LoggerFactory.getLogger(CatalogLauncher.class);

    /** The command and period of each run under way here; guarded by itself, notified as runs end. */
    private final Set<String> running = new HashSet<>();
    private final Clock clock;
    private final Path out;
    private final CloseCommand close;
    private final UsageIntakeCommand usageIntake;
    private final ResendCommand resend;
    private final JobRepository jobRepository;
    private final Environment environment;
    private final MeterRegistry meters;
    private final PayCalendar calendar;

    public CatalogLauncher(Clock clock, Path out, CloseCommand close, UsageIntakeCommand usageIntake,
            ResendCommand resend, JobRepository jobRepository, Environment environment, MeterRegistry meters,
            PayCalendar calendar) {
        this.calendar = calendar;
        this.clock = clock;
        this.out = out;
        this.close = close;
        this.usageIntake = usageIntake;
        this.resend = resend;
        this.jobRepository = jobRepository;
        this.environment = environment;
        this.meters = meters;
    }

    public Outcome launch(CatalogEntry entry) {
        ZonedDateTime now = ZonedDateTime.now(clock.withZone(entry.zone()));
        PayPeriod period = entry.period().periodAt(now, calendar.schedule());
        String key = entry.command().word() + " " + period;
        Outcome outcome;
        if (!claim(key)) {
            log.warn("[{}] not started: the {} of {} started earlier by this service is still running", entry.name(),
                    entry.command().word(), period);
            outcome = Outcome.SKIPPED;
        } else {
            try {
                outcome = launch(entry, period, now);
            } finally {
                release(key);
            }
        }
        meters.counter("compclose.schedule.runs", "job", entry.name(), "outcome", outcome.tag()).increment();
        return outcome;
    }

    private boolean claim(String key) {
        synchronized (running) {
            return running.add(key);
        }
    }

    private void release(String key) {
        synchronized (running) {
            running.remove(key);
            running.notifyAll();
        }
    }

    /** Waits until no run is under way here, at most {@code timeout}; whether none is. */
    public boolean awaitIdle(Duration timeout) throws InterruptedException {
        long deadline = System.nanoTime() + timeout.toNanos();
        synchronized (running) {
            while (!running.isEmpty()) {
                long left = TimeUnit.NANOSECONDS.toMillis(deadline - System.nanoTime());
                if (left <= 0) {
                    return false;
                }
                running.wait(left);
            }
            return true;
        }
    }

    private Outcome launch(CatalogEntry entry, PayPeriod period, ZonedDateTime now) {
        Optional<JobExecution> elsewhere = runningElsewhere(entry, period);
        if (elsewhere.isPresent()) {
            log.warn("[{}] not started: the {} of {} is running in another process (execution {}, started {})",
                    entry.name(), entry.command().word(), period, elsewhere.get().getId(),
                    CloseReport.time(elsewhere.get().getStartTime()));
            return Outcome.SKIPPED;
        }
        log.info("[{}] {} of {} starts", entry.name(), entry.command().word(), period);
        ByteArrayOutputStream said = new ByteArrayOutputStream();
        ByteArrayOutputStream complained = new ByteArrayOutputStream();
        int exitCode;
        try (PrintStream o = new PrintStream(said, true, StandardCharsets.UTF_8);
                PrintStream e = new PrintStream(complained, true, StandardCharsets.UTF_8)) {
            exitCode = run(entry, period, now, o, e);
        } catch (Exception e) {
            log.error("[{}] {} of {} failed: {}", entry.name(), entry.command().word(), period,
                    Failures.describe(e), e);
            exitCode = ExitCode.FAILED;
        }
        said.toString(StandardCharsets.UTF_8).lines().forEach(line -> log.info("[{}] {}", entry.name(), line));
        complained.toString(StandardCharsets.UTF_8).lines().forEach(line -> log.warn("[{}] {}", entry.name(), line));
        Outcome outcome = Outcome.of(exitCode);
        log.info("[{}] {} of {} ended with exit code {} ({})", entry.name(), entry.command().word(), period, exitCode,
                outcome.tag());
        return outcome;
    }

    private int run(CatalogEntry entry, PayPeriod period, ZonedDateTime now, PrintStream o, PrintStream e)
            throws Exception {
        Path inbox = entry.command().readsInbox() ? entry.inboxOf(period).toAbsolutePath().normalize() : null;
        if (inbox != null && !Files.isDirectory(inbox)) {
            e.println("compclose: inbox folder " + inbox + " does not exist");
            return ExitCode.BAD_INPUT;
        }
        if (entry.command() == ScheduledCommand.CLOSE && close.lock(period).isPresent()) {
            // a scheduled close of a locked period has nothing left to do; typed, the command refuses it
            o.println(period + " is " + close.lock(period).get().lockDescription() + ": nothing to do.");
            return ExitCode.OK;
        }
        return switch (entry.command()) {
            case CLOSE -> close.run(new CloseRun(period, calendar.schedule(), inbox, out), false, Set.of(), o, e);
            case USAGE_INTAKE -> usageIntake.run(new UsageIntakeRun(period.month(), now.toLocalDate(), inbox, out),
                    o, e);
            case RESEND -> resend.run(period, null, entry.requestedBy(), out, o, e);
        };
    }

    /**
     * A running execution of the same job and period in the job repository. On the embedded
     * database only this process can be running anything, and what it runs is in {@link #running}:
     * an execution found there was left by a process that is gone, and the command recovers it.
     */
    private Optional<JobExecution> runningElsewhere(CatalogEntry entry, PayPeriod period) {
        String job = switch (entry.command()) {
            case CLOSE -> MonthlyCloseJobConfiguration.JOB_NAME;
            case USAGE_INTAKE -> UsageIntakeJobConfiguration.JOB_NAME;
            case RESEND -> null;
        };
        if (job == null || DatabaseLock.isExclusive(environment)) {
            return Optional.empty();
        }
        return jobRepository.findRunningJobExecutions(job).stream()
                .filter(e -> period.toString().equals(e.getJobParameters().getString(CloseRun.PERIOD)))
                .findFirst();
    }
}
