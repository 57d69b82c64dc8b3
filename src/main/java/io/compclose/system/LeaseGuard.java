package io.compclose.system;

import org.springframework.batch.core.listener.ItemWriteListener;
import org.springframework.batch.infrastructure.item.Chunk;

/**
 * On every chunk step: a close whose lease another close has taken over (it stopped renewing for
 * longer than the lease, paused or cut off from the database) writes nothing more.
 */
public record LeaseGuard(CloseLeases leases) implements ItemWriteListener<Object> {

    @Override
    public void beforeWrite(Chunk<? extends Object> items) {
        leases.held().filter(CloseLease::lost).ifPresent(lease -> {
            throw new LeaseLostException("the close lease of " + lease.period() + " was taken over by another close "
                    + "while this one was not renewing it; this close stopped before writing more, the other one "
                    + "carries on");
        });
    }

    /** This close no longer holds its period's lease. */
    public static class LeaseLostException extends IllegalStateException {
        public LeaseLostException(String message) {
            super(message);
        }
    }
}
