package io.compclose.core.input;

import java.math.BigDecimal;

/**
 * An optional figure a booking may carry beyond its amounts, for plans to test ({@code grossMarginPct >= 20}):
 * its column in bookings.csv, the property a condition reads, and the range a value must lie in. A booking
 * that does not carry one reads it as null.
 */
public enum DealAttribute {

    GROSS_MARGIN_PCT("gross_margin_pct", "grossMarginPct", "-100", "100", false),
    DISCOUNT_PCT("discount_pct", "discountPct", "0", "100", false),
    PAYMENT_TERMS_DAYS("payment_terms_days", "paymentTermsDays", "0", "365", true);

    /** The decimals a percent may have: what the booking table's columns hold. */
    public static final int DECIMALS = 4;

    private final String column;
    private final String property;
    private final BigDecimal min;
    private final BigDecimal max;
    private final boolean whole;

    DealAttribute(String column, String property, String min, String max, boolean whole) {
        this.column = column;
        this.property = property;
        this.min = new BigDecimal(min);
        this.max = new BigDecimal(max);
        this.whole = whole;
    }

    /** The bookings.csv column and the booking table's column. */
    public String column() {
        return column;
    }

    /** The name a plan condition reads it by. */
    public String property() {
        return property;
    }

    /** Whether it is a whole number (days) rather than a percent with decimals. */
    public boolean whole() {
        return whole;
    }

    public boolean admits(BigDecimal value) {
        return value.compareTo(min) >= 0 && value.compareTo(max) <= 0;
    }

    /** The range in words, for a reject and the contract: "from 0 to 100". */
    public String range() {
        return "from " + min.toPlainString() + " to " + max.toPlainString();
    }

    /** The attribute a condition reads by {@code property}, or null. */
    public static DealAttribute ofProperty(String property) {
        for (DealAttribute attribute : values()) {
            if (attribute.property.equals(property)) {
                return attribute;
            }
        }
        return null;
    }
}
