package io.compclose.partition;

import org.springframework.amqp.rabbit.connection.ConnectionFactory;
import org.springframework.batch.core.repository.JobRepository;
import org.springframework.batch.integration.partition.BeanFactoryStepLocator;
import org.springframework.batch.integration.partition.StepExecutionRequestHandler;
import org.springframework.beans.factory.BeanFactory;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.context.annotation.Profile;
import org.springframework.integration.amqp.dsl.Amqp;
import org.springframework.integration.dsl.IntegrationFlow;

/**
 * {@code serve --worker}: takes rep ranges from RabbitMQ, as many at once as it has threads, and runs
 * them against the shared database. One range per consumer at a time (prefetch 1), so ranges queue at
 * the broker, not inside a worker that may die.
 */
@Configuration
@Profile(WorkerConfiguration.PROFILE)
public class WorkerConfiguration {

    public static final String PROFILE = "worker";

    @Bean
    RangeWork rangeWork(JobRepository jobRepository, BeanFactory beanFactory) {
        BeanFactoryStepLocator steps = new BeanFactoryStepLocator();
        steps.setBeanFactory(beanFactory);
        StepExecutionRequestHandler handler = new StepExecutionRequestHandler();
        handler.setJobRepository(jobRepository);
        handler.setStepLocator(steps);
        return new RangeWork(jobRepository, handler);
    }

    @Bean
    IntegrationFlow rangesFromCloses(ConnectionFactory rabbit, PartitionProperties properties, RangeWork work) {
        return IntegrationFlow.from(Amqp.inboundAdapter(rabbit, properties.queue())
                        .configureContainer(container -> container
                                .concurrentConsumers(properties.threadCount())
                                .prefetchCount(1)))
                .handle(String.class, (message, headers) -> {
                    work.run(message);
                    return null;
                })
                .get();
    }
}
