package io.compclose.system;

import java.time.Clock;

import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * The clock, the progress reporter, the lease guard, the schema lock recovery and the LOAD DATA folder every
 * stage shares.
 */
@Configuration
@EnableConfigurationProperties({CloseProperties.class, ExtractProperties.class, LeaseProperties.class})
public class SystemConfiguration {

    @Bean
    Clock clock() {
        return Clock.systemDefaultZone();
    }

    @Bean
    ProgressReporter progressReporter(CloseProperties properties) {
        return new ProgressReporter(System.out, System.console() != null, properties.progress());
    }

    /** Static: a post-processor is created before the other beans. */
    @Bean
    static SchemaLockRecovery schemaLockRecovery() {
        return new SchemaLockRecovery();
    }

    /** Static, as a post-processor: it gives the pool its LOAD DATA folder before the first connection. */
    @Bean
    static LocalInfile localInfile() {
        return new LocalInfile();
    }

    @Bean
    LeaseGuard leaseGuard(CloseLeases leases) {
        return new LeaseGuard(leases);
    }
}
