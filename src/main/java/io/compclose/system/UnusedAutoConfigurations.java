package io.compclose.system;

import java.util.Arrays;
import java.util.List;

import org.springframework.boot.autoconfigure.AutoConfigurationImportFilter;
import org.springframework.boot.autoconfigure.AutoConfigurationMetadata;
import org.springframework.context.EnvironmentAware;
import org.springframework.core.Ordered;
import org.springframework.core.env.Environment;
import org.springframework.core.env.Profiles;
import org.springframework.web.context.ConfigurableWebEnvironment;

/**
 * Leaves out the auto-configuration a command cannot use, so that it neither loads nor sets it up:
 * <ul>
 * <li>the console's (Thymeleaf, Spring Security, OAuth2 sign-in) outside a web application: a close, approve or
 * status from the command line starts no web server, and the console must add no time to them;</li>
 * <li>RabbitMQ and Spring Integration unless rep ranges go to workers ({@code compclose.partition.mode=remote}, or
 * a worker's {@code serve --worker}): every other process, {@code serve} included, would only build a connection
 * factory and channels it never uses.</li>
 * </ul>
 * Registered in {@code META-INF/spring.factories}; Spring Boot asks it before it reads any of these classes.
 */
public final class UnusedAutoConfigurations implements AutoConfigurationImportFilter, EnvironmentAware, Ordered {

    private static final List<String> CONSOLE = List.of(
            "org.springframework.boot.thymeleaf.autoconfigure.",
            "org.springframework.boot.security.");
    private static final List<String> WORKER_HAND_OFF = List.of(
            "org.springframework.boot.amqp.autoconfigure.",
            "org.springframework.boot.integration.autoconfigure.");

    private Environment environment;

    @Override
    public void setEnvironment(Environment environment) {
        this.environment = environment;
    }

    /** Before Spring Boot's own filters, which load the classes a candidate's conditions name to see if they exist. */
    @Override
    public int getOrder() {
        return Ordered.HIGHEST_PRECEDENCE;
    }

    @Override
    public boolean[] match(String[] candidates, AutoConfigurationMetadata metadata) {
        boolean web = environment instanceof ConfigurableWebEnvironment;
        boolean handsOff = "remote".equals(environment.getProperty("compclose.partition.mode"))
                || environment.acceptsProfiles(Profiles.of("worker"));
        boolean[] match = new boolean[candidates.length];
        Arrays.fill(match, true);
        for (int i = 0; i < candidates.length; i++) {
            String candidate = candidates[i];
            if (candidate != null && (!web && startsWithAny(candidate, CONSOLE)
                    || !handsOff && startsWithAny(candidate, WORKER_HAND_OFF))) {
                match[i] = false;
            }
        }
        return match;
    }

    private static boolean startsWithAny(String candidate, List<String> prefixes) {
        return prefixes.stream().anyMatch(candidate::startsWith);
    }
}
