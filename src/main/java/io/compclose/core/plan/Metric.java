package io.compclose.core.plan;

import java.util.Locale;
import java.util.Optional;

/**
 * What a component, bonus or pool measures. {@code KPI:<name>} and {@code MBO:<objective>} carry
 * the name of the figure that arrives in kpis.csv.
 */
public record Metric(Kind kind, String name) {

    public enum Kind {
        BOOKINGS_ACV("ACV"), BOOKINGS_TCV("TCV"), BOOKINGS_FIRST_YEAR("first-year value"),
        NEW_LOGO_COUNT("new logos"), RENEWAL_ACV("renewal ACV"), USAGE_REVENUE("usage revenue"),
        USAGE_GROWTH("usage growth"), ACTIVITY_COUNT("activities"), SOURCED_ACV("sourced ACV"),
        KPI("KPI"), MBO("MBO score");

        private final String label;

        Kind(String label) {
            this.label = label;
        }
    }

    public static final Metric BOOKINGS_ACV = new Metric(Kind.BOOKINGS_ACV, null);

    public static Optional<Metric> parse(String text) {
        String upper = text.trim().toUpperCase(Locale.ROOT);
        for (Kind kind : new Kind[] {Kind.KPI, Kind.MBO}) {
            if (upper.startsWith(kind.name() + ":") && upper.length() > kind.name().length() + 1) {
                return Optional.of(new Metric(kind, text.trim().substring(kind.name().length() + 1)));
            }
        }
        try {
            Kind kind = Kind.valueOf(upper);
            return kind == Kind.KPI || kind == Kind.MBO ? Optional.empty() : Optional.of(new Metric(kind, null));
        } catch (IllegalArgumentException e) {
            return Optional.empty();
        }
    }

    public String label() {
        return name == null ? kind.label : kind.label + " " + name;
    }

    /** Metrics measured on credited bookings (as opposed to usage, activities, KPIs and MBO scores). */
    public boolean isMeasuredOnBookings() {
        return switch (kind) {
            case BOOKINGS_ACV, BOOKINGS_TCV, BOOKINGS_FIRST_YEAR, RENEWAL_ACV, SOURCED_ACV, NEW_LOGO_COUNT -> true;
            default -> false;
        };
    }

    /** Metrics measured in money, which a rate can pay a percentage of. */
    public boolean isMoney() {
        return switch (kind) {
            case BOOKINGS_ACV, BOOKINGS_TCV, BOOKINGS_FIRST_YEAR, RENEWAL_ACV, USAGE_REVENUE, USAGE_GROWTH,
                    SOURCED_ACV -> true;
            default -> false;
        };
    }

    /** Metrics that count units (meetings, new logos), which can be paid an amount per unit. */
    public boolean isCount() {
        return kind == Kind.NEW_LOGO_COUNT || kind == Kind.ACTIVITY_COUNT;
    }

    @Override
    public String toString() {
        return name == null ? kind.name() : kind.name() + ":" + name;
    }
}
