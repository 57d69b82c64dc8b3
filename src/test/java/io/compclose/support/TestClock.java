package io.compclose.support;

import java.time.Clock;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.context.annotation.Primary;

/**
 * A clock a test sets, shared with the application's context by adding {@link TestClock.InContext}:
 * the context's clock then reads the time the test chose, so a scheduled job is due when the test says.
 */
public final class TestClock extends Clock {

    private static final TestClock SHARED = new TestClock();

    private volatile Instant now = Instant.EPOCH;

    public static TestClock shared() {
        return SHARED;
    }

    public void set(Instant instant) {
        now = instant;
    }

    @Override
    public Instant instant() {
        return now;
    }

    @Override
    public ZoneId getZone() {
        return ZoneOffset.UTC;
    }

    @Override
    public Clock withZone(ZoneId zone) {
        TestClock self = this;
        return new Clock() {
            @Override
            public Instant instant() {
                return self.instant();
            }

            @Override
            public ZoneId getZone() {
                return zone;
            }

            @Override
            public Clock withZone(ZoneId other) {
                return self.withZone(other);
            }
        };
    }

    /** Puts the shared test clock in the context in place of the system clock. */
    @Configuration(proxyBeanMethods = false)
    public static class InContext {

        @Bean
        @Primary
        Clock testClock() {
            return SHARED;
        }
    }
}
