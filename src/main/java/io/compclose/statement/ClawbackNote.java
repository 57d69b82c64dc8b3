package io.compclose.statement;

import java.util.Optional;
import java.util.stream.Collectors;

import io.compclose.core.plan.PlanTerms;
import io.compclose.core.plan.PlanTerms.Clawback.Method;
import io.compclose.core.plan.PlanTerms.Clawback.Recovery;

/**
 * The clawback terms in words, for the note under each component: what share of a cancelled booking's
 * commission is recovered, and whether a recovery larger than the period's pay is carried or posted in
 * full. Written for the fixed share, the schedule and full posting; the older terms (in full or pro
 * rata, carried) are explained on the clawback line itself.
 */
final class ClawbackNote {

    private ClawbackNote() {
    }

    static Optional<String> of(PlanTerms.Clawback terms) {
        if (terms == null || terms.recovery() == Recovery.NET_AND_CARRY
                && (terms.method() == Method.FULL || terms.method() == Method.PRO_RATA_UNUSED_TERM)) {
            return Optional.empty();
        }
        String window = "within " + terms.windowDays() + " days of booking";
        String share = switch (terms.method()) {
            case FULL -> "all the commission paid on it is clawed back";
            case PRO_RATA_UNUSED_TERM -> "the commission paid on it is clawed back pro rata to the months of the term "
                    + "left unused";
            case FIXED_SHARE -> ComponentNote.percent(terms.share()) + " of the commission paid on it is clawed back";
            case SCHEDULE_BY_MONTHS -> "the commission paid on it is clawed back by months since booking: "
                    + terms.schedule().stream().map(step -> ComponentNote.percent(step.share())
                            + " if cancelled within " + step.withinMonths()
                            + (step.withinMonths() == 1 ? " month" : " months")).collect(Collectors.joining(", "))
                    + ", nothing later (within N months ends the day before the N-month anniversary of booking)";
        };
        String recovery = terms.recovery() == Recovery.FULL_NEGATIVE
                ? "the clawback is taken in full in the period of the cancellation, even when that makes the "
                        + "period's pay negative"
                : "a clawback larger than the period's pay is carried forward and recovered from later pay";
        return Optional.of("Clawback: when a booking is cancelled " + window + ", " + share + "; " + recovery + ".");
    }
}
