package io.compclose.system;

import java.time.LocalDateTime;

/**
 * Who holds a period's close lease, as the database records it (database time).
 *
 * @param expired whether its last heartbeat is older than the lease: its process is gone
 */
public record LeaseHolder(String host, long pid, LocalDateTime acquiredAt, LocalDateTime heartbeatAt,
        LocalDateTime expiresAt, boolean expired) {

    /** {@code host build-7 (pid 4242)}. */
    public String owner() {
        return "host " + host + " (pid " + pid + ")";
    }
}
