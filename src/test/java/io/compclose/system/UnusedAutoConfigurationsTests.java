package io.compclose.system;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;

import org.junit.jupiter.api.Test;
import org.springframework.core.env.MapPropertySource;
import org.springframework.core.env.StandardEnvironment;
import org.springframework.web.context.support.StandardServletEnvironment;

class UnusedAutoConfigurationsTests {

    private static final String[] CANDIDATES = {
        "org.springframework.boot.thymeleaf.autoconfigure.ThymeleafAutoConfiguration",
        "org.springframework.boot.security.autoconfigure.SecurityAutoConfiguration",
        "org.springframework.boot.security.oauth2.client.autoconfigure.OAuth2ClientAutoConfiguration",
        "org.springframework.boot.amqp.autoconfigure.RabbitAutoConfiguration",
        "org.springframework.boot.integration.autoconfigure.IntegrationAutoConfiguration",
        "org.springframework.boot.batch.jdbc.autoconfigure.BatchJdbcAutoConfiguration",
        null, // left out by a filter before this one
    };

    @Test
    void aCommandLineProcessGetsNeitherTheConsoleNorRabbitMq() {
        assertThat(match(new StandardEnvironment())).containsExactly(false, false, false, false, false, true, true);
    }

    @Test
    void serveGetsTheConsoleButNotRabbitMq() {
        assertThat(match(new StandardServletEnvironment())).containsExactly(true, true, true, false, false, true, true);
    }

    @Test
    void aCloseHandingRangesToWorkersAndAWorkerGetRabbitMq() {
        StandardEnvironment remote = new StandardEnvironment();
        remote.getPropertySources().addFirst(new MapPropertySource("line", Map.of("compclose.partition.mode", "remote")));
        assertThat(match(remote)).containsExactly(false, false, false, true, true, true, true);

        StandardServletEnvironment worker = new StandardServletEnvironment();
        worker.setActiveProfiles("worker");
        assertThat(match(worker)).containsExactly(true, true, true, true, true, true, true);
    }

    private static boolean[] match(org.springframework.core.env.Environment environment) {
        UnusedAutoConfigurations filter = new UnusedAutoConfigurations();
        filter.setEnvironment(environment);
        return filter.match(CANDIDATES.clone(), null);
    }
}
