package io.compclose.system;

import io.compclose.core.plan.PayPeriod;

/** Another live close holds the period's lease: this one must not start. */
public class LeaseHeldException extends RuntimeException {

    private final transient LeaseHolder holder;

    public LeaseHeldException(PayPeriod period, LeaseHolder holder) {
        super("a close of " + period + " is already running on " + holder.owner());
        this.holder = holder;
    }

    public LeaseHolder holder() {
        return holder;
    }
}
