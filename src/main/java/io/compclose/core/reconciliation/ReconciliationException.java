package io.compclose.core.reconciliation;

import java.util.List;

/** Figures that should tie do not; the close stops before payroll and statements. */
public class ReconciliationException extends RuntimeException {

    public ReconciliationException(String period, List<String> breaks) {
        super("reconciliation of " + period + " failed: " + String.join("; ", breaks));
    }
}
