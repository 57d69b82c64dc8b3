package io.compclose.web;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.concurrent.atomic.AtomicReference;

import org.junit.jupiter.api.Test;
import org.springframework.security.authentication.BadCredentialsException;
import org.springframework.security.authentication.LockedException;
import org.springframework.security.authentication.TestingAuthenticationProvider;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.authentication.TestingAuthenticationToken;

class LoginThrottleTests {

    private final AtomicReference<Instant> now = new AtomicReference<>(Instant.parse("2026-11-02T09:00:00Z"));
    private final Clock clock = new Clock() {
        @Override
        public java.time.ZoneId getZone() {
            return ZoneOffset.UTC;
        }

        @Override
        public Clock withZone(java.time.ZoneId zone) {
            return this;
        }

        @Override
        public Instant instant() {
            return now.get();
        }
    };
    private final LoginThrottle throttle = new LoginThrottle(clock);

    @Test
    void fiveFailuresAreFreeThenEachFailureDoublesTheWait() {
        for (int i = 0; i < 5; i++) {
            assertThat(throttle.wait("Finance")).isEmpty();
            throttle.failed("finance");
        }
        assertThat(throttle.wait("FINANCE")).hasValue(Duration.ofSeconds(1));
        assertThat(throttle.wait("payroll")).as("another user is not slowed").isEmpty();
        now.set(now.get().plusSeconds(1));
        assertThat(throttle.wait("finance")).isEmpty();
        throttle.failed("finance");
        assertThat(throttle.wait("finance")).hasValue(Duration.ofSeconds(2));
        for (int i = 0; i < 20; i++) {
            throttle.failed("finance");
        }
        assertThat(throttle.wait("finance")).as("at most five minutes").hasValue(Duration.ofMinutes(5));
        throttle.succeeded("finance");
        assertThat(throttle.wait("finance")).isEmpty();
    }

    @Test
    void duringTheWaitThePasswordIsNotEvenChecked() {
        TestingAuthenticationProvider accepts = new TestingAuthenticationProvider();
        ThrottledAuthentication signIn = new ThrottledAuthentication(new org.springframework.security.authentication
                .AuthenticationProvider() {
            @Override
            public org.springframework.security.core.Authentication authenticate(
                    org.springframework.security.core.Authentication attempt) {
                if (!"right".equals(attempt.getCredentials())) {
                    throw new BadCredentialsException("bad");
                }
                return accepts.authenticate(new TestingAuthenticationToken(attempt.getName(), "right"));
            }

            @Override
            public boolean supports(Class<?> type) {
                return true;
            }
        }, throttle);
        for (int i = 0; i < 5; i++) {
            assertThatThrownBy(() -> signIn.authenticate(new UsernamePasswordAuthenticationToken("rep", "guess")))
                    .isInstanceOf(BadCredentialsException.class);
        }
        assertThatThrownBy(() -> signIn.authenticate(new UsernamePasswordAuthenticationToken("rep", "right")))
                .isInstanceOf(LockedException.class).hasMessage("Too many failed sign-ins: try again in 1 s.");
        now.set(now.get().plusSeconds(1));
        assertThat(signIn.authenticate(new UsernamePasswordAuthenticationToken("rep", "right")).getName())
                .isEqualTo("rep");
        assertThat(throttle.wait("rep")).isEmpty();
    }
}
