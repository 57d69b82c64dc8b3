package io.compclose.system;

import java.io.PrintStream;
import java.time.Duration;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.ToLongFunction;

import org.springframework.batch.core.ExitStatus;
import org.springframework.batch.core.listener.ChunkListener;
import org.springframework.batch.core.listener.StepExecutionListener;
import org.springframework.batch.core.step.StepExecution;
import org.springframework.batch.infrastructure.item.Chunk;

/**
 * Shows each step's progress while a close runs: items done, rate and, where the total is known,
 * an estimate of the time left. On a terminal it rewrites one line in place; otherwise (a log,
 * CI, a pipe) it prints a plain line at most every few seconds and one when the step ends.
 */
public record ProgressReporter(PrintStream out, boolean terminal, boolean enabled, Board board) {

    public ProgressReporter(PrintStream out, boolean terminal, boolean enabled) {
        this(out, terminal, enabled, new Board());
    }

    private static final Duration LOG_EVERY = Duration.ofSeconds(5);

    /** What a step's items are, where they are not input rows: a rate in rows/s says nothing of statements. */
    private static final Map<String, String> UNITS = Map.of("creditBookings", "bookings", "calculateEarnings", "reps",
            "renderStatements", "statements", "deliverStatements", "emails");

    private static String unit(String step) {
        return UNITS.getOrDefault(step, "rows");
    }

    /** Items of a step, singular and plural: {@code 1 statement}, {@code 10 statements}. */
    static String count(String step, long items) {
        String unit = unit(step);
        return String.format(Locale.ROOT, "%,d %s", items, items == 1 ? unit.substring(0, unit.length() - 1) : unit);
    }

    /** A rate with a decimal below 10, where a whole number would round 1.8 statements/s to 2. */
    static String rate(String step, double perSecond) {
        return String.format(Locale.ROOT, perSecond < 10 ? "%.1f %s/s" : "%,.0f %s/s", perSecond,
                unit(step));
    }

    /**
     * Where a step stands, in the figures the command line prints: items done of the total (-1: unknown), over
     * the seconds since the step started, the rate, and the time left.
     */
    public record Figures(String step, long done, long total, double seconds, String status) {

        public String rate() {
            return ProgressReporter.rate(step, done / Math.max(seconds, 1e-9));
        }

        /** "1,200 / 4,000 rows", or "1,200 rows" where the total is unknown. */
        public String progress() {
            return total > 0 ? String.format(Locale.ROOT, "%,d / %s", done, count(step, total)) : count(step, done);
        }

        /** "about 12 s left", or empty where the total is unknown, reached or the step has ended. */
        public String left() {
            double perSecond = done / Math.max(seconds, 1e-9);
            return status == null && total > done && perSecond > 0
                    ? String.format(Locale.ROOT, "about %d s left", Math.round((total - done) / perSecond)) : "";
        }

        /** The running line: "  loadUsage  1,200 / 4,000 rows, 300 rows/s, about 9 s left". */
        String line() {
            String left = left();
            return String.format(Locale.ROOT, "  %-20s ", step) + progress() + ", " + rate()
                    + (left.isEmpty() ? "" : ", " + left);
        }

        /** The step's last line: "  loadUsage  completed 4,000 rows in 12.0 s (333 rows/s)". */
        String ended() {
            String rows = done > 0 ? String.format(Locale.ROOT, "%s in %.1f s (%s)", count(step, done), seconds, rate())
                    : total >= 0 ? String.format(Locale.ROOT, "in %.1f s (no %s)", seconds, unit(step))
                    : String.format(Locale.ROOT, "in %.1f s", seconds);
            return String.format(Locale.ROOT, "  %-20s %-9s %s", step, status, rows);
        }
    }

    /**
     * The steps' figures as last printed, by job execution, for a page that shows a close run in this process
     * (the console) with the same figures as the command line.
     */
    public static final class Board {
        private record Live(long startNanos, long done, long total, long endNanos, String status) {
        }

        private final Map<Long, Map<String, Live>> executions = new ConcurrentHashMap<>();

