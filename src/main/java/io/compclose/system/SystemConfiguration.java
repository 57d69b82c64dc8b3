package io.compclose.system;

import java.time.Clock;

import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** The clock, the progress reporter and the lease guard every stage shares. */
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

    @Bean
    LeaseGuard leaseGuard(CloseLeases leases) {
        return new LeaseGuard(leases);
    }
}
