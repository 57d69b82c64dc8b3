package io.compclose.plan;

/** What a component measures. More metrics arrive with the calculation core. */
public enum Metric {
    BOOKINGS_ACV("ACV");

    private final String label;

    Metric(String label) {
        this.label = label;
    }

    public String label() {
        return label;
    }
}
