package io.compclose.core.reconciliation;

import java.util.List;

/** One hand-off of the close checked on the snapshot: the breaks it finds, each one line naming the figures. */
@FunctionalInterface
interface TieRule {

    List<String> check(ControlSnapshot snapshot);
}
