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

    public record Clawback(int windowDays, Method method) {
        public enum Method {
            FULL, PRO_RATA_UNUSED_TERM
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

    public record TeamPool(String team, Metric metric, BigDecimal target, BigDecimal pool, Split split,
            boolean allMustQualify) {
        public enum Split {
            EQUAL, BY_CREDIT
        }
    }

    public record Mbo(String objective, BigDecimal weight) {
    }
}
