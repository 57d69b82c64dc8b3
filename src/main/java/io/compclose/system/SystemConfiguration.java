package io.compclose.system;

import java.time.Clock;

import org.springframework.batch.core.step.StepExecution;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.context.annotation.Scope;
import org.springframework.context.annotation.ScopedProxyMode;

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
        return new ProgressReporter(System.out, terminal(), properties.progress());
    }

    /**
     * Whether the console is a terminal, where a line may be rewritten in place. From Java 22 on a console
     * exists even when the output goes to a file, and says whether it is a terminal; before, it is one.
     */
    private static boolean terminal() {
        java.io.Console console = System.console();
        if (console == null) {
            return false;
        }
        try {
            return (Boolean) java.io.Console.class.getMethod("isTerminal").invoke(console);
        } catch (ReflectiveOperationException e) {
            return true;
        }
    }

    /** Static: a post-processor is created before the other beans. */
    @Bean
    static SchemaLockRecovery schemaLockRecovery() {
        return new SchemaLockRecovery();
    }

    /** Static, as a post-processor: it decides whether Liquibase runs before it is initialised. */
    @Bean
    static CurrentSchema currentSchema() {
        return new CurrentSchema();
    }

    /** Static, as a post-processor: it gives the pool its LOAD DATA folder before the first connection. */
    @Bean
    static LocalInfile localInfile() {
        return new LocalInfile();
    }

    /**
     * The close a step works for, read once from the job parameters for the beans of that step. Scoped to
     * the step, not the job: a remote worker runs steps outside their job, where job scope is not active.
     * Not proxied: only step-scoped beans ask for it, and a record cannot be subclassed.
     */
    @Bean
    @Scope(value = "step", proxyMode = ScopedProxyMode.NO)
    CloseRun closeRun(@Value("#{stepExecution}") StepExecution step) {
        return CloseRun.of(step);
    }

    @Bean
    LeaseGuard leaseGuard(CloseLeases leases) {
        return new LeaseGuard(leases);
    }
}
