package io.compclose.intake;

import java.util.List;

import io.compclose.core.plan.Plan;

/**
 * What the close can compute today. The calculation core covers every mechanic of a plan file;
 * team pools are computed on booking metrics only, so a pool on another metric is refused by name
 * rather than paid as if that metric were zero.
 */
final class CloseSupport {

    private CloseSupport() {
    }

    static List<String> missing(Plan plan) {
        if (plan.teamPool() == null || plan.teamPool().metric().isMeasuredOnBookings()) {
            return List.of();
        }
        return List.of(plan.sourceFile() + ": plan " + plan.id() + " v" + plan.version() + ": team pool "
                + plan.teamPool().team() + " measures " + plan.teamPool().metric()
                + ", and team pools are computed on booking metrics only");
    }
}
