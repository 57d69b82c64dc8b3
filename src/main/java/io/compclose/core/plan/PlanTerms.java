package io.compclose.core.plan;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;

/** The plan-level mechanics besides components: caps, draw, holdback, clawback, SPIFFs, bonuses, pool, MBO. */
public final class PlanTerms {

    private PlanTerms() {
    }

    public record Caps(BigDecimal perPeriod, BigDecimal perYear, BigDecimal multipleOfTarget) {
        public static final Caps NONE = new Caps(null, null, null);
    }

    public record Draw(Kind kind, BigDecimal perPeriod, int periods) {
        public enum Kind {
            RECOVERABLE, NON_RECOVERABLE
        }
    }

    public record Holdback(BigDecimal share, Release release) {
        public enum Release {
            YEAR_END
        }
    }

    /**
     * @param share    the fixed share recovered under FIXED_SHARE (null otherwise)
     * @param schedule the steps of SCHEDULE_BY_MONTHS, shortest first (empty otherwise)
     * @param recovery how a clawback larger than the period's pay is recovered; NET_AND_CARRY when absent
     */
    public record Clawback(int windowDays, Method method, BigDecimal share, List<Step> schedule, Recovery recovery) {
        public enum Method {
            FULL, PRO_RATA_UNUSED_TERM, FIXED_SHARE, SCHEDULE_BY_MONTHS
        }

        /** NET_AND_CARRY recovers from the period's pay and carries the rest; FULL_NEGATIVE posts it all now. */
        public enum Recovery {
            NET_AND_CARRY, FULL_NEGATIVE
        }

        /** Recover {@code share} of the commission when cancelled within {@code withinMonths} of booking. */
        public record Step(int withinMonths, BigDecimal share) {

            /**
             * Within N months ends the day before the N-month anniversary of booking (in a shorter month, its
             * last day): booked 2026-01-15, 2026-04-14 is within 3 months, 2026-04-15 is not.
             */
            public boolean covers(LocalDate bookedOn, LocalDate cancelledOn) {
                return cancelledOn.isBefore(bookedOn.plusMonths(withinMonths));
            }
        }

        public Clawback {
            schedule = schedule == null ? List.of() : List.copyOf(schedule);
            recovery = recovery == null ? Recovery.NET_AND_CARRY : recovery;
        }

        /** Today's terms: in full or pro rata, recovered from pay and carried. */
        public Clawback(int windowDays, Method method) {
            this(windowDays, method, null, List.of(), null);
        }
    }

    /**
     * A SPIFF program: deals booked in {@code [from, to]} that meet {@code when} each earn one of a fixed
     * {@code amountPerDeal}, a {@code rate} on the deal's credited ACV, or the amount of the deal-size tier its ACV
     * falls in ({@code tiers}: half-open bands whose {@code rate} is the amount paid). {@code capPerYear}, when
     * set, is the most the program pays the rep in a plan year. Unset fields are null (tiers empty).
     */
    public record Spiff(String id, LocalDate from, LocalDate to, String when, BigDecimal amountPerDeal,
            BigDecimal rate, List<Band> tiers, BigDecimal capPerYear) {

        public Spiff {
            tiers = tiers == null ? List.of() : List.copyOf(tiers);
        }

        /** A fixed amount per qualifying deal, no cap. */
        public Spiff(String id, LocalDate from, LocalDate to, String when, BigDecimal amountPerDeal) {
            this(id, from, to, when, amountPerDeal, null, List.of(), null);
        }
    }

    public record Bonus(String id, Metric metric, BigDecimal atLeast, BigDecimal amount) {
    }

    /** A team's pool; split BY_POINTS shares it by the points pool_points.csv gives each member. */
    public record TeamPool(String team, Metric metric, BigDecimal target, BigDecimal pool, Split split,
            boolean allMustQualify) {
        public enum Split {
            EQUAL, BY_CREDIT, BY_POINTS
        }
    }

    public record Mbo(String objective, BigDecimal weight) {
    }

    /**
     * A plan version that is in force for part of a plan year (a mid-year change, a new hire, a leaver)
     * measures against its quota and pays its target incentive in proportion to that part: by the days in
     * force ÷ the days of the year, or by the whole calendar months in force ÷ 12.
     */
    public record Proration(By by) {
        public enum By {
            DAYS, MONTHS
        }

        public Proration {
            by = by == null ? By.DAYS : by;
        }
    }
}
