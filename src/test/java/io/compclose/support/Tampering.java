package io.compclose.support;

import java.util.List;

import org.springframework.batch.core.listener.StepExecutionListener;
import org.springframework.batch.core.step.AbstractStep;
import org.springframework.batch.core.step.StepExecution;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.config.BeanPostProcessor;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.Ordered;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * Added to the close's context by a test: changes the close's database once, just before a named
 * step starts, as a defect in an earlier step (or a hand edit between steps) would leave it. It works
 * before any step, tasklet or chunk, so each hand-off of the close can be broken in turn.
 */
@Configuration(proxyBeanMethods = false)
public class Tampering {

    private static volatile String step;
    private static volatile List<String> changes = List.of();

    /** Before {@code stepName} next starts, runs each statement; each must change at least one row. */
    public static void before(String stepName, String... sql) {
        step = stepName;
        changes = List.of(sql);
    }

    public static boolean done() {
        return step == null;
    }

    @Bean
    static BeanPostProcessor tamperingBeforeSteps(ObjectProvider<JdbcTemplate> jdbc) {
        return new BeanPostProcessor() {
            @Override
            public Object postProcessAfterInitialization(Object bean, String beanName) {
                if (bean instanceof AbstractStep target) {
                    target.registerStepExecutionListener(new BeforeStep(target.getName(), jdbc));
                }
                return bean;
            }
        };
    }

    /** Ordered first, so the change is made before the step's own listeners check anything. */
    private record BeforeStep(String name, ObjectProvider<JdbcTemplate> jdbc)
            implements StepExecutionListener, Ordered {

        @Override
        public void beforeStep(StepExecution execution) {
            if (name.equals(step)) {
                step = null;
                changes.forEach(sql -> tamper(jdbc.getObject(), sql));
            }
        }

        @Override
        public int getOrder() {
            return Ordered.HIGHEST_PRECEDENCE;
        }
    }

    private static void tamper(JdbcTemplate jdbc, String sql) {
        if (jdbc.update(sql) == 0) {
            throw new IllegalStateException("tampering changed no row (the test's break was not injected): " + sql);
        }
    }
}
