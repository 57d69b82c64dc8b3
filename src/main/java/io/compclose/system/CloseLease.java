package io.compclose.system;

import java.time.Duration;
import java.util.Optional;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import io.compclose.core.plan.PayPeriod;

/**
 * A period's close lease held by this process: renewed by a heartbeat thread while the close
 * runs, deleted when it ends. A process killed mid-close leaves the row behind, and its lease
 * expires: that is how the next close knows the execution it finds STARTED has no process left.
 */
public final class CloseLease implements AutoCloseable {

    private static final Logger log = LoggerFactory.getLogger(CloseLease.class);

    private final CloseLeases leases;
    private final String jobName;
    private final PayPeriod period;
    private final String token;
    private final Optional<LeaseHolder> takenFrom;
    private final ScheduledExecutorService heartbeat = Executors.newSingleThreadScheduledExecutor(runnable -> {
        Thread thread = new Thread(runnable, "close-lease-heartbeat");
        thread.setDaemon(true); // never keeps a finished (or failing) close's JVM alive
        return thread;
    });
    private volatile boolean lost;

    CloseLease(CloseLeases leases, String jobName, PayPeriod period, String token, Optional<LeaseHolder> takenFrom) {
        this.leases = leases;
        this.jobName = jobName;
        this.period = period;
        this.token = token;
        this.takenFrom = takenFrom;
    }

    /** The expired holder this lease was taken over from: a close whose process is gone. */
    public Optional<LeaseHolder> takenFrom() {
        return takenFrom;
    }

    /** True once a renewal found the lease in another close's hands: this close must stop writing. */
    public boolean lost() {
        return lost;
    }

    public PayPeriod period() {
        return period;
    }

    String jobName() {
        return jobName;
    }

    String token() {
        return token;
    }

    void startHeartbeat(Duration every) {
        heartbeat.scheduleWithFixedDelay(this::renew, every.toMillis(), every.toMillis(), TimeUnit.MILLISECONDS);
    }

    private void renew() {
        try {
            if (!lost && !leases.renew(this)) {
                lost = true;
                log.error("The close lease of {} was taken over by another close (this one missed its heartbeats "
                        + "for longer than the lease); this close stops before its next write", period);
            }
        } catch (RuntimeException e) {
            // a database hiccup: the lease is still ours until it expires, and the next beat tries again
            log.warn("Could not renew the close lease of {}: {}", period, e.getMessage());
        }
    }

    /** Stops the heartbeat and deletes the row (only if it is still ours). */
    @Override
    public void close() {
        heartbeat.shutdown();
        try {
            heartbeat.awaitTermination(10, TimeUnit.SECONDS); // a renewal under way finishes before the delete
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        try {
            leases.release(this);
        } catch (RuntimeException e) {
            // the database is unreachable: the row expires on its own, and the next close takes it over
            log.warn("Could not release the close lease of {}: {}", period, e.getMessage());
        }
    }
}
