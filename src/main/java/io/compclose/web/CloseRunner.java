package io.compclose.web;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;

import org.springframework.batch.core.BatchStatus;
import org.springframework.batch.core.job.JobExecution;
import org.springframework.batch.core.step.StepExecution;
import org.springframework.beans.factory.DisposableBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnWebApplication;
import org.springframework.stereotype.Component;

import io.compclose.cli.CloseCommand;
import io.compclose.cli.CloseEnding;
import io.compclose.cli.CloseHistory;
import io.compclose.cli.ServeProperties;
import io.compclose.core.plan.PayPeriod;
import io.compclose.system.CloseRun;
import io.compclose.system.PayCalendar;
import io.compclose.system.ProgressReporter;

/**
 * Starts and continues a period's close from the console, as typing the close command would: the same command
 * object, so the same lease (a close from the console and one from the command line never run at once), the
 * same decisions and the same audit, recorded under the signed-in user. It runs beside the web requests, one
 * close at a time, and keeps what it printed for the page that follows it.
 */
@Component
@ConditionalOnWebApplication(type = ConditionalOnWebApplication.Type.SERVLET)
public class CloseRunner implements DisposableBean {

    /**
     * A step of the latest execution: its rows as the job repository counts them, its rate and time left as the
     * command line prints them (from the step's start; time left only while it runs in this process).
     */
    public record Step(String name, String status, long read, long written, long rejected, String rate, String left) {
    }

    /**
     * What the page shows of a period's close: whether it runs, what the command said, its steps, and how it
     * ended: {@code state} is none, running, completed, review, failed, stopped or interrupted; {@code problems}
     * are the command line's lines on a failure (what failed and what to do).
     */
    public record Progress(boolean running, String said, List<Step> steps, String state, List<String> problems) {

        /** A failed, stopped or interrupted close continues from the step that did not complete. */
        public boolean canContinue() {
            return !running && Set.of("failed", "stopped", "interrupted").contains(state);
        }
    }

    /** A close the console was asked to start: started, or why not (the command line's words where it has them). */
    public record Start(boolean started, List<String> problems) {
    }

    private record Started(Future<Integer> exit, ByteArrayOutputStream said) {
    }

    private final ExecutorService closes = Executors.newSingleThreadExecutor(task -> {
        Thread thread = new Thread(task, "console-close");
        thread.setDaemon(true);
        return thread;
    });
    private final Map<PayPeriod, Started> started = new ConcurrentHashMap<>();
    private final CloseCommand close;
    private final CloseHistory history;
    private final InboxLayout inboxes;
    private final ProgressReporter.Board board;
    private final Path out;
    private final PayCalendar calendar;

    public CloseRunner(CloseCommand close, CloseHistory history, ServeProperties serve, InboxLayout inboxes,
            ProgressReporter progress, PayCalendar calendar) {
        this.calendar = calendar;
        this.close = close;
        this.history = history;
        this.inboxes = inboxes;
        this.board = progress.board();
        this.out = serve.out().toAbsolutePath().normalize();
    }

    /**
     * Starts the period's close from its inbox in the configured layout, as {@code close --period --inbox} would
     * (a failed close restarts, a completed one is reported, as there); refused, starting nothing, while the
     * inbox is missing or a close of the period runs here or in another process.
     */
    public Start start(PayPeriod period, String actor) {
        Path inbox = inboxes.inboxOf(period);
        if (!Files.isDirectory(inbox)) {
            return new Start(false, List.of("The inbox folder " + inbox + " does not exist: nothing was started. "
                    + "Put the month's files there first."));
        }
        return launch(period, new CloseRun(period, calendar.schedule(), inbox, out), actor);
    }

    /**
     * Runs the period's latest close again from its own inbox, where the command line would continue it (after
     * approval, after a failure); refused if the period has no close to continue or one is running.
     */
    public Start continueClose(PayPeriod period, String actor) {
        Optional<JobExecution> last = lastExecution(period);
        if (last.isEmpty()) {
            return new Start(false, List.of("No close of " + period + " to continue."));
        }
        return launch(period, CloseRun.from(last.get().getJobParameters()), actor);
    }

