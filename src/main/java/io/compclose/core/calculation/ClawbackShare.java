package io.compclose.core.calculation;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.Optional;

import io.compclose.core.plan.PlanTerms;

/**
 * The share of a cancelled booking's commission recovered under a fixed share or a schedule by
 * months since booking, with the words that say why.
 * <p>
 * "Within N months" ends the day before the N-month anniversary of booking ({@link PlanTerms.Clawback.Step#covers}):
 * booked 2026-01-15, a cancellation up to 2026-04-14 is within 3 months, one on 2026-04-15 is not. Where
 * the anniversary's month is shorter, it falls on that month's last day (booked 2026-01-31: within 1 month
 * is up to 2026-02-27), as {@link LocalDate#plusMonths} counts.
 *
 * @param share a fraction of the commission paid, 0–1
 */
record ClawbackShare(BigDecimal share, String how) {

    /** The share, or empty when the cancellation came after the schedule's last step. */
    static Optional<ClawbackShare> of(PlanTerms.Clawback terms, LocalDate bookedOn, LocalDate cancelledOn) {
        return switch (terms.method()) {
            case FIXED_SHARE -> Optional.of(new ClawbackShare(terms.share(),
                    "fixed share: " + ComponentLine.percent(terms.share())));
            case SCHEDULE_BY_MONTHS -> terms.schedule().stream()
                    .filter(step -> step.covers(bookedOn, cancelledOn))
                    .findFirst()
                    .map(step -> new ClawbackShare(step.share(), "schedule: " + ComponentLine.percent(step.share())
                            + " within " + step.withinMonths() + " months of booking (before "
                            + bookedOn.plusMonths(step.withinMonths()) + ")"));
            case FULL, PRO_RATA_UNUSED_TERM -> throw new IllegalArgumentException(
                    terms.method() + " is not a share of the commission: see Clawback");
        };
    }
}
