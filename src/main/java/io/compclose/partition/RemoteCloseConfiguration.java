package io.compclose.partition;

import org.springframework.amqp.core.AmqpTemplate;
import org.springframework.batch.core.repository.JobRepository;
import org.springframework.batch.integration.partition.StepExecutionRequest;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.env.Environment;
import org.springframework.integration.amqp.dsl.Amqp;
import org.springframework.integration.channel.DirectChannel;
import org.springframework.integration.dsl.IntegrationFlow;

/** {@code compclose.partition.mode=remote}: the close sends its rep ranges to RabbitMQ. */
@Configuration
@ConditionalOnProperty(name = "compclose.partition.mode", havingValue = "remote")
public class RemoteCloseConfiguration {

    @Bean
    DirectChannel rangeRequests() {
        return new DirectChannel();
    }

    @Bean
    IntegrationFlow rangesToWorkers(DirectChannel rangeRequests, AmqpTemplate amqp, PartitionProperties properties) {
        return IntegrationFlow.from(rangeRequests)
                .transform(StepExecutionRequest.class, RangeRequests::encode)
                .handle(Amqp.outboundAdapter(amqp).routingKey(properties.queue()))
                .get();
    }

    /** Workers write to the close's own database: the embedded one, which no other process can open, is refused. */
    @Bean
    RemotePartitions remotePartitions(JobRepository jobRepository, DirectChannel rangeRequests,
            PartitionProperties properties, Environment environment) {
        if (environment.getProperty("spring.datasource.url", "").startsWith("jdbc:h2:")) {
            throw new IllegalStateException("compclose.partition.mode=remote hands rep ranges to workers that write to "
                    + "the close's database, and the embedded database cannot be shared: set SPRING_DATASOURCE_URL "
                    + "to a MySQL or MariaDB database, or leave compclose.partition.mode at local");
        }
        return new RemotePartitions(jobRepository, rangeRequests, properties);
    }
}
