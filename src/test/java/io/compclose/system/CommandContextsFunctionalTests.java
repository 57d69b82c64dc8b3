package io.compclose.system;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.PrintStream;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.context.ApplicationContext;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.security.web.SecurityFilterChain;
import org.thymeleaf.ITemplateEngine;

import io.compclose.cli.InProcessServe;
import io.compclose.support.CliRun;
import io.compclose.support.CloseFixture;

/**
 * What each kind of process builds: a close from the command line none of the console (no template engine, no
 * security, none of io.compclose.web), {@code serve} the console, and neither talks to RabbitMQ unless rep ranges go
 * to workers. {@link UnusedAutoConfigurations} decides; these are the contexts a user's commands start.
 */
class CommandContextsFunctionalTests {

    @TempDir
    Path work;

    @Test
    void aCloseFromTheCommandLineBuildsNothingOfTheConsoleNorOfRabbitMq() {
        CloseFixture fixture = CloseFixture.onH2(work.resolve("out"), false);

        CliRun close = fixture.close(Seen.class);

        assertThat(close.exitCode()).as(close.toString()).isZero();
        assertThat(Seen.beans).as("beans of the close's context").isNotEmpty()
                .noneMatch(bean -> bean.startsWith("io.compclose.web."))
                .noneMatch(bean -> bean.startsWith("org.thymeleaf."))
                .noneMatch(bean -> bean.startsWith("org.springframework.security."))
                .noneMatch(bean -> bean.startsWith("org.springframework.amqp.rabbit."))
                .noneMatch(bean -> bean.startsWith("org.springframework.integration."));
    }

    @Test
    void serveBuildsTheConsoleButNoConnectionToRabbitMq() {
        try (ConfigurableApplicationContext serve = InProcessServe.start(work.resolve("serve"),
                new PrintStream(java.io.OutputStream.nullOutputStream()))) {
            assertThat(serve.getBeansOfType(ITemplateEngine.class)).hasSize(1);
            assertThat(serve.getBeansOfType(SecurityFilterChain.class)).isNotEmpty();
            assertThat(serve.getBeanNamesForType(org.springframework.amqp.rabbit.connection.ConnectionFactory.class))
                    .isEmpty();
        }
    }

    /** Keeps the class of every bean the close's context made, as the close finishes. */
    @Configuration(proxyBeanMethods = false)
    static class Seen {

        static volatile List<String> beans = List.of();

        @Bean
        org.springframework.beans.factory.DisposableBean beansSeen(ApplicationContext context) {
            return () -> beans = Arrays.stream(context.getBeanDefinitionNames())
                    .map(name -> context.getType(name, false))
                    .filter(java.util.Objects::nonNull)
                    .map(Class::getName)
                    .toList();
        }
    }
}
