package io.compclose.cli;

import java.io.PrintStream;
import java.time.Clock;
import java.time.LocalDateTime;

import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;

import io.compclose.audit.AuditLogRepository;
import io.compclose.core.plan.PayPeriod;
import io.compclose.period.PeriodLifecycleRepository;

/**
 * {@code lock}: finance locks a closed period once payroll has imported it. A locked period is
 * never closed or revised again; late inputs and corrections for it go to the next open period.
 */
@Component
public record LockCommand(PeriodLifecycleRepository lifecycle, Clock clock, AuditLogRepository audit,
        TransactionTemplate transaction) {

    public int run(PayPeriod period, String by, String note, PrintStream out, PrintStream err) {
        if (by == null || by.isBlank()) {
            err.println("compclose: --by=NAME is required: a lock names who locked the period");
            return ExitCode.BAD_INPUT;
        }
        PeriodLifecycleRepository.PeriodState state = lifecycle.state(period);
        switch (state.state()) {
            case OPEN -> {
                err.println("compclose: " + period + " has no completed close to lock; run its close first");
                return ExitCode.BAD_INPUT;
            }
            case LOCKED -> {
                out.println(period + " is already " + state.lockDescription() + ".");
                return ExitCode.OK;
            }
            case CLOSED -> {
                transaction.executeWithoutResult(status -> {
                    lifecycle.lock(period, by, note, LocalDateTime.now(clock));
                    audit.record(by, AuditLogRepository.Action.LOCK, period, "revision " + state.revision()
                            + (note == null ? "" : ": " + note));
                });
                out.println("Locked " + period + " (revision " + state.revision() + ", closed "
                        + CloseReport.time(state.closedAt()) + "), by " + by + ". Its figures never change again: "
                        + "late inputs and corrections for " + period + " go in the inbox of "
                        + lifecycle.nextOpen(period) + ".");
                return ExitCode.OK;
            }
            default -> throw new IllegalStateException(state.state().name());
        }
    }
}
