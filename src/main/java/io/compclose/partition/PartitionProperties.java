package io.compclose.partition;

import java.time.Duration;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * How the calculation and the statements are spread, bound from {@code compclose.partition.*}.
 *
 * @param mode         {@code local}: rep ranges run on this process's threads; {@code remote}: they are
 *                     handed to {@code serve --worker} processes through RabbitMQ
 * @param threads      rep ranges run at once in this process, the close's or a worker's (0: one per processor)
 * @param gridSize     rep ranges per step (0: four per thread: reps differ in work, managers' statements run to
 *                     pages, and a thread or worker that finishes early takes the next range instead of waiting
 *                     for the slowest; a slow or lost worker holds up little)
 * @param pollInterval how often the close looks in the job repository for the workers' progress
 * @param timeout      how long the close waits for the workers before it fails the step, to be restarted
 * @param queue        the RabbitMQ queue the close hands rep ranges to and the workers take them from
 */
@ConfigurationProperties("compclose.partition")
public record PartitionProperties(
        @DefaultValue("local") Mode mode,
        @DefaultValue("0") int threads,
        @DefaultValue("0") int gridSize,
        @DefaultValue("1s") Duration pollInterval,
        @DefaultValue("2h") Duration timeout,
        @DefaultValue("compclose.partitions") String queue) {

    public enum Mode {
        LOCAL, REMOTE
    }

    /** The rep ranges this process runs at once. */
    public int threadCount() {
        return threads > 0 ? threads : Runtime.getRuntime().availableProcessors();
    }

    /** The rep ranges a step is split into. */
    public int rangeCount() {
        return gridSize > 0 ? gridSize : 4 * threadCount();
    }
}
