package io.compclose.system;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.text.DecimalFormat;
import java.text.DecimalFormatSymbols;
import java.util.Locale;

/**
 * Amounts as a statement and the close summary print them: "1,234.50", in a fixed US style whatever the
 * server's locale.
 */
public final class Amounts {

    private Amounts() {
    }

    public static String format(BigDecimal value) {
        if (value == null) {
            return null;
        }
        // DecimalFormat is not thread-safe, and a new one is cheap next to a fill
        DecimalFormat format = new DecimalFormat("#,##0.00", DecimalFormatSymbols.getInstance(Locale.US));
        format.setRoundingMode(RoundingMode.HALF_EVEN);
        return format.format(value);
    }
}
