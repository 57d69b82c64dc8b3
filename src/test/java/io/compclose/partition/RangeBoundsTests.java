package io.compclose.partition;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.lang.reflect.Proxy;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.junit.jupiter.api.Test;
import org.springframework.batch.core.job.JobExecution;
import org.springframework.batch.core.job.JobExecutionException;
import org.springframework.batch.core.job.JobInstance;
import org.springframework.batch.core.job.parameters.JobParameters;
import org.springframework.batch.core.partition.Partitioner;
import org.springframework.batch.core.partition.StepExecutionSplitter;
import org.springframework.batch.core.repository.JobRepository;
import org.springframework.batch.core.step.StepExecution;
import org.springframework.batch.infrastructure.item.ExecutionContext;

/**
 * A close killed between Spring Batch recording a rep range and storing its bounds left the range with
 * an empty context, which the restart handed back: the range read no rep (CrashRecoveryIT: eleven credits
 * of R007 without an earning line). The restart gives it its bounds from the same split made again.
 */
class RangeBoundsTests {

    private final JobExecution close = new JobExecution(2L, new JobInstance(1L, "monthlyClose"), new JobParameters());
    private final List<String> stored = new ArrayList<>();
    private final JobRepository jobRepository = (JobRepository) Proxy.newProxyInstance(getClass().getClassLoader(),
            new Class<?>[] {JobRepository.class}, (proxy, method, args) -> {
                if (method.getName().equals("updateExecutionContext") && args[0] instanceof StepExecution range) {
                    stored.add(range.getStepName() + " " + range.getExecutionContext().getString(RepRanges.FIRST_REP)
                            + ".." + range.getExecutionContext().getString(RepRanges.LAST_REP));
                    return null;
                }
                throw new UnsupportedOperationException(method.getName());
            });

    /** R001..R010 in three ranges, as RepRanges splits them. */
    private final Partitioner reps = gridSize -> RepRanges.split(java.util.stream.IntStream.rangeClosed(1, 10)
            .mapToObj(i -> new RepRanges.WeighedRep(String.format("R%03d", i), 1)).toList(), gridSize);

    private StepExecution range(long id, String name, Map<String, ExecutionContext> bounds) {
        StepExecution range = new StepExecution(id, "calculateEarningsRange:" + name, close);
        if (bounds != null) {
            range.setExecutionContext(bounds.get(name));
        }
        return range;
    }

    private StepExecutionSplitter springBatch(Set<StepExecution> ranges) {
        return new StepExecutionSplitter() {
            @Override
            public String getStepName() {
                return "calculateEarningsRange";
            }

            @Override
            public Set<StepExecution> split(StepExecution step, int gridSize) {
                return ranges;
            }
        };
    }

    @Test
    void aRangeRecordedWithoutItsRepsGetsThemFromTheSameSplitMadeAgain() throws Exception {
        // given a restart of a step first split into three ranges, whose reps002 was recorded but its bounds never
        // stored (the close was killed in between), and reps001 and reps003 were stored as usual
        Map<String, ExecutionContext> first = reps.partition(3);
        Set<StepExecution> restarted = new LinkedHashSet<>(List.of(range(21, "reps001", first),
                range(22, "reps002", null), range(23, "reps003", first)));
        StepExecution step = new StepExecution(20L, "calculateEarnings", close);
        step.getExecutionContext().putLong("SimpleStepExecutionSplitter.GRID_SIZE", 3);

        // when the restart splits the step (asked for five ranges now: the first split's three count)
        Set<StepExecution> split = RangeBounds.restored(springBatch(restarted), reps, jobRepository).split(step, 5);

        // then reps002 has the reps of the first split's reps002, stored for the thread or worker that runs it,
        // and the other ranges keep their own
        assertThat(split).extracting(r -> r.getExecutionContext().getString(RepRanges.FIRST_REP) + ".."
                + r.getExecutionContext().getString(RepRanges.LAST_REP)).containsExactly(
                        first.get("reps001").getString(RepRanges.FIRST_REP) + ".." + first.get("reps001")
                                .getString(RepRanges.LAST_REP),
                        "R004..R007", first.get("reps003").getString(RepRanges.FIRST_REP) + ".." + first.get("reps003")
                                .getString(RepRanges.LAST_REP));
        assertThat(first.get("reps002").getString(RepRanges.FIRST_REP)).isEqualTo("R004");
        assertThat(split.stream().filter(r -> r.getStepName().endsWith("reps002")).findFirst().orElseThrow()
                .getExecutionContext().getLong(RepRanges.REPS)).isEqualTo(4);
        assertThat(stored).containsExactly("calculateEarningsRange:reps002 R004..R007");
    }

    @Test
    void aRangeTheRepsNoLongerSplitIntoFailsTheStepRatherThanReadNoRep() {
        // given a range recorded without its bounds under a name the split does not give
        Set<StepExecution> restarted = new LinkedHashSet<>(List.of(range(22, "reps009", null)));
        StepExecution step = new StepExecution(20L, "calculateEarnings", close);

        // when / then
        assertThatThrownBy(() -> RangeBounds.restored(springBatch(restarted), reps, jobRepository).split(step, 3))
                .isInstanceOf(JobExecutionException.class)
                .hasMessage("rep range calculateEarningsRange:reps009 was recorded without its reps, and splitting "
                        + "the reps again gives no such range");
        assertThat(stored).isEmpty();
    }
}
