package io.compclose.system;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.Collections;

import org.junit.jupiter.api.Test;
import org.springframework.batch.core.BatchStatus;
import org.springframework.batch.core.job.JobExecution;
import org.springframework.batch.core.job.JobInstance;
import org.springframework.batch.core.job.parameters.JobParameters;
import org.springframework.batch.core.step.StepExecution;
import org.springframework.batch.infrastructure.item.Chunk;

class ProgressReporterTests {

    private final ByteArrayOutputStream printed = new ByteArrayOutputStream();
    private final ProgressReporter log = new ProgressReporter(new PrintStream(printed, true, StandardCharsets.UTF_8),
            false, true);
    private final JobExecution close = new JobExecution(1L, new JobInstance(1L, "monthlyClose"), new JobParameters());

    /** Runs a step of {@code items} items, in chunks of at most 4, through a progress listener. */
    private String run(String name, int items) {
        StepExecution step = new StepExecution(2L, name, close);
        ProgressReporter.StepProgress progress = log.listener(execution -> items);
        progress.beforeStep(step);
        for (int done = 0; done < items; done += 4) {
            progress.afterChunk(new Chunk<>(Collections.nCopies(Math.min(4, items - done), "item")));
        }
        step.setReadCount(items);
        step.setStatus(BatchStatus.COMPLETED);
        progress.afterStep(step);
        return printed.toString(StandardCharsets.UTF_8);
    }

    @Test
    void eachStepCountsItsOwnItems() {
        assertThat(run("renderStatements", 10)).matches("  renderStatements +completed 10 statements in \\d+\\.\\d s "
                + "\\([\\d.,]+ statements/s\\)\n");
        printed.reset();
        assertThat(run("deliverStatements", 1)).matches("  deliverStatements +completed 1 email in .* emails/s\\)\n");
        printed.reset();
        assertThat(run("calculateEarnings", 3)).contains("completed 3 reps in ").contains(" reps/s)");
        printed.reset();
        assertThat(run("loadBookings", 100)).contains("completed 100 rows in ").contains(" rows/s)");
    }

    @Test
    void theFiguresAPageShowsAreTheOnesTheLinePrints() {
        // 1,200 of 4,000 rows in 4 s: 300 rows/s; (4,000 - 1,200) / 300 = 9.3 s left
        ProgressReporter.Figures running = new ProgressReporter.Figures("loadUsage", 1_200, 4_000, 4, null);
        assertThat(running.progress()).isEqualTo("1,200 / 4,000 rows");
        assertThat(running.rate()).isEqualTo("300 rows/s");
        assertThat(running.left()).isEqualTo("about 9 s left");
        assertThat(running.line()).isEqualTo("  loadUsage            1,200 / 4,000 rows, 300 rows/s, about 9 s left");
        // 9 statements in 5 s: 1.8 statements/s; a step that has ended has no time left
        ProgressReporter.Figures ended = new ProgressReporter.Figures("renderStatements", 9, 10, 5, "completed");
        assertThat(ended.rate()).isEqualTo("1.8 statements/s");
        assertThat(ended.left()).isEmpty();
        assertThat(ended.ended()).isEqualTo("  renderStatements     completed 9 statements in 5.0 s (1.8 statements/s)");
    }

    @Test
    void theBoardKeepsEachStepOfEachExecutionAsLastPrinted() {
        run("loadBookings", 12);
        assertThat(log.board().figures(1L, "loadBookings")).get().satisfies(figures -> {
            assertThat(figures.done()).isEqualTo(12);
            assertThat(figures.status()).isEqualTo("completed");
        });
        assertThat(log.board().figures(1L, "loadUsage")).isEmpty();
        assertThat(log.board().figures(2L, "loadBookings")).isEmpty();
    }

    @Test
    void aFileWithoutRowsHasNoRate() {
        assertThat(run("loadSplits", 0)).matches("  loadSplits +completed in \\d+\\.\\d s \\(no rows\\)\n");
    }

    @Test
    void outputThatIsNotATerminalHasNoCarriageReturnOrEscape() {
        String printed = run("loadBookings", 12);

        assertThat(printed).doesNotContain("\r").doesNotContain("\u001b");
    }
}
