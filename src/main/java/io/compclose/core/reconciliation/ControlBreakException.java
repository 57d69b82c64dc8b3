package io.compclose.core.reconciliation;

import java.util.List;

/**
 * Figures that must tie at a hand-off after reconciliation (payouts to the payroll file, the payroll
 * file to the statements) do not; the step stops before the figures go further.
 */
public class ControlBreakException extends RuntimeException {

    public ControlBreakException(String what, List<?> breaks) {
        super(what + ": " + String.join("; ", breaks.stream().map(String::valueOf).toList()));
    }
}
