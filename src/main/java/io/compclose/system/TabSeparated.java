package io.compclose.system;

import java.math.BigDecimal;

/**
 * Rows in the text LOAD DATA reads by default: fields separated by a tab, lines ended by a newline,
 * a backslash escaping tab, newline, carriage return, NUL and itself, and {@code \N} for null.
 * Decimals are written plain (never 1E+3), dates and months as ISO text, as an INSERT would bind them.
 */
public final class TabSeparated {

    private TabSeparated() {
    }

    public static void appendLine(StringBuilder line, Object... values) {
        for (int i = 0; i < values.length; i++) {
            if (i > 0) {
                line.append('\t');
            }
            appendValue(line, values[i]);
        }
        line.append('\n');
    }

    private static void appendValue(StringBuilder line, Object value) {
        if (value == null) {
            line.append("\\N");
        } else if (value instanceof BigDecimal decimal) {
            line.append(decimal.toPlainString());
        } else if (value instanceof String text) {
            appendText(line, text);
        } else {
            // numbers, LocalDate, YearMonth: their toString is the ISO text the column parses
            appendText(line, value.toString());
        }
    }

    private static void appendText(StringBuilder line, String text) {
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            switch (c) {
                case '\t' -> line.append("\\t");
                case '\n' -> line.append("\\n");
                case '\r' -> line.append("\\r");
                case '\0' -> line.append("\\0");
                case '\\' -> line.append("\\\\");
                default -> line.append(c);
            }
        }
    }
}
