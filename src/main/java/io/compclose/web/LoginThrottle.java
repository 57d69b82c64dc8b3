package io.compclose.web;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Slows repeated failed sign-ins to one username: after {@value #FREE_FAILURES} failures in a row, the next
 * attempt must wait a second, and each further failure doubles the wait, to at most five minutes. The password
 * is not even checked during the wait, so guessing gets no faster with more requests.
 */
public final class LoginThrottle {

    static final int FREE_FAILURES = 5;
    private static final Duration LONGEST_WAIT = Duration.ofMinutes(5);

    private record Failures(int count, Instant last) {
    }

    private final Map<String, Failures> failures = new ConcurrentHashMap<>();
    private final Clock clock;

    public LoginThrottle(Clock clock) {
        this.clock = clock;
    }

    /** How long the username must still wait before a password is checked again, if it must. */
    public Optional<Duration> wait(String username) {
        Failures seen = failures.get(key(username));
        if (seen == null || seen.count() < FREE_FAILURES) {
            return Optional.empty();
        }
        Duration wait = Duration.ofSeconds(1L << Math.min(seen.count() - FREE_FAILURES, 20));
        Duration left = (wait.compareTo(LONGEST_WAIT) > 0 ? LONGEST_WAIT : wait)
                .minus(Duration.between(seen.last(), clock.instant()));
        return left.isNegative() || left.isZero() ? Optional.empty() : Optional.of(left);
    }

    public void failed(String username) {
        failures.merge(key(username), new Failures(1, clock.instant()),
                (before, now) -> new Failures(before.count() + 1, now.last()));
    }

    public void succeeded(String username) {
        failures.remove(key(username));
    }

    private static String key(String username) {
        return username == null ? "" : username.toLowerCase(Locale.ROOT);
    }
}
