package io.compclose.job;

import org.springframework.batch.core.job.Job;
import org.springframework.batch.core.job.builder.JobBuilder;
import org.springframework.batch.core.repository.JobRepository;
import org.springframework.batch.core.step.Step;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * The daily usage intake: the pay period's month-to-date usage.csv, validated as the close will
 * validate it, into a preview the close never reads. The period and the day identify an instance.
 */
@Configuration
public class UsageIntakeJobConfiguration {

    public static final String JOB_NAME = "usageIntake";

    @Bean
    Job usageIntake(JobRepository jobRepository, Step clearUsagePreview, Step stageUsage, Step publishUsagePreview) {
        return new JobBuilder(JOB_NAME, jobRepository)
                .start(clearUsagePreview)
                .next(stageUsage)
                .next(publishUsagePreview)
                .build();
    }
}
