package io.compclose.system;

import java.io.PrintStream;
import java.time.Duration;
import java.util.Locale;
import java.util.Map;
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
public record ProgressReporter(PrintStream out, boolean terminal, boolean enabled) {

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

    /** A listener for one step; {@code total} estimates its rows, or returns -1 when unknown. */
    public StepProgress listener(ToLongFunction<StepExecution> total) {
        return new StepProgress(total);
    }

    /** Listens to one step; registered both as a step and as a chunk listener. */
    public final class StepProgress implements StepExecutionListener, ChunkListener<Object, Object> {
        private volatile ToLongFunction<StepExecution> totalEstimate;
        private String step;
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
            done = 0;
            startNanos = System.nanoTime();
            lastPrintNanos = startNanos;
            try {
                total = totalEstimate.applyAsLong(stepExecution);
            } catch (RuntimeException e) {
                total = -1; // an estimate is a courtesy; the step itself reports real problems
            }
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
            double seconds = Math.max((now - startNanos) / 1e9, 1e-9);
            String status = stepExecution.getStatus().toString().toLowerCase(Locale.ROOT);
            String rows = done > 0 ? String.format(Locale.ROOT, "%s in %.1f s (%s)", count(step, done), seconds,
                    rate(step, done / seconds))
                    : total >= 0 ? String.format(Locale.ROOT, "in %.1f s (no %s)", seconds,
                            unit(step))
                    : String.format(Locale.ROOT, "in %.1f s", seconds);
            print((terminal ? "\r" : "") + String.format(Locale.ROOT, "  %-20s %-9s %s", step, status, rows)
                    + (terminal ? "          " : "") + System.lineSeparator());
            return null;
        }

        private String line(long now) {
            double seconds = Math.max((now - startNanos) / 1e9, 1e-9);
            double rate = done / seconds;
            StringBuilder text = new StringBuilder(String.format(Locale.ROOT, "  %-20s ", step));
            text.append(total > 0 ? String.format(Locale.ROOT, "%,d / %s", done, count(step, total)) : count(step, done));
            text.append(", ").append(rate(step, rate));
            if (total > done && rate > 0) {
                text.append(String.format(Locale.ROOT, ", about %d s left", Math.round((total - done) / rate)));
            }
            return text.toString();
        }
    }

    private void print(String text) {
        if (enabled) {
            out.print(text);
            out.flush();
        }
    }
}
