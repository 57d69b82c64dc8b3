package io.compclose.system;

import java.time.Duration;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * How a running close shows it is alive, bound from {@code compclose.lease.*}.
 *
 * @param duration  how long a lease lasts without a heartbeat: after a crash, the same close can
 *                  be run again (and recovers the dead one's execution) once this has passed
 * @param heartbeat how often a running close renews its lease; well below {@code duration}, so a
 *                  slow database or a long garbage collection does not lose it
 */
@ConfigurationProperties("compclose.lease")
public record LeaseProperties(
        @DefaultValue("30s") Duration duration,
        @DefaultValue("5s") Duration heartbeat) {

    public LeaseProperties {
        if (heartbeat.isNegative() || heartbeat.isZero() || heartbeat.multipliedBy(2).compareTo(duration) > 0) {
            throw new IllegalArgumentException("compclose.lease.heartbeat (" + heartbeat + ") must be positive and at "
                    + "most half of compclose.lease.duration (" + duration + "), or a live close could lose its lease");
        }
    }
}
