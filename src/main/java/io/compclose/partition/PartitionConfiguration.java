package io.compclose.partition;

import org.springframework.amqp.core.Queue;
import org.springframework.amqp.core.QueueBuilder;
import org.springframework.batch.core.configuration.annotation.StepScope;
import org.springframework.batch.infrastructure.item.database.JdbcCursorItemReader;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.scheduling.concurrent.ThreadPoolTaskExecutor;

import io.compclose.system.CloseRun;

/** The threads that run rep ranges in this process, and the ranges of the step that runs. */
@Configuration
@EnableConfigurationProperties(PartitionProperties.class)
public class PartitionConfiguration {

    /** Static: a post-processor, bound from the environment before the data source exists. */
    @Bean
    static ConnectionsForRanges connectionsForRanges(org.springframework.core.env.Environment environment) {
        PartitionProperties properties = org.springframework.boot.context.properties.bind.Binder.get(environment)
                .bindOrCreate("compclose.partition", PartitionProperties.class);
        return new ConnectionsForRanges(properties.threadCount());
    }

    @Bean
    ThreadPoolTaskExecutor partitionThreads(PartitionProperties properties) {
        ThreadPoolTaskExecutor executor = new ThreadPoolTaskExecutor();
        executor.setCorePoolSize(properties.threadCount());
        executor.setMaxPoolSize(properties.threadCount());
        executor.setThreadNamePrefix("reps-");
        executor.setWaitForTasksToCompleteOnShutdown(false);
        return executor;
    }

    /**
     * The queue closes send rep ranges to and workers take them from. Durable: ranges sent while no
     * worker runs wait for one, across a broker restart too. Declared on the broker only once a close or
     * worker connects to it.
     */
    @Bean
    Queue rangeQueue(PartitionProperties properties) {
        return QueueBuilder.durable(properties.queue()).build();
    }

    /** Step-scoped: each partitioned step splits the reps of its own close's period. */
    @Bean
    @StepScope
    RepRanges repRanges(CloseRun run, RepRangeRepository reps) {
        return new RepRanges(reps, run.period());
    }

    /** The reader of every range step: the reps of its range, from the range's own step context. */
    @Bean
    @StepScope
    JdbcCursorItemReader<String> repsInRange(CloseRun run,
            @Value("#{stepExecutionContext['" + RepRanges.FIRST_REP + "']}") String firstRep,
            @Value("#{stepExecutionContext['" + RepRanges.LAST_REP + "']}") String lastRep, RepRangeRepository reps) {
        return reps.repsInRange(run.period(), firstRep, lastRep);
    }
}
