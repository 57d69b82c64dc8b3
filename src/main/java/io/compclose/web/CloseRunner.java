package io.compclose.web;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.YearMonth;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import org.springframework.batch.core.job.JobExecution;
import org.springframework.batch.core.step.StepExecution;
import org.springframework.beans.factory.DisposableBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnWebApplication;
import org.springframework.stereotype.Component;

import io.compclose.cli.CloseCommand;
import io.compclose.cli.CloseHistory;
import io.compclose.cli.ServeProperties;
import io.compclose.system.CloseRun;

/**
 * Continues a period's close from the console, as typing the close command again would: the same command
 * object, so the same lease (a close from the console and one from the command line never run at once), the
 * same decisions and the same audit. It runs beside the web requests, one close at a time, and keeps what it
 * printed for the page that follows it.
 */
@Component
@ConditionalOnWebApplication(type = ConditionalOnWebApplication.Type.SERVLET)
public class CloseRunner implements DisposableBean {

    /** A step of the latest execution, as the page lists it. */
    public record Step(String name, String status, long read, long written, long rejected) {
    }

    /** What the page shows of a period's close: whether it runs, what it said, and its steps. */
    public record Progress(boolean running, String said, List<Step> steps) {
    }

    private record Started(Future<Integer> exit, ByteArrayOutputStream said) {
    }

    private final ExecutorService closes = Executors.newSingleThreadExecutor(task -> {
        Thread thread = new Thread(task, "console-close");
        thread.setDaemon(true);
        return thread;
    });
    private final Map<YearMonth, Started> started = new ConcurrentHashMap<>();
    private final CloseCommand close;
    private final CloseHistory history;
    private final Path out;

    public CloseRunner(CloseCommand close, CloseHistory history, ServeProperties serve) {
        this.close = close;
        this.history = history;
        this.out = serve.out().toAbsolutePath().normalize();
    }

    /**
     * Runs the period's latest close again from its own inbox, where the command line would continue it (after
     * approval, after a failure); false if the period has no close to continue.
     */
    public boolean continueClose(YearMonth period) {
        Optional<JobExecution> last = lastExecution(period);
        if (last.isEmpty() || started.containsKey(period) && !started.get(period).exit().isDone()) {
            return false;
        }
        CloseRun run = CloseRun.from(last.get().getJobParameters());
        ByteArrayOutputStream said = new ByteArrayOutputStream();
        PrintStream console = new PrintStream(said, true, StandardCharsets.UTF_8);
        started.put(period, new Started(closes.submit(() -> close.run(run, false, Set.of(), console, console)), said));
        return true;
    }

    public Progress progress(YearMonth period) {
        Started run = started.get(period);
        List<Step> steps = lastExecution(period).map(execution -> execution.getStepExecutions().stream()
                .sorted(Comparator.comparingLong(StepExecution::getId))
                .map(s -> new Step(s.getStepName(), s.getStatus().name().toLowerCase(java.util.Locale.ROOT),
                        s.getReadCount(), s.getWriteCount(), s.getReadSkipCount() + s.getProcessSkipCount()))
                .toList()).orElse(List.of());
        return new Progress(run != null && !run.exit().isDone(),
                run == null ? "" : run.said().toString(StandardCharsets.UTF_8), steps);
    }

    private Optional<JobExecution> lastExecution(YearMonth period) {
        return Optional.ofNullable(history.latestExecution(period, out));
    }

    /** A stopping service lets a running close finish, as the catalog's scheduler does. */
    @Override
    public void destroy() throws InterruptedException {
        closes.shutdown();
        closes.awaitTermination(20, java.util.concurrent.TimeUnit.MINUTES);
    }
}
