package io.compclose.system;

import java.net.InetAddress;
import java.net.UnknownHostException;
import java.util.Optional;
import java.util.UUID;

import org.springframework.dao.DuplicateKeyException;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;
import io.compclose.core.plan.PayPeriod;

/**
 * The {@code close_lease} table: at most one live close per job and period, across processes and
 * hosts. Every time is the database's, so the hosts' clocks never need to agree. Acquiring is one
 * atomic statement (an INSERT, or an UPDATE of a row whose lease has expired), so of two closes
 * started together exactly one gets the lease.
 */
@Component
public class CloseLeases {

    // every time is the database's LOCALTIMESTAMP(3); a lease expires TIMESTAMPADD(MICROSECOND, ?, now)

    private final JdbcTemplate jdbc;
    private final LeaseProperties properties;
    private volatile CloseLease held;

    public CloseLeases(JdbcTemplate jdbc, LeaseProperties properties) {
        this.jdbc = jdbc;
        this.properties = properties;
    }

    /**
     * Takes the period's lease and starts renewing it, or throws {@link LeaseHeldException} naming
     * the live holder.
     *
     * @param takeOver take it even from a holder that has not expired: for a database only one
     *                 process can open (embedded H2), where any other holder must be gone
     */
    public CloseLease acquire(String jobName, PayPeriod period, boolean takeOver) {
        Owner owner = new Owner(hostName(), ProcessHandle.current().pid(), UUID.randomUUID().toString());
        for (int attempt = 0; attempt < 3; attempt++) {
            try {
                jdbc.update("""
                        INSERT INTO close_lease (job_name, pay_period, owner_host, owner_pid, token, acquired_at,
                            heartbeat_at, expires_at)
                        VALUES (?, ?, ?, ?, ?, LOCALTIMESTAMP(3), LOCALTIMESTAMP(3),
                            TIMESTAMPADD(MICROSECOND, ?, LOCALTIMESTAMP(3)))
                        """,
                        jobName, period.toString(), owner.host(), owner.pid(), owner.token(), micros());
                return start(new CloseLease(this, jobName, period, owner.token(), Optional.empty()));
            } catch (DuplicateKeyException held) {
                Optional<LeaseHolder> before = holder(jobName, period);
                if (before.isEmpty()) {
                    continue; // released in between: try the INSERT again
                }
                if (!before.get().expired() && !takeOver) {
                    throw new LeaseHeldException(period, before.get());
                }
                // the WHERE is evaluated again under the row lock: of two closes taking over, one wins
                int taken = jdbc.update("""
                        UPDATE close_lease SET owner_host = ?, owner_pid = ?, token = ?, acquired_at = LOCALTIMESTAMP(3),
                            heartbeat_at = LOCALTIMESTAMP(3), expires_at = TIMESTAMPADD(MICROSECOND, ?, LOCALTIMESTAMP(3))
                        WHERE job_name = ? AND pay_period = ? AND (expires_at < LOCALTIMESTAMP(3) OR ?)
                        """, owner.host(),
                        owner.pid(), owner.token(), micros(), jobName, period.toString(), takeOver);
                if (taken == 1) {
                    return start(new CloseLease(this, jobName, period, owner.token(), before));
                }
            }
        }
        throw new LeaseHeldException(period, holder(jobName, period).orElseThrow(() -> new IllegalStateException(
                "the lease of " + period + " changed hands three times while this close tried to take it")));
    }

    /** The period's lease holder, live or expired; empty when no close holds it. */
    public Optional<LeaseHolder> holder(String jobName, PayPeriod period) {
        return jdbc.query("""
                SELECT owner_host, owner_pid, acquired_at, heartbeat_at, expires_at,
                    CASE WHEN expires_at < LOCALTIMESTAMP(3) THEN 1 ELSE 0 END
                FROM close_lease WHERE job_name = ? AND pay_period = ?
                """,
                (rs, i) -> new LeaseHolder(rs.getString(1), rs.getLong(2), rs.getTimestamp(3).toLocalDateTime(),
                        rs.getTimestamp(4).toLocalDateTime(), rs.getTimestamp(5).toLocalDateTime(), rs.getInt(6) == 1),
                jobName, period.toString()).stream().findFirst();
    }

    /** The lease this process holds now, if any: what the steps check before they write. */
    public Optional<CloseLease> held() {
        return Optional.ofNullable(held);
    }

    /** Extends the lease; false when it is no longer ours (it expired and another close took it). */
    boolean renew(CloseLease lease) {
        return jdbc.update("""
                UPDATE close_lease SET heartbeat_at = LOCALTIMESTAMP(3),
                    expires_at = TIMESTAMPADD(MICROSECOND, ?, LOCALTIMESTAMP(3))
                WHERE job_name = ? AND pay_period = ? AND token = ?
                """, micros(), lease.jobName(),
                lease.period().toString(), lease.token()) == 1;
    }

    void release(CloseLease lease) {
        held = null;
        jdbc.update("DELETE FROM close_lease WHERE job_name = ? AND pay_period = ? AND token = ?", lease.jobName(),
                lease.period().toString(), lease.token());
    }

    private CloseLease start(CloseLease lease) {
        lease.startHeartbeat(properties.heartbeat());
        held = lease;
        return lease;
    }

    private long micros() {
        return properties.duration().toNanos() / 1_000;
    }

    private static String hostName() {
        try {
            return ColumnText.fit(InetAddress.getLocalHost().getHostName(), 255);
        } catch (UnknownHostException e) {
            return "unknown host";
        }
    }

    private record Owner(String host, long pid, String token) {
    }
}