        void put(long jobExecutionId, String step, Live live) {
            executions.computeIfAbsent(jobExecutionId, id -> new ConcurrentHashMap<>()).put(step, live);
        }

        /** The step's figures now, if it ran in this process under that job execution. */
        public java.util.Optional<Figures> figures(long jobExecutionId, String step) {
            Live live = executions.getOrDefault(jobExecutionId, Map.of()).get(step);
            if (live == null) {
                return java.util.Optional.empty();
            }
            long until = live.status() == null ? System.nanoTime() : live.endNanos();
            return java.util.Optional.of(new Figures(step, live.done(), live.total(),
                    Math.max((until - live.startNanos()) / 1e9, 1e-9), live.status()));
        }
    }

    /** A listener for one step; {@code total} estimates its rows, or returns -1 when unknown. */
    public StepProgress listener(ToLongFunction<StepExecution> total) {
        return new StepProgress(total);
    }

    /** Listens to one step; registered both as a step and as a chunk listener. */
    public final class StepProgress implements StepExecutionListener, ChunkListener<Object, Object> {
        private volatile ToLongFunction<StepExecution> totalEstimate;
        private String step;
        private long jobExecutionId;
        private long total = -1;
        private long done;
        private long startNanos;
        private long lastPrintNanos;

        StepProgress(ToLongFunction<StepExecution> totalEstimate) {
            this.totalEstimate = totalEstimate;
        }

        @Override
        public synchronized void beforeStep(StepExecution stepExecution) {
            step = stepExecution.getStepName();
            jobExecutionId = stepExecution.getJobExecutionId();
            done = 0;
            startNanos = System.nanoTime();
            lastPrintNanos = startNanos;
            try {
                total = totalEstimate.applyAsLong(stepExecution);
            } catch (RuntimeException e) {
                total = -1; // an estimate is a courtesy; the step itself reports real problems
            }
            publish(startNanos, null);
        }

        private void publish(long now, String status) {
            board.put(jobExecutionId, step, new Board.Live(startNanos, done, total, now, status));
        }

        /** Estimates the total with {@code total} from now on: a partitioned step knows it only once built. */
        public StepProgress estimating(ToLongFunction<StepExecution> total) {
            totalEstimate = total;
            return this;
        }

        /**
         * Only the chunks, for the steps that run a partitioned step's rep ranges: they add to its one
         * line, whichever thread they run on. In a worker process, where the partitioned step does not
         * run, they show nothing.
         */
        public ChunkListener<Object, Object> chunks() {
            return new ChunkListener<>() {
                @Override
                public void afterChunk(Chunk<Object> chunk) {
                    StepProgress.this.afterChunk(chunk);
                }
            };
        }

        @Override
        public synchronized void afterChunk(Chunk<Object> chunk) {
            if (step == null) {
                return;
            }
            done += chunk.size();
            long now = System.nanoTime();
            publish(now, null);
            if (terminal) {
                print("\r" + line(now) + "   ");
            } else if (now - lastPrintNanos >= LOG_EVERY.toNanos()) {
                print(line(now) + System.lineSeparator());
                lastPrintNanos = now;
            }
        }

        @Override
        public synchronized ExitStatus afterStep(StepExecution stepExecution) {
            // a partitioned step's ranges may have run elsewhere: its own count is their sum
            done = Math.max(done, stepExecution.getReadCount());
            long now = System.nanoTime();
            String status = stepExecution.getStatus().toString().toLowerCase(Locale.ROOT);
            publish(now, status);
            print((terminal ? "\r" : "") + figures(now, status).ended() + (terminal ? "          " : "")
                    + System.lineSeparator());
            return null;
        }

        private Figures figures(long now, String status) {
            return new Figures(step, done, total, Math.max((now - startNanos) / 1e9, 1e-9), status);
        }

        private String line(long now) {
            return figures(now, null).line();
        }
    }

    private void print(String text) {
        if (enabled) {
            out.print(text);
            out.flush();
        }
    }
}
