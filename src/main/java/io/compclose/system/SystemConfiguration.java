package io.compclose.system;

import java.time.Clock;

import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** The clock and the progress reporter every stage shares. */
@Configuration
@EnableConfigurationProperties({CloseProperties.class, ExtractProperties.class})
public class SystemConfiguration {

    @Bean
    Clock clock() {
        return Clock.systemDefaultZone();
    }

    @Bean
    ProgressReporter progressReporter(CloseProperties properties) {
        return new ProgressReporter(System.out, System.console() != null, properties.progress());
    }
}
