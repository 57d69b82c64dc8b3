package io.compclose.system;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.text.DecimalFormat;
import java.text.DecimalFormatSymbols;
import java.util.Currency;
import java.util.Locale;

/**
 * Amounts as a statement and the close summary print them: "1,234.50", in a fixed US style whatever the
 * server's locale.
 */
public final class Amounts {

    private Amounts() {
    }

    public static String format(BigDecimal value) {
        return format(value, 2);
    }

    /** To the currency's minor unit: 5,000.00 for USD, 500 for JPY. */
    public static String format(BigDecimal value, String currencyCode) {
        return format(value, Currency.getInstance(currencyCode).getDefaultFractionDigits());
    }

    private static String format(BigDecimal value, int decimals) {
        if (value == null) {
            return null;
        }
        // DecimalFormat is not thread-safe, and a new one is cheap next to a fill
        DecimalFormat format = new DecimalFormat("#,##0" + (decimals > 0 ? "." + "0".repeat(decimals) : ""),
                DecimalFormatSymbols.getInstance(Locale.US));
        format.setRoundingMode(RoundingMode.HALF_EVEN);
        return format.format(value);
    }
}
