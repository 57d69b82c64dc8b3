package io.compclose.delivery;

import java.time.Duration;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * How hard delivery tries, bound from {@code compclose.delivery.*}.
 *
 * @param attempts    SMTP attempts per statement when the server answers "try again later" (4xx) or
 *                    cannot be reached; a permanent refusal (5xx) is not retried
 * @param backoff     the wait before the second attempt; each further wait doubles
 * @param giveUpAfter statements in a row that still fail after their attempts before delivery stops
 *                    (the server is down: the close fails, and the same command retries them later)
 */
@ConfigurationProperties("compclose.delivery")
public record DeliveryProperties(
        @DefaultValue("3") int attempts,
        @DefaultValue("2s") Duration backoff,
        @DefaultValue("5") int giveUpAfter) {
}
