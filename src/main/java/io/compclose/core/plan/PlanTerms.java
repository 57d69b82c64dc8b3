package io.compclose.core.plan;

import java.math.BigDecimal;
import java.time.LocalDate;

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

    public record Spiff(String id, LocalDate from, LocalDate to, String when, BigDecimal amountPerDeal) {
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
