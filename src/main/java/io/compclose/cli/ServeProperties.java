package io.compclose.cli;

import java.nio.file.Path;
import java.time.Duration;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Settings of {@code serve}, bound from {@code compclose.serve.*}; the command line sets the first two.
 *
 * @param jobs         the job catalog folder
 * @param out          the output folder every scheduled job writes to (and the embedded database's)
 * @param shutdownWait how long a stopping service waits for a running job to finish: a close left
 *                     half-way restarts where it stopped, but one that finishes needs nobody
 * @param schedule     whether the job catalog runs; {@code console} serves the console without it
 */
@ConfigurationProperties("compclose.serve")
public record ServeProperties(
        @DefaultValue("jobs/catalog") Path jobs,
        @DefaultValue("out") Path out,
        @DefaultValue("20m") Duration shutdownWait,
        @DefaultValue("true") boolean schedule) {
}