    private synchronized Start launch(PayPeriod period, CloseRun run, String actor) {
        Optional<PayPeriod> running = started.entrySet().stream().filter(e -> !e.getValue().exit().isDone())
                .map(Map.Entry::getKey).findFirst();
        if (running.isPresent()) {
            return new Start(false, List.of("The close of " + running.get() + " is running from the console; "
                    + "it runs one close at a time: nothing was started."));
        }
        Optional<List<String>> leaseHeld = close.leaseRefusal(period);
        if (leaseHeld.isPresent()) {
            return new Start(false, leaseHeld.get());
        }
        ByteArrayOutputStream said = new ByteArrayOutputStream();
        PrintStream console = new PrintStream(said, true, StandardCharsets.UTF_8);
        started.put(period, new Started(closes.submit(() -> close.run(run, false, Set.of(), console, console, actor)),
                said));
        return new Start(true, List.of());
    }

    public Progress progress(PayPeriod period) {
        Started run = started.get(period);
        boolean ours = run != null && !run.exit().isDone();
        Optional<JobExecution> last = lastExecution(period);
        // a close running in another process holds the lease; one whose process is gone no longer does
        boolean elsewhere = last.filter(e -> e.getStatus().isRunning()).isPresent()
                && close.leaseRefusal(period).isPresent();
        boolean running = ours || elsewhere;
        List<Step> steps = last.map(this::steps).orElse(List.of());
        String said = run == null ? "" : run.said().toString(StandardCharsets.UTF_8);
        if (running || last.isEmpty()) {
            return new Progress(running, said, steps, running ? "running" : "none", List.of());
        }
        JobExecution execution = last.get();
        CloseRun closeRun = CloseRun.from(execution.getJobParameters());
        if (execution.getStatus().isRunning() || execution.getStatus() == BatchStatus.UNKNOWN) {
            return new Progress(false, said, steps, "interrupted", List.of("The close of " + period + " was "
                    + "interrupted: the process that ran it is gone. Nothing was paid twice. Continue recovers it "
                    + "and restarts it from the step that did not complete."));
        }
        if (execution.getStatus() == BatchStatus.COMPLETED) {
            return new Progress(false, said, steps, "completed", List.of());
        }
        if (CloseHistory.stoppedForReview(execution)) {
            return new Progress(false, said, steps, "review", List.of());
        }
        return new Progress(false, said, steps, execution.getStatus() == BatchStatus.STOPPED ? "stopped" : "failed",
                CloseEnding.of(closeRun, execution).problems());
    }

    /**
     * Every step of the close so far: a restart's execution holds only the steps it ran, so each step is shown
     * as its latest run in any execution of the period's close, in the order the steps first ran.
     */
    private List<Step> steps(JobExecution latest) {
        Map<String, StepExecution> byName = new java.util.LinkedHashMap<>();
        history.jobRepository().getJobExecutions(latest.getJobInstance()).stream()
                .flatMap(execution -> execution.getStepExecutions().stream())
                .filter(s -> !s.getStepName().contains(":")) // a partitioned step's rep ranges count in the step
                .sorted(Comparator.comparingLong(StepExecution::getId))
                .forEach(s -> byName.put(s.getStepName(), s));
        return byName.values().stream().map(s -> step(s.getJobExecutionId(), s)).toList();
    }

    private Step step(long executionId, StepExecution s) {
        Optional<ProgressReporter.Figures> live = board.figures(executionId, s.getStepName());
        // a step without rows has no rate, as the command line prints none ("no rows")
        String rate = live.map(figures -> figures.done() > 0 ? figures.rate() : "").orElseGet(() -> rate(s));
        return new Step(s.getStepName(), s.getStatus().name().toLowerCase(Locale.ROOT), s.getReadCount(),
                s.getWriteCount(), s.getReadSkipCount() + s.getProcessSkipCount(), rate,
                live.map(ProgressReporter.Figures::left).orElse(""));
    }

    /** A step that ran in another process: its rate from the job repository's times, as the CLI would print it. */
    private static String rate(StepExecution s) {
        if (s.getStartTime() == null || s.getReadCount() == 0) {
            return "";
        }
        java.time.LocalDateTime end = s.getEndTime() != null ? s.getEndTime() : s.getLastUpdated();
        double seconds = end == null ? 0 : Duration.between(s.getStartTime(), end).toNanos() / 1e9;
        return seconds <= 0 ? "" : new ProgressReporter.Figures(s.getStepName(), s.getReadCount(), -1, seconds, "")
                .rate();
    }

    private Optional<JobExecution> lastExecution(PayPeriod period) {
        return Optional.ofNullable(history.latestExecution(period, out));
    }

    /** A stopping service lets a running close finish, as the catalog's scheduler does. */
    @Override
    public void destroy() throws InterruptedException {
        closes.shutdown();
        closes.awaitTermination(20, TimeUnit.MINUTES);
    }
}
