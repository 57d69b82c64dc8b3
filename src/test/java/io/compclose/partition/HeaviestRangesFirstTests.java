package io.compclose.partition;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.HashSet;
import java.util.List;
import java.util.Set;

import org.junit.jupiter.api.Test;
import org.springframework.batch.core.job.JobExecution;
import org.springframework.batch.core.job.JobInstance;
import org.springframework.batch.core.job.parameters.JobParameters;
import org.springframework.batch.core.partition.StepExecutionSplitter;
import org.springframework.batch.core.step.StepExecution;

class HeaviestRangesFirstTests {

    private final JobExecution close = new JobExecution(1L, new JobInstance(1L, "monthlyClose"), new JobParameters());

    private StepExecution range(long id, String name, Long weight) {
        StepExecution range = new StepExecution(id, "renderStatementsRange:" + name, close);
        if (weight != null) {
            range.getExecutionContext().putLong(RepRanges.WEIGHT, weight);
        }
        return range;
    }

    @Test
    void rangesAreHandedOutHeaviestFirstThenByName() throws Exception {
        // given Spring Batch's ranges in a hash set, one of them split before ranges were weighed
        Set<StepExecution> ranges = new HashSet<>(List.of(range(11, "reps001", 400L), range(12, "reps002", 900L),
                range(13, "reps003", 120L), range(14, "reps004", 400L), range(15, "reps005", null)));
        StepExecutionSplitter springBatch = new StepExecutionSplitter() {
            @Override
            public String getStepName() {
                return "renderStatementsRange";
            }

            @Override
            public Set<StepExecution> split(StepExecution step, int gridSize) {
                return ranges;
            }
        };

        // when the sorted splitter splits the manager step
        StepExecutionSplitter sorted = HeaviestRangesFirst.sorted(springBatch);
        Set<StepExecution> order = sorted.split(new StepExecution(10L, "renderStatements", close), 5);

        // then the heaviest comes first, equal weights by name, the unweighed last
        assertThat(order.stream().map(StepExecution::getStepName).map(n -> n.substring(n.indexOf(':') + 1)))
                .containsExactly("reps002", "reps001", "reps004", "reps003", "reps005");
        assertThat(sorted.getStepName()).isEqualTo("renderStatementsRange");
    }
}
